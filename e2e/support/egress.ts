import { type Browser, expect, type Page } from '@playwright/test';
import { EgressClient, EgressStatus } from 'livekit-server-sdk';
import { LIVE_SESSION, liveSessionId, signInWithMagicLink } from './helpers';

/**
 * What the specs run with the real LiveKit Egress share (scripts/recording-e2e.sh runs them inside
 * a private network namespace): a speaker on stage with Chromium's fake camera, and the wait for
 * egress to be active.
 */

/** The demo's speaker on the live session's stage and its moderator signed in, in two new contexts. */
export async function stageWithModerator(browser: Browser): Promise<{ speaker: Page; moderator: Page; sessionId: string }> {
  const speaker = await (await browser.newContext()).newPage();
  const moderator = await (await browser.newContext()).newPage();
  await signInWithMagicLink(speaker, 'intervenante@chemins.test');
  await signInWithMagicLink(moderator, 'moderateur@chemins.test');
  const sessionId = await liveSessionId(moderator);
  // The speaker is on stage with Chromium's fake camera and microphone.
  await speakerOnStage(speaker);
  return { speaker, moderator, sessionId };
}

/** The speaker enters the live room's stage with camera and micro on, and sees their own video. */
export async function speakerOnStage(speaker: Page): Promise<void> {
  await speaker.goto(`${LIVE_SESSION}/room`);
  // The form is made again once the server says the role: a speaker's starts with camera and micro on.
  await expect(speaker.getByTestId('prejoin-hint')).toHaveText(/Vérifiez votre caméra/, { timeout: 30_000 });
  await speaker.getByRole('button', { name: 'Entrer dans la salle' }).click();
  await expect(speaker.getByTestId('room')).toHaveAttribute('data-role', 'speaker', { timeout: 30_000 });
  const ownVideo = speaker.getByTestId('tile').filter({ hasText: 'Intervenante' }).locator('video');
  await expect.poll(() => ownVideo.evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(0);
}

/**
 * Egress's keyframe requests (PLI) were seen to go unanswered here: a new egress then waits for the
 * camera's next periodic keyframe (libwebrtc's VP8: every 3000 frames, 100 to 200 s). Turning the
 * camera off and on restarts its encoder, which starts with a keyframe (docs/replays.md, "First
 * recording"). Call it while waiting; it acts every 15 s at most.
 */
export function cameraNudger(speaker: Page): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < 15_000) return;
    last = Date.now();
    await speaker.getByRole('button', { name: 'Couper la caméra' }).click();
    await speaker.getByRole('button', { name: 'Activer la caméra' }).click();
    await expect(speaker.getByRole('button', { name: 'Couper la caméra' })).toBeVisible();
  };
}

/** The session's egresses as LiveKit knows them (scripts/recording-e2e.sh sets LIVEKIT_*). */
export function egressClient(): EgressClient {
  return new EgressClient(process.env.LIVEKIT_URL!, process.env.LIVEKIT_API_KEY!, process.env.LIVEKIT_API_SECRET!);
}

/** Whether an egress of the session's room is active (its pipeline started), waiting up to `timeout` (calling `meanwhile`). */
export async function egressActive(sessionId: string, timeout: number, meanwhile?: () => Promise<void>): Promise<boolean> {
  const egress = egressClient();
  const isActive = async () => {
    const now = (await egress.listEgress({ roomName: `session-${sessionId}` })).some((e) => e.status === EgressStatus.EGRESS_ACTIVE);
    if (!now) await meanwhile?.();
    return now;
  };
  return expect
    .poll(isActive, { timeout, intervals: [500] })
    .toBe(true)
    .then(
      () => true,
      () => false,
    );
}

/**
 * What the session's running egress sends, as the app asked for it (RECORDING_LAYOUT, which
 * scripts/recording-e2e.sh sets: `composite` unless told otherwise): a room composite of the layout
 * page `/media/layout` (docs/replays.md, "The composite"), or one participant's tracks.
 */
export async function expectStageEgress(sessionId: string): Promise<'composite' | 'participant'> {
  const composite = process.env.RECORDING_LAYOUT !== 'participant';
  const [running] = await egressClient().listEgress({ roomName: `session-${sessionId}`, active: true });
  expect(running?.request.case).toBe(composite ? 'roomComposite' : 'participant');
  if (running?.request.case === 'roomComposite') expect(running.request.value.customBaseUrl).toMatch(/\/media\/layout$/);
  return composite ? 'composite' : 'participant';
}
