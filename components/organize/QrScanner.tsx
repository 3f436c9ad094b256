'use client';

import jsQR from 'jsqr';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

type State = { status: 'idle' | 'starting' | 'scanning' } | { status: 'error'; reason: 'denied' | 'missing' | 'other' };

/**
 * Scan the QR code of a personal link with the device's camera: the decoded link goes into the
 * check-in form's field (`inputId`) and the form is submitted. Typing or pasting still works.
 */
export function QrScanner({ inputId }: { inputId: string }) {
  const t = useTranslations('organize');
  const [state, setState] = useState<State>({ status: 'idle' });
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const timer = useRef<number | null>(null);

  const stop = () => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  };
  useEffect(() => stop, []);

  async function start() {
    setState({ status: 'starting' });
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (err) {
      const name = (err as DOMException).name;
      setState({ status: 'error', reason: name === 'NotAllowedError' ? 'denied' : name === 'NotFoundError' ? 'missing' : 'other' });
      return;
    }
    const el = video.current!;
    el.srcObject = stream.current;
    await el.play();
    setState({ status: 'scanning' });
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    timer.current = window.setInterval(() => {
      if (el.videoWidth === 0) return;
      canvas.width = el.videoWidth;
      canvas.height = el.videoHeight;
      ctx.drawImage(el, 0, 0);
      const found = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
      if (!found?.data) return;
      stop();
      setState({ status: 'idle' });
      const input = document.getElementById(inputId) as HTMLInputElement | null;
      if (input) {
        input.value = found.data;
        input.form?.requestSubmit();
      }
    }, 200);
  }

  return (
    <div className="mt-2 flex flex-col gap-2">
      {state.status === 'scanning' || state.status === 'starting' ? (
        <button type="button" onClick={() => { stop(); setState({ status: 'idle' }); }} className="self-start rounded border border-stone-300 px-3 py-1">
          {t('scanStop')}
        </button>
      ) : (
        <button type="button" onClick={() => void start()} className="self-start rounded border border-stone-300 px-3 py-1">
          {t('scanStart')}
        </button>
      )}
      <video
        ref={video}
        muted
        playsInline
        data-testid="qr-video"
        aria-label={t('scanVideo')}
        className={state.status === 'scanning' ? 'max-h-64 w-full max-w-sm rounded bg-black' : 'hidden'}
      />
      {state.status === 'error' && (
        <p role="alert" className="text-sm text-red-700">
          {t(`scanError.${state.reason}`)}
        </p>
      )}
    </div>
  );
}
