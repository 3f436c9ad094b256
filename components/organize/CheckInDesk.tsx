'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Arrival } from '@/app/organize/[slug]/actions';
import Link from 'next/link';
import { formatShortDateTime } from '@/lib/format';
import { useRefusalText } from '@/components/useRefusalText';
import { QrScanner } from './QrScanner';

const SOUND_KEY = 'chemins.checkin.sound';

/** Each state its own sound (WebAudio): one high note, two middle ones, one low buzz. */
const TONES: Record<'welcome' | 'already' | 'unknown' | 'online', { hz: number; at: number; len: number }[]> = {
  welcome: [{ hz: 880, at: 0, len: 0.15 }],
  already: [
    { hz: 520, at: 0, len: 0.12 },
    { hz: 520, at: 0.2, len: 0.12 },
  ],
  unknown: [{ hz: 180, at: 0, len: 0.45 }],
  // Registered online only: not let in (as a wrong code), unless they take a free chair.
  online: [{ hz: 180, at: 0, len: 0.45 }],
};

/** The sound switch, kept in this browser (localStorage): off until switched on. */
function onStorage(changed: () => void) {
  window.addEventListener('storage', changed);
  return () => window.removeEventListener('storage', changed);
}
function setSound(on: boolean) {
  window.localStorage.setItem(SOUND_KEY, on ? 'on' : 'off');
  window.dispatchEvent(new StorageEvent('storage', { key: SOUND_KEY }));
}

function beep(kind: keyof typeof TONES) {
  const Ctx = window.AudioContext;
  if (!Ctx) return;
  const ctx = new Ctx();
  for (const tone of TONES[kind]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = kind === 'unknown' || kind === 'online' ? 'square' : 'sine';
    osc.frequency.value = tone.hz;
    gain.gain.value = 0.15;
    osc.connect(gain).connect(ctx.destination);
    osc.start(ctx.currentTime + tone.at);
    osc.stop(ctx.currentTime + tone.at + tone.len);
  }
  window.setTimeout(() => void ctx.close(), 1000);
}

/** How each state looks: colour, icon and role differ, never the text alone (WCAG 1.4.1). */
const LOOK = {
  welcome: { role: 'status', icon: '✓', box: 'border-green-700 bg-green-50 text-green-950', badge: 'bg-green-700' },
  already: { role: 'alert', icon: '!', box: 'border-amber-600 bg-amber-50 text-amber-950', badge: 'bg-amber-600' },
  unknown: { role: 'alert', icon: '✕', box: 'border-red-700 bg-red-50 text-red-950', badge: 'bg-red-700' },
  online: { role: 'alert', icon: '@', box: 'border-red-700 bg-red-50 text-red-950', badge: 'bg-red-700' },
} as const;

/**
 * The check-in desk (`/organize/{event}/checkin`), made for a phone at the door: a code typed,
 * pasted or scanned; the answer in one of three unmistakable states, with the person's sessions
 * and answers (accessibility needs, lunch…); an optional sound, off until switched on.
 */
export function CheckInDesk({ action, registerHref }: { action: (state: Arrival, form: FormData) => Promise<Arrival>; registerHref: string }) {
  const t = useTranslations('checkin');
  const tOrg = useTranslations('organize');
  const locale = useLocale();
  const tSeats = useTranslations('seats');
  const refusal = useRefusalText(['checkin', 'seats']);
  const [arrival, submit, pending] = useActionState(action, null);
  const sound = useSyncExternalStore(onStorage, () => window.localStorage.getItem(SOUND_KEY) === 'on', () => false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!arrival) return;
    if (sound && arrival.kind !== 'refused') beep(arrival.kind);
    input.current?.focus();
    // Once per answer: `at` changes with each.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [arrival?.at]);

  return (
    <div className="flex flex-col gap-4">
      <form action={submit} className="flex flex-col gap-2">
        <label htmlFor="code" className="font-medium">
          {t('codeLabel')}
        </label>
        <div className="flex flex-wrap gap-2">
          <input
            ref={input}
            id="code"
            name="code"
            autoFocus
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            className="min-w-0 flex-1 basis-48 rounded border border-stone-400 px-3 py-3 text-lg"
          />
          <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-3 font-medium text-white disabled:opacity-60">
            {tOrg('checkInSubmit')}
          </button>
        </div>
        <p className="text-sm text-stone-600">{tOrg('checkInHelp')}</p>
      </form>
      <QrScanner inputId="code" />
      <div data-testid="arrival" data-state={arrival?.kind ?? 'none'}>
        {arrival && arrival.kind !== 'refused' && (
          <div key={arrival.at} role={LOOK[arrival.kind].role} data-state={arrival.kind} className={`flex gap-3 rounded-lg border-4 p-4 ${LOOK[arrival.kind].box}`}>
            <span aria-hidden="true" className={`flex size-12 shrink-0 items-center justify-center rounded-full text-3xl font-bold text-white ${LOOK[arrival.kind].badge}`}>
              {LOOK[arrival.kind].icon}
            </span>
            <div className="min-w-0 flex-1">
              <p className="text-xl font-bold">
                {arrival.kind === 'welcome' ? t('welcome') : arrival.kind === 'already' ? t('already') : arrival.kind === 'online' ? tSeats('checkin.online') : t('unknown')}
              </p>
              {arrival.kind === 'online' ? (
                <>
                  <p className="text-lg break-words">{arrival.name}</p>
                  <p>{tSeats('checkin.onlineHelp')}</p>
                  {arrival.offers.length === 0 ? (
                    <p className="mt-2 font-semibold" data-testid="no-chair">{tSeats('checkin.noChair')}</p>
                  ) : (
                    arrival.offers.map((o) => (
                      <form key={o.sessionId} action={submit} className="mt-2">
                        <input type="hidden" name="code" value={arrival.code} />
                        <input type="hidden" name="toOnsite" value={o.sessionId} />
                        <button type="submit" disabled={pending} className="rounded bg-brand px-4 py-3 text-left font-medium text-white disabled:opacity-60">
                          {o.free === null ? tSeats('checkin.switchAny', { session: o.title }) : tSeats('checkin.switch', { session: o.title, free: o.free })}
                        </button>
                      </form>
                    ))
                  )}
                </>
              ) : arrival.kind === 'unknown' ? (
                <p>
                  {t('unknownHelp')} <Link href={registerHref}>{t('register')}</Link>
                </p>
              ) : (
                <>
                  <p className="text-lg break-words">
                    {arrival.kind === 'welcome'
                      ? tOrg('welcome', { name: arrival.name })
                      : tOrg('already', { name: arrival.name })}
                  </p>
                  {arrival.kind === 'already' && (
                    <p>{t('alreadyHelp', { time: formatShortDateTime(new Date(arrival.checkedInAt), locale, arrival.timeZone) })}</p>
                  )}
                  <h2 className="mt-3 font-semibold">{t('seats')}</h2>
                  {arrival.seats.length === 0 ? (
                    <p data-testid="arrival-seats">{t('noSeats')}</p>
                  ) : (
                    <ul className="list-disc pl-5" data-testid="arrival-seats">
                      {arrival.seats.map((s) => (
                        <li key={`${s.startsAt}-${s.title}`}>
                          <span className="tabular-nums">{formatShortDateTime(new Date(s.startsAt), locale, arrival.timeZone)}</span> · {s.title}
                          {s.status === 'waitlisted' && <strong> ({tOrg('seatStatus.waitlisted')})</strong>}
                        </li>
                      ))}
                    </ul>
                  )}
                  {arrival.answers.length > 0 && (
                    <>
                      <h2 className="mt-3 font-semibold">{t('answers')}</h2>
                      <dl className="grid grid-cols-1 gap-x-3 sm:grid-cols-[auto_1fr]" data-testid="arrival-answers">
                        {arrival.answers.map((a) => (
                          <div key={a.label} className="contents">
                            <dt className="font-medium">{a.label}</dt>
                            <dd className="mb-1 break-words">
                              {Array.isArray(a.value) ? a.value.join(', ') : a.value === true ? t('yes') : a.value === false ? t('no') : a.value}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </>
                  )}
                </>
              )}
            </div>
          </div>
        )}
        {arrival?.kind === 'refused' && (
          <p role="alert" className="rounded bg-red-50 p-3 text-red-900">
            {refusal(arrival.code)}
          </p>
        )}
      </div>
      <label className="flex items-center gap-2 self-start text-sm">
        <input
          type="checkbox"
          checked={sound}
          onChange={(e) => setSound(e.target.checked)}
        />
        {t('sound')}
      </label>
    </div>
  );
}
