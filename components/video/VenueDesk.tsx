'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { ConfirmAction } from '@/components/ConfirmAction';
import { useRefusalText } from '@/components/useRefusalText';
import { VENUE_INPUT_NAME_MAX } from '@/lib/domain/venue-identity';
import { publishWhip, WhipRefused, type WhipSession } from './whip';

const button = 'rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-50 disabled:opacity-50';
const primary = 'rounded bg-stone-900 px-3 py-1.5 text-sm text-white hover:bg-stone-700 disabled:opacity-50';

export type VenueInputItem = { id: string; name: string };
type Credentials = { id: string; name: string; whipUrl: string; token: string; rtmp?: { url: string; streamKey: string } };

/**
 * The régie (control desk) of a session's venue inputs (docs/api.md "Venue inputs"): create one,
 * see its WHIP address and token once (for OBS), give it a new token, revoke it, and publish the
 * venue's capture card from this browser through WHIP.
 */
export function VenueDesk({ sessionId, initial }: { sessionId: string; initial: VenueInputItem[] }) {
  const t = useTranslations('venue');
  const refusal = useRefusalText('venue');
  const [inputs, setInputs] = useState(initial);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState<Credentials | null>(null);
  const nameId = useId();
  const base = `/api/sessions/${sessionId}/venue-inputs`;

  const call = async (url: string, init: RequestInit): Promise<Response | null> => {
    setBusy(true);
    setError(null);
    try {
      const res = await fetch(url, init);
      if (res.ok) return res;
      const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
      setError(refusal(body?.error?.code));
      return null;
    } catch {
      setError(refusal('unknown'));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    const res = await call(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
    if (!res) return;
    const created = (await res.json()) as Omit<Credentials, 'name'>;
    setInputs((list) => [...list, { id: created.id, name: name.trim() }]);
    setShown({ ...created, name: name.trim() });
    setName('');
  };
  const renew = async (input: VenueInputItem) => {
    const res = await call(`${base}/${input.id}/token`, { method: 'POST' });
    if (res) setShown({ ...((await res.json()) as Omit<Credentials, 'name'>), name: input.name });
  };
  const revoke = async (input: VenueInputItem) => {
    if (!(await call(`${base}/${input.id}`, { method: 'DELETE' }))) return;
    setInputs((list) => list.filter((i) => i.id !== input.id));
    if (shown?.id === input.id) setShown(null);
  };

  return (
    <div className="flex flex-col gap-6" data-testid="venue-desk">
      <section aria-labelledby={`${nameId}-list`} className="flex flex-col gap-3">
        <h2 id={`${nameId}-list`} className="text-lg font-semibold">
          {t('inputs')}
        </h2>
        {!inputs.length && <p className="text-sm text-stone-600">{t('none')}</p>}
        {inputs.length > 0 && (
          <ul className="flex flex-col gap-2" data-testid="venue-inputs">
            {inputs.map((input) => (
              <li key={input.id} className="flex flex-wrap items-center gap-2 rounded border border-stone-200 p-2" data-testid="venue-input">
                <span className="grow font-medium">{input.name}</span>
                <button type="button" className={button} disabled={busy} onClick={() => void renew(input)}>
                  {t('newToken')}
                </button>
                <ConfirmAction
                  trigger={t('revoke')}
                  title={t('revokeTitle', { name: input.name })}
                  description={t('revokeDescription')}
                  confirm={t('revokeConfirm')}
                  cancel={t('cancel')}
                  triggerClassName={`${button} border-red-300 text-red-800`}
                  testId="venue-revoke"
                  disabled={busy}
                  onConfirm={() => revoke(input)}
                />
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(e) => void create(e)} className="flex flex-wrap items-end gap-2">
          <label htmlFor={nameId} className="flex w-full flex-col gap-1 text-sm sm:w-auto sm:grow">
            {t('name')}
            <input
              id={nameId}
              className="rounded border border-stone-300 px-2 py-1.5"
              value={name}
              maxLength={VENUE_INPUT_NAME_MAX}
              required
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button type="submit" className={primary} disabled={busy || !name.trim()}>
            {t('create')}
          </button>
        </form>
        {error && (
          <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-900">
            {error}
          </p>
        )}
      </section>
      {shown && <CredentialsPanel key={shown.token} credentials={shown} />}
    </div>
  );
}

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const t = useTranslations('venue');
  const [copied, setCopied] = useState(false);
  const id = useId();
  return (
    <div className="flex flex-col gap-1 text-sm">
      <label htmlFor={id}>{label}</label>
      <div className="flex gap-2">
        <input id={id} readOnly value={value} className="min-w-0 grow rounded border border-stone-300 bg-stone-50 px-2 py-1.5 font-mono text-xs" data-testid={testId} onFocus={(e) => e.target.select()} />
        <button
          type="button"
          className={button}
          onClick={() =>
            void navigator.clipboard
              ?.writeText(value)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
    </div>
  );
}

/** The credentials just given (shown once), what to type in OBS, and publishing from this browser. */
function CredentialsPanel({ credentials }: { credentials: Credentials }) {
  const t = useTranslations('venue');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-3 rounded border border-amber-300 bg-amber-50 p-3" data-testid="venue-credentials">
      <h2 id={headingId} className="text-lg font-semibold">
        {t('credentialsTitle', { name: credentials.name })}
      </h2>
      <p className="text-sm">{t('credentialsOnce')}</p>
      <p className="text-sm font-medium">{t('obs')}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
        <dt>{t('service')}</dt>
        <dd>{t('serviceWhip')}</dd>
      </dl>
      <CopyField label={t('server')} value={credentials.whipUrl} testId="venue-whip-url" />
      <CopyField label={t('bearer')} value={credentials.token} testId="venue-token" />
      {credentials.rtmp && (
        <>
          <p className="text-sm font-medium">{t('rtmp')}</p>
          <CopyField label={t('server')} value={credentials.rtmp.url} testId="venue-rtmp-url" />
          <CopyField label={t('streamKey')} value={credentials.rtmp.streamKey} testId="venue-rtmp-key" />
        </>
      )}
      <BrowserPublisher whipUrl={credentials.whipUrl} token={credentials.token} />
    </section>
  );
}

type PublishState = 'idle' | 'connecting' | 'live' | 'refused' | 'failed';

/** "Publish from this browser": the chosen camera (the capture card) and microphone, through WHIP. */
function BrowserPublisher({ whipUrl, token }: { whipUrl: string; token: string }) {
  const t = useTranslations('venue');
  const [devices, setDevices] = useState<MediaDeviceInfo[] | null>(null);
  const [videoId, setVideoId] = useState('');
  const [audioId, setAudioId] = useState('');
  const [state, setState] = useState<PublishState>('idle');
  const [deviceError, setDeviceError] = useState(false);
  const stream = useRef<MediaStream | null>(null);
  const session = useRef<WhipSession | null>(null);
  const preview = useRef<HTMLVideoElement>(null);
  const ids = useId();

  const acquire = async (video: string, audio: string) => {
    stream.current?.getTracks().forEach((tr) => tr.stop());
    setDeviceError(false);
    try {
      const s = await navigator.mediaDevices.getUserMedia({
        video: video ? { deviceId: { exact: video } } : true,
        audio: audio ? { deviceId: { exact: audio } } : true,
      });
      stream.current = s;
      if (preview.current) preview.current.srcObject = s;
      const all = await navigator.mediaDevices.enumerateDevices();
      setDevices(all.filter((d) => d.kind === 'videoinput' || d.kind === 'audioinput'));
      setVideoId(s.getVideoTracks()[0]?.getSettings().deviceId ?? video);
      setAudioId(s.getAudioTracks()[0]?.getSettings().deviceId ?? audio);
    } catch {
      setDeviceError(true);
    }
  };

  const stop = async () => {
    await session.current?.stop();
    session.current = null;
    setState('idle');
  };
  const start = async () => {
    if (!stream.current) return;
    setState('connecting');
    try {
      const s = await publishWhip(whipUrl, token, stream.current);
      session.current = s;
      s.pc.addEventListener('connectionstatechange', () => {
        if (s.pc.connectionState === 'connected') setState('live');
        if (s.pc.connectionState === 'failed' || s.pc.connectionState === 'closed') setState((now) => (now === 'idle' ? now : 'failed'));
      });
    } catch (err) {
      setState(err instanceof WhipRefused ? 'refused' : 'failed');
    }
  };

  // Leaving the page stops the publication and frees the devices.
  useEffect(
    () => () => {
      void session.current?.stop();
      stream.current?.getTracks().forEach((tr) => tr.stop());
    },
    [],
  );

  const select = 'rounded border border-stone-300 bg-white px-2 py-1.5 text-sm';
  const of = (kind: MediaDeviceKind) => (devices ?? []).filter((d) => d.kind === kind);
  const publishing = state === 'connecting' || state === 'live';
  return (
    <div className="flex flex-col gap-2 border-t border-amber-300 pt-3" data-testid="venue-publisher" data-state={state}>
      <h3 className="font-semibold">{t('publishTitle')}</h3>
      <p className="text-sm">{t('publishHint')}</p>
      {!devices ? (
        <button type="button" className={`${button} w-fit`} onClick={() => void acquire('', '')}>
          {t('chooseDevices')}
        </button>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row">
          {(['videoinput', 'audioinput'] as const).map((kind) => (
            <label key={kind} htmlFor={`${ids}-${kind}`} className="flex flex-col gap-1 text-sm">
              {t(kind === 'videoinput' ? 'camera' : 'microphone')}
              <select
                id={`${ids}-${kind}`}
                className={select}
                value={kind === 'videoinput' ? videoId : audioId}
                disabled={publishing}
                onChange={(e) => void (kind === 'videoinput' ? acquire(e.target.value, audioId) : acquire(videoId, e.target.value))}
              >
                {of(kind).map((d, i) => (
                  <option key={d.deviceId || i} value={d.deviceId}>
                    {d.label || t('deviceN', { n: i + 1 })}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      )}
      {deviceError && (
        <p role="alert" className="text-sm text-red-900">
          {t('deviceError')}
        </p>
      )}
      <video ref={preview} muted playsInline autoPlay aria-label={t('preview')} className={`aspect-video w-full max-w-md rounded bg-stone-900 ${devices ? '' : 'hidden'}`} />
      <div className="flex flex-wrap items-center gap-2">
        {publishing ? (
          <button type="button" className={button} onClick={() => void stop()} data-testid="venue-stop">
            {t('stop')}
          </button>
        ) : (
          <button type="button" className={primary} disabled={!devices || deviceError} onClick={() => void start()} data-testid="venue-publish">
            {t('start')}
          </button>
        )}
        <p role="status" className="text-sm" data-testid="venue-status">
          {t(`state.${state}`)}
        </p>
      </div>
    </div>
  );
}
