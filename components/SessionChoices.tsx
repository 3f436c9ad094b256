'use client';

import { useLocale, useTranslations } from 'next-intl';
import { BADGE_CLASS, BadgeList } from '@/components/BadgeList';
import { LocalTime } from '@/components/LocalTime';
import type { SeatMode } from '@/lib/domain/registration';

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
  /** A hybrid session's modes (on site, online), each with its free seats (null: unlimited) — the registrant chooses one. */
  modes?: { mode: SeatMode; free: number | null; full: boolean }[];
};

/**
 * The registration form's sessions, one checkbox each: live now, invitation-only and mode said
 * beside the title, the time in the event's zone and the viewer's own (`<LocalTime>`). The whole
 * row is the box's label, a target as wide as the list (WCAG 2.5.8); the box itself is 24 px.
 * A hybrid session has a radio group below it (`modes.<id>`): on site or online, each with its
 * free seats or its waiting list; online unless chosen otherwise.
 */
export function SessionChoices({
  sessions,
  checked,
  modes = {},
  timeZone,
  localTime,
}: {
  sessions: SessionOption[];
  checked: string[];
  /** The modes chosen before (a refused form shown again). */
  modes?: Record<string, string>;
  /** The event's zone, and the text of the viewer's own time (`localTimeTemplate`). */
  timeZone: string;
  localTime: string;
}) {
  const tBadge = useTranslations('badge');
  const tMode = useTranslations('mode');
  const tSeats = useTranslations('seats');
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
          {s.modes && (
            <fieldset className="mb-1 ml-11 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-modes-of={s.id}>
              <legend className="sr-only">{tSeats('choose', { session: s.label })}</legend>
              {s.modes.map((m) => (
                <label key={m.mode} className="flex min-h-6 cursor-pointer items-center gap-2">
                  <input
                    type="radio"
                    name={`modes.${s.id}`}
                    value={m.mode}
                    defaultChecked={(modes[s.id] ?? 'online') === m.mode}
                    className="h-5 w-5 cursor-pointer accent-brand"
                  />
                  <span>
                    <span className="font-medium">{tSeats(`mode.${m.mode}`)}</span>
                    {' · '}
                    <span className={m.full ? 'text-amber-800' : 'text-stone-600'} data-seats-mode={m.mode}>
                      {m.full ? tSeats('waitlist') : m.free === null ? tSeats('unlimited') : tSeats('free', { free: m.free })}
                    </span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
        </li>
      ))}
    </ul>
  );
}
