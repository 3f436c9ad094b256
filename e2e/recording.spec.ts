import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cameraNudger, egressActive, expectStageEgress, stageWithModerator } from './support/egress';
import { LIVE_SESSION } from './support/helpers';

// Run only by scripts/recording-e2e.sh: the real LiveKit Egress records, inside a private network
// namespace (playwright.config.ts picks this file when RECORDING_E2E=1).

type Replay = { id: string; kind: string; url: string; startedAt: string; durationSeconds: number | null };

test('a moderator records a speaker with LiveKit Egress; the replay plays with the chat beside it', async ({ browser }) => {
  // Two browsers over real WebRTC, egress encoding on two loaded cores, then its webhook.
  test.setTimeout(540_000);
  const { speaker, moderator, sessionId } = await stageWithModerator(browser);

  // The moderator starts the recording from the moderator view; everyone in the session sees it.
  await moderator.goto(`${LIVE_SESSION}/moderate`);
  await moderator.getByTestId('recording-start').click();
  await expect(moderator.getByTestId('recording-status')).toHaveAttribute('data-recording', 'true');
  await expect(speaker.getByText('Enregistrement en cours')).toBeVisible();
  // Egress writes once its pipeline has started: here that took from a few seconds to about 95
  // (tracks playing at once, "pipeline playing" 94 s later, on two cores), and a stop before it
  // aborts the recording (EGRESS_ABORTED, what failed on a new machine). Count from then.
  // The start waits for the camera's next keyframe (the pipeline started 94 s and 206 s after its
  // tracks played, about Chrome's periodic keyframe interval, as if egress's request for one did not
  // get through): the speaker turns the camera off and on again every 15 s meanwhile, which sends one.
  const active = await egressActive(sessionId, 300_000, cameraNudger(speaker));
  // Known and open (issue 28): in some fresh clones egress's pipeline took 94 to over 300 s to start
  // while its tracks played; said as a skip with its reason, not hidden as a pass.
  test.skip(!active, 'egress did not start its pipeline within 5 minutes (issue 28: egress start on a fresh clone)');
  const since = Date.now();
  // RECORDING_LAYOUT=composite (scripts/recording-e2e.sh's default): egress records the stage's
  // composite, Chemins's layout page, not one participant.
  const composite = (await expectStageEgress(sessionId)) === 'composite';

  // About ten seconds of the speaker, then a chat message, then stop.
  await expect.poll(() => Date.now() - since, { timeout: 30_000, intervals: [500] }).toBeGreaterThan(10_000);
  const message = `Message pendant l’enregistrement ${Date.now().toString(36)}`;
  await speaker.getByPlaceholder(/message/i).fill(message);
  await speaker.getByPlaceholder(/message/i).press('Enter');
  await expect(speaker.getByTestId('chat-body').filter({ hasText: message })).toBeVisible();
  await moderator.getByTestId('recording-stop').click();
  await expect(speaker.getByText('Enregistrement en cours')).toBeHidden();

  // Egress writes the file and says so through the webhook: the replay is listed.
  let replay: Replay | undefined;
  await expect
    .poll(
      async () => {
        const list = (await (await moderator.request.get(`/api/sessions/${sessionId}/replays`)).json()) as Replay[];
        replay = list.find((r) => r.kind === 'recording');
        return Boolean(replay);
      },
      { timeout: 90_000, intervals: [1000] },
    )
    .toBe(true);

  // The file holds a video and an audio stream of about the recorded length.
  const file = await moderator.request.get(`/api/replays/${replay!.id}/media`);
  expect(file.status()).toBe(200);
  const dir = mkdtempSync(path.join(tmpdir(), 'chemins-recorded-'));
  try {
    const mp4 = path.join(dir, 'replay.mp4');
    writeFileSync(mp4, await file.body());
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,width,height:format=duration', '-of', 'json', mp4]).toString());
    expect(probe.streams.map((s: { codec_type: string }) => s.codec_type).sort()).toEqual(['audio', 'video']);
    const seconds = Number(probe.format.duration);
    expect(seconds).toBeGreaterThan(6);
    expect(seconds).toBeLessThan(60);
    if (composite) {
      // The layout's frame (egress's 1280×720 window), and its dark background in the corner where
      // a participant egress would show the camera's picture.
      expect(probe.streams.find((s: { codec_type: string }) => s.codec_type === 'video')).toMatchObject({ width: 1280, height: 720 });
      const corner = execFileSync('ffmpeg', ['-v', 'error', '-ss', String(Math.floor(seconds / 2)), '-i', mp4, '-frames:v', '1', '-vf', 'crop=8:8:0:0', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
      expect(corner.length).toBe(8 * 8 * 3);
      expect(Math.max(...corner)).toBeLessThan(48);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The replay page plays it, with the chat message beside it.
  await moderator.goto(`/replays/${replay!.id}`);
  const video = moderator.getByTestId('replay-video');
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.duration || 0), { timeout: 30_000 }).toBeGreaterThan(5);
  await expect(moderator.getByTestId('replay-timeline')).toContainText(message);
  await video.evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 }).toBeGreaterThan(0.5);
});
