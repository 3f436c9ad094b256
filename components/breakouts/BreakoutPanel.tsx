'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ConfirmAction } from '@/components/ConfirmAction';
import { useAckError } from '@/components/live/AckErrorText';
import { BREAKOUT_LIMITS } from '@/lib/domain/breakouts';
import type { AckError } from '@/lib/realtime/protocol';
import { TimeLeft } from './TimeLeft';
import type { Breakouts } from './useBreakouts';
import { Section } from '@/components/Section';

/**
 * Moderators' « Groupes » panel: split the room into groups (number, minutes, at random or by
 * choice), then follow the groups and their members, visit one, write to all, call everyone back.
 */
export function BreakoutPanel({ breakouts, visiting, onVisit }: { breakouts: Breakouts; visiting: string | null; onVisit: (groupId: string | null) => void }) {
  const t = useTranslations('breakouts');
  const tc = useTranslations('confirm');
  const ackError = useAckError('breakouts');
  const { state, actions } = breakouts;
  const [groups, setGroups] = useState(3);
  const [minutes, setMinutes] = useState(15);
  const [assign, setAssign] = useState<'random' | 'choice'>('random');
  const [text, setText] = useState('');
  const [error, setError] = useState<AckError | null>(null);
  const round = state.full ?? null;

  async function start(e: React.FormEvent) {
    e.preventDefault();
    const res = await actions.start({ groups, minutes, assign });
    setError(res.ok ? null : res.error);
  }
  async function send(e: React.FormEvent) {
    e.preventDefault();
    const res = await actions.broadcast(text);
    setError(res.ok ? null : res.error);
    if (res.ok) setText('');
  }

  return (
    <Section headingId="breakouts-title" title={t('title')} headingClassName="font-semibold" className="space-y-3 rounded-lg border border-stone-200 bg-white p-3" data-testid="breakout-panel">
      {error && (
        <p role="alert" className="text-sm text-red-800">
          {ackError(error)}
        </p>
      )}
      {!round ? (
        <form onSubmit={(e) => void start(e)} className="grid gap-2 sm:grid-cols-3">
          <NumberField label={t('groups')} min={BREAKOUT_LIMITS.groupsMin} max={BREAKOUT_LIMITS.groupsMax} value={groups} onChange={setGroups} testId="breakout-groups" />
          <NumberField label={t('minutes')} min={BREAKOUT_LIMITS.minutesMin} max={BREAKOUT_LIMITS.minutesMax} value={minutes} onChange={setMinutes} testId="breakout-minutes" />
          <label className="flex flex-col text-sm">
            {t('mode')}
            <select value={assign} onChange={(e) => setAssign(e.target.value as 'random' | 'choice')} className="rounded border border-stone-300 px-2 py-1">
              <option value="random">{t('modeRandom')}</option>
              <option value="choice">{t('modeChoice')}</option>
            </select>
          </label>
          <button type="submit" className="rounded bg-brand px-3 py-1.5 text-white sm:col-span-3" data-testid="breakout-start">
            {t('start')}
          </button>
        </form>
      ) : (
        <>
          <p className="text-sm" role="status">
            <TimeLeft endsAt={round.endsAt} />
          </p>
          <ul className="space-y-2" data-testid="breakout-groups-list">
            {round.groups.map((g) => (
              <li key={g.id} className="rounded border border-stone-200 p-2" data-testid="breakout-group" data-group={g.name}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-medium">{t('group', { name: g.name })}</span>
                  {visiting === g.id ? (
                    <button type="button" className="rounded border border-stone-400 px-2 py-1 text-sm" onClick={() => onVisit(null)}>
                      {t('backToMain')}
                    </button>
                  ) : (
                    <button type="button" className="rounded border border-stone-400 px-2 py-1 text-sm" onClick={() => onVisit(g.id)} aria-label={t('visitGroup', { name: g.name })}>
                      {t('visit')}
                    </button>
                  )}
                </div>
                <p className="text-sm text-stone-700">{g.members.length ? g.members.map((m) => m.name).join(', ') : t('empty')}</p>
              </li>
            ))}
          </ul>
          <form onSubmit={(e) => void send(e)} className="space-y-1">
            <label className="flex flex-col text-sm">
              {t('broadcastLabel')}
              <textarea
                value={text}
                maxLength={BREAKOUT_LIMITS.messageMax}
                onChange={(e) => setText(e.target.value)}
                rows={2}
                className="rounded border border-stone-300 px-2 py-1"
                data-testid="breakout-broadcast"
              />
            </label>
            <button type="submit" className="rounded bg-brand px-3 py-1.5 text-white" disabled={!text.trim()}>
              {t('broadcast')}
            </button>
          </form>
          <ConfirmAction
            trigger={t('callBack')}
            title={t('callBackTitle')}
            description={t('callBackDescription')}
            confirm={t('callBackConfirm')}
            cancel={tc('back')}
            testId="breakout-end"
            triggerClassName="rounded bg-red-700 px-3 py-1.5 text-white"
            onConfirm={async () => {
              const res = await actions.end();
              setError(res.ok ? null : res.error);
              if (res.ok) onVisit(null);
            }}
          />
        </>
      )}
    </Section>
  );
}

/** A labelled whole-number input within the breakout limits. */
function NumberField({ label, min, max, value, onChange, testId }: { label: string; min: number; max: number; value: number; onChange: (n: number) => void; testId: string }) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      <input
        type="number"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="rounded border border-stone-300 px-2 py-1"
        data-testid={testId}
      />
    </label>
  );
}
