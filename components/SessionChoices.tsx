'use client';

import { useLocale, useTranslations } from 'next-intl';
import { BADGE_CLASS, BadgeList } from '@/components/BadgeList';
import { LocalTime } from '@/components/LocalTime';

export type SessionOption = {
  id: string;
  label: string;
  detail: string;
  full: boolean;
  invitation: boolean;
  /** Live now (`isLive`, the programme's rule). */
  live: boolean;
  mode: 'onsite' | 'online' | 'hybrid';
  startsAt: Date;
  endsAt: Date;
};

/**
 * The registration form's sessions, one checkbox each: live now, invitation-only and mode said
 * beside the title, the time in the event's zone and the viewer's own (`<LocalTime>`). The whole
 * row is the box's label, a target as wide as the list (WCAG 2.5.8); the box itself is 24 px.
 */
export function SessionChoices({
  sessions,
  checked,
  timeZone,
  localTime,
}: {
  sessions: SessionOption[];
  checked: string[];
  /** The event's zone, and the text of the viewer's own time (`localTimeTemplate`). */
  timeZone: string;
  localTime: string;
}) {
  const tBadge = useTranslations('badge');
  const tMode = useTranslations('mode');
  const locale = useLocale();
  return (
    <ul className="grid gap-1">
      {sessions.map((s) => (
        <li key={s.id} data-session-option={s.id}>
          <label className="flex cursor-pointer items-start gap-3 rounded p-2 hover:bg-stone-50 has-checked:bg-green-50">
            <input type="checkbox" name="sessionIds" value={s.id} defaultChecked={checked.includes(s.id)} className="mt-0.5 h-6 w-6 shrink-0 cursor-pointer accent-brand" />
            <span className="min-w-0">
              <span className="font-medium">{s.label}</span>{' '}
              <BadgeList
                badges={[
                  ...(s.live ? [{ key: 'live', label: tBadge('live'), className: BADGE_CLASS.live }] : []),
                  ...(s.invitation ? [{ key: 'invitation', label: tBadge('invitation'), className: BADGE_CLASS.invitation }] : []),
                  { key: 'mode', label: tMode(s.mode), className: BADGE_CLASS.mode },
                ]}
              />
              <span className="block text-sm text-stone-600">{s.detail}</span>
              <LocalTime start={s.startsAt} end={s.endsAt} timeZone={timeZone} locale={locale} template={localTime} />
            </span>
          </label>
        </li>
      ))}
    </ul>
  );
}
