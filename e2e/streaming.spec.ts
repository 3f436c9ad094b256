import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { cameraNudger, egressActive, expectStageEgress, stageWithModerator } from './support/egress';
import { closeOwnContexts, LIVE_SESSION } from './support/helpers';

// Run only by scripts/recording-e2e.sh (RECORDING_E2E=1), inside its private network namespace: the
// real LiveKit Egress streams the stage over RTMP to a local receiver (ffmpeg listening on the
// namespace's veth address, RTMP_RECEIVER_HOST), with AAC from the patched egress (docs/streaming.md).

test.afterEach(closeOwnContexts);

const HOST = process.env.RTMP_RECEIVER_HOST ?? '10.213.0.2';
const KEY = `chemins-stream-key-${Date.now().toString(36)}-0123456789`;

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

test('a moderator streams the stage to an RTMP receiver; a wrong destination fails visibly in the room', async ({ browser }) => {
  test.setTimeout(540_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'chemins-rtmp-'));
  const flv = path.join(dir, 'received.flv');
  // The receiver: one RTMP publisher, copied as it comes into an FLV file; it ends when the stream does.
  const receiver: ChildProcess = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'warning', '-listen', '1', '-i', `rtmp://${HOST}:19350/live/${KEY}`, '-c', 'copy', '-f', 'flv', flv], { stdio: 'ignore' });
  let exited = false;
  receiver.on('exit', () => (exited = true));
  try {
    const { speaker, moderator, sessionId } = await stageWithModerator(browser);

    // The moderator gives the address with its key and starts; everyone in the session sees it.
    await moderator.goto(`${LIVE_SESSION}/moderate`);
    await moderator.getByTestId('stream-open').click();
    await moderator.getByTestId('stream-urls').fill(`rtmp://${HOST}:19350/live/${KEY}`);
    await moderator.getByTestId('stream-start').click();
    await expect(moderator.getByTestId('stream-status')).toHaveAttribute('data-streaming', 'true');
    await expect(speaker.getByText('Diffusion en direct')).toBeVisible();
    // The key is never shown again: not in the page, not in the API's answer.
    expect(await moderator.content()).not.toContain(KEY);
    const overview = await (await moderator.request.get(`/api/sessions/${sessionId}/stream`)).json();
    expect(JSON.stringify(overview)).not.toContain(KEY);
    expect(overview.destinations).toEqual([{ url: `rtmp://${HOST}:19350/live/••••6789` }]);

    // Egress sends once its pipeline has started; the receiver gets about ten seconds of it.
    expect(await egressActive(sessionId, 180_000)).toBe(true);
    // The stage's composite (RECORDING_LAYOUT=composite), as the recording.
    await expectStageEgress(sessionId);
    const nudge = cameraNudger(speaker);
    await expect
      .poll(
        async () => {
          if (size(flv) === 0) await nudge();
          return size(flv);
        },
        { timeout: 180_000, intervals: [1000] },
      )
      .toBeGreaterThan(0);
    const since = Date.now();
    await expect.poll(() => Date.now() - since, { timeout: 30_000, intervals: [500] }).toBeGreaterThan(10_000);
    await moderator.getByTestId('stream-stop').click();
    await expect(speaker.getByText('Diffusion en direct')).toBeHidden();
    await expect.poll(() => exited, { timeout: 60_000 }).toBe(true);

    // The file holds H.264 video and AAC audio of about the streamed length.
    const probe = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_type,codec_name:format=duration', '-of', 'json', flv]).toString());
    expect(probe.streams.map((s: { codec_type: string; codec_name: string }) => `${s.codec_type}:${s.codec_name}`).sort()).toEqual(['audio:aac', 'video:h264']);
    const seconds = Number(probe.format.duration);
    expect(seconds).toBeGreaterThan(6);
    expect(seconds).toBeLessThan(60);

    // A destination where nobody listens: egress fails, and the moderators see it in the room (without the key).
    const wrongKey = `wrong-destination-key-${Date.now().toString(36)}`;
    await moderator.getByTestId('stream-open').click();
    await moderator.getByTestId('stream-urls').fill(`rtmp://${HOST}:19351/live/${wrongKey}`);
    await moderator.getByTestId('stream-start').click();
    await expect(moderator.getByTestId('stream-failed')).toBeVisible({ timeout: 240_000 });
    await expect(moderator.getByTestId('stream-status')).toHaveAttribute('data-streaming', 'false');
    expect(await moderator.content()).not.toContain(wrongKey);
  } finally {
    if (!exited) receiver.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
