'use client';

import { useMediaDevices } from '@livekit/components-react';
import { createLocalAudioTrack, createLocalVideoTrack, type LocalAudioTrack, type LocalVideoTrack, MediaDeviceFailure } from 'livekit-client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';

export type JoinChoices = {
  videoEnabled: boolean;
  audioEnabled: boolean;
  videoDeviceId?: string;
  audioDeviceId?: string;
  lowBandwidth: boolean;
};

export type DeviceProblem = 'refused' | 'missing' | 'inUse' | 'other';

/** What went wrong with a camera or microphone, in words a participant understands. */
export function deviceProblemOf(err: unknown): DeviceProblem {
  switch (MediaDeviceFailure.getFailure(err)) {
    case MediaDeviceFailure.PermissionDenied:
      return 'refused';
    case MediaDeviceFailure.NotFound:
      return 'missing';
    case MediaDeviceFailure.DeviceInUse:
      return 'inUse';
    default:
      return 'other';
  }
}

export function DeviceProblemNotice({ problem }: { problem: DeviceProblem | null }) {
  const t = useTranslations('video');
  if (!problem) return null;
  const key = { refused: 'deviceRefused', missing: 'deviceMissing', inUse: 'deviceInUse', other: 'deviceOther' } as const;
  return (
    <p role="alert" data-testid="device-problem" data-problem={problem} className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900">
      {t(key[problem])}
    </p>
  );
}

/** A live preview of one local device; `null` while off or when the device failed. */
function usePreview<T extends LocalVideoTrack | LocalAudioTrack>(
  enabled: boolean,
  deviceId: string | undefined,
  create: (deviceId?: string) => Promise<T>,
  onProblem: (p: DeviceProblem) => void,
): T | null {
  const [track, setTrack] = useState<T | null>(null);
  const createRef = useRef(create);
  const problemRef = useRef(onProblem);
  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    let created: T | null = null;
    createRef
      .current(deviceId)
      .then((t) => {
        created = t;
        if (cancelled) t.stop();
        else setTrack(t);
      })
      .catch((err: unknown) => {
        if (!cancelled) problemRef.current(deviceProblemOf(err));
      });
    return () => {
      cancelled = true;
      created?.stop();
      setTrack(null);
    };
  }, [enabled, deviceId]);
  return track;
}

/**
 * The pre-join screen: camera and microphone choice with a preview, data saver; the name others see
 * is the person's own (set by the server in the token: nobody renames themself in a room).
 * A refused or missing device is said plainly; joining stays possible, to watch.
 */
export function PreJoin({
  defaultName,
  onJoin,
  busy,
  ready = true,
  watchOnly = false,
  recorded = false,
}: {
  defaultName: string;
  onJoin: (c: JoinChoices) => void;
  busy: boolean;
  /** The role is known (or refused): until then "Enter" waits, so that a speaker is not let in as the audience, without devices. */
  ready?: boolean;
  /** Joining a stage's audience: no camera or microphone is asked for (only once on stage). */
  watchOnly?: boolean;
  /** The session is (or will be) recorded: said before anyone enters. */
  recorded?: boolean;
}) {
  const t = useTranslations('video');
  const tReplays = useTranslations('replays');
  const [picked, setChoices] = useState<JoinChoices>({ videoEnabled: true, audioEnabled: true, lowBandwidth: false });
  const choices = watchOnly ? { ...picked, videoEnabled: false, audioEnabled: false } : picked;
  const [problem, setProblem] = useState<DeviceProblem | null>(null);
  const video = usePreview(choices.videoEnabled, choices.videoDeviceId, (id) => createLocalVideoTrack({ deviceId: id }), setProblem);
  const audio = usePreview(choices.audioEnabled, choices.audioDeviceId, (id) => createLocalAudioTrack({ deviceId: id }), setProblem);
  const cameras = useMediaDevices({ kind: 'videoinput' });
  const microphones = useMediaDevices({ kind: 'audioinput' });
  const videoEl = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = videoEl.current;
    if (!video || !el) return;
    video.attach(el);
    return () => void video.detach(el);
  }, [video]);
  const set = (patch: Partial<JoinChoices>) => setChoices((c) => ({ ...c, ...patch }));

  return (
    <form
      className="grid gap-4 md:grid-cols-[minmax(0,1fr)_18rem]"
      data-testid="prejoin"
      onSubmit={(e) => {
        e.preventDefault();
        onJoin({
          ...choices,
          videoDeviceId: choices.videoDeviceId ?? video?.mediaStreamTrack.getSettings().deviceId,
          audioDeviceId: choices.audioDeviceId ?? audio?.mediaStreamTrack.getSettings().deviceId,
        });
      }}
    >
      <div className="relative aspect-video overflow-hidden rounded-lg bg-stone-900">
        {video ? (
          <video ref={videoEl} muted playsInline aria-label={t('preview')} className="h-full w-full -scale-x-100 object-cover" data-testid="preview" />
        ) : (
          <p className="absolute inset-0 flex items-center justify-center text-stone-300">{t('previewOff')}</p>
        )}
      </div>
      <div className="space-y-3 text-sm">
        <h2 className="text-lg font-semibold">{t('prejoinTitle')}</h2>
        <p className="text-stone-600" data-testid="prejoin-hint">
          {watchOnly ? t('watchOnlyHint') : t('prejoinHint')}
        </p>
        {recorded && (
          <p className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900" data-testid="prejoin-recorded">
            {tReplays('prejoinNotice')}
          </p>
        )}
        <DeviceProblemNotice problem={problem} />
        <p data-testid="prejoin-name">
          <span className="font-medium">{t('name')}</span> {defaultName}
        </p>
        {!watchOnly && (
          <>
            <DeviceChoice
              label={t('camera')}
              deviceLabel={t('cameraDevice')}
              enabled={choices.videoEnabled}
              devices={cameras}
              deviceId={choices.videoDeviceId}
              onToggle={(on) => set({ videoEnabled: on })}
              onDevice={(id) => set({ videoDeviceId: id })}
            />
            <DeviceChoice
              label={t('microphone')}
              deviceLabel={t('microphoneDevice')}
              enabled={choices.audioEnabled}
              devices={microphones}
              deviceId={choices.audioDeviceId}
              onToggle={(on) => set({ audioEnabled: on })}
              onDevice={(id) => set({ audioDeviceId: id })}
            />
          </>
        )}
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={choices.lowBandwidth} onChange={(e) => set({ lowBandwidth: e.target.checked })} />
          {t('lowBandwidth')}
        </label>
        <button type="submit" disabled={busy || !ready} className="w-full rounded bg-brand px-4 py-2 text-white disabled:opacity-60">
          {busy ? t('joining') : t('enter')}
        </button>
      </div>
    </form>
  );
}

function DeviceChoice(p: {
  label: string;
  deviceLabel: string;
  enabled: boolean;
  devices: MediaDeviceInfo[];
  deviceId: string | undefined;
  onToggle: (on: boolean) => void;
  onDevice: (id: string) => void;
}) {
  return (
    <fieldset className="space-y-1">
      <label className="flex items-center gap-2 font-medium">
        <input type="checkbox" checked={p.enabled} onChange={(e) => p.onToggle(e.target.checked)} />
        {p.label}
      </label>
      {p.enabled && p.devices.length > 1 && (
        <select
          aria-label={p.deviceLabel}
          className="w-full rounded border border-stone-300 px-2 py-1"
          value={p.deviceId ?? ''}
          onChange={(e) => p.onDevice(e.target.value)}
        >
          {p.devices.map((d) => (
            <option key={d.deviceId} value={d.deviceId}>
              {d.label || d.deviceId.slice(0, 8)}
            </option>
          ))}
        </select>
      )}
    </fieldset>
  );
}
