'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { type Ack, type CaptionLine, CAPTION_LANGS, LIMITS } from '@/lib/realtime/protocol';
import { useAckError } from './AckErrorText';
import { useLiveRoom } from './useLiveRoom';
import { Section } from '@/components/Section';

type Lang = (typeof CAPTION_LANGS)[number];

/**
 * The captioner's desk: a large field where Enter sends the line (Shift+Enter a new line), who
 * speaks (the session's people), the language, the last lines sent, and the connection's state.
 */
export function CaptionsDesk({ sessionId, speakers, defaultLang }: { sessionId: string; speakers: string[]; defaultLang: Lang }) {
  const t = useTranslations('captions.page');
  const ackError = useAckError('captions');
  const { state, socket } = useLiveRoom(sessionId);
  const [text, setText] = useState('');
  const [speaker, setSpeaker] = useState('');
  const [lang, setLang] = useState<Lang>(defaultLang);
  const [sent, setSent] = useState<CaptionLine[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    const line = text.trim();
    if (!line || !socket?.connected) return;
    const res: Ack<CaptionLine> = await socket
      .timeout(10_000)
      .emitWithAck('caption:send', { sessionId, text: line, lang, ...(speaker ? { speaker } : {}) })
      .catch(() => ({ ok: false, error: { code: 'internal', message: 'timeout' } }) as const);
    if (res.ok) {
      setText('');
      setError(null);
      setSent((all) => [res.data, ...all].slice(0, 10));
    } else setError(ackError(res.error));
  }

  return (
    <div className="flex flex-col gap-4">
      <p role="status" aria-live="polite" className="text-sm text-stone-700" data-testid="captions-status">
        {t(`status.${state.status}`)}
      </p>
      <form
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t('speaker')}</span>
            <select value={speaker} onChange={(e) => setSpeaker(e.target.value)} className="rounded border border-stone-300 px-2 py-1" data-testid="captions-speaker">
              <option value="">{t('noSpeaker')}</option>
              {speakers.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">{t('lang')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)} className="rounded border border-stone-300 px-2 py-1">
              {CAPTION_LANGS.map((l) => (
                <option key={l} value={l}>
                  {t(`langs.${l}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t('text')}</span>
          <textarea
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void send();
              }
            }}
            rows={4}
            maxLength={LIMITS.captionMax}
            aria-describedby="captions-hint"
            className="w-full rounded border border-stone-300 p-3 text-xl"
            data-testid="captions-text"
          />
          <span id="captions-hint" className="text-sm text-stone-700">
            {t('hint', { max: LIMITS.captionMax })} {t('counter', { count: text.length, max: LIMITS.captionMax })}
          </span>
        </label>
        {error && (
          <p role="alert" className="rounded bg-red-50 p-2 text-sm" data-testid="captions-error">
            {error}
          </p>
        )}
        <button type="submit" className="self-start rounded bg-stone-900 px-4 py-2 font-medium text-white disabled:opacity-50" disabled={state.status !== 'joined'}>
          {t('send')}
        </button>
      </form>
      <Section headingId="sent-title" title={t('sent')} headingClassName="font-semibold" className="flex flex-col gap-2">
        {sent.length ? (
          <ol className="flex flex-col gap-1 text-sm" data-testid="captions-sent">
            {sent.map((l) => (
              <li key={`${l.at}-${l.text}`}>
                {l.speaker && <strong>{l.speaker} — </strong>}
                {l.text}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-sm text-stone-600">{t('noneSent')}</p>
        )}
      </Section>
    </div>
  );
}
