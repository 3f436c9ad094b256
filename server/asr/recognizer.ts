import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { logger } from '@/lib/logger';

/** The engine's sample rate: 16 kHz mono, signed 16-bit. */
export const ASR_SAMPLE_RATE = 16_000;

export type RecognizerOptions = {
  /** A Whisper model in CTranslate2 format (faster-whisper), provided by the operator. */
  modelDir: string;
  /** A Python with faster-whisper installed. */
  python: string;
  /** CPU threads the engine may use. */
  threads?: number;
};

/**
 * Where engine.py is: beside this file in the source tree (tsx, vitest), else in the project the
 * server runs from (the compiled server in dist/server, Next's bundle in .next).
 */
function enginePath(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), 'engine.py');
  return existsSync(beside) ? beside : path.join(process.cwd(), 'server', 'asr', 'engine.py');
}

type Pending = { resolve: (text: string) => void; reject: (err: Error) => void };

/**
 * The speech recognition engine, in a child process (server/asr/engine.py): recognition is the
 * heavy part, kept off the Node server's event loop and CPU-limited to its own threads. Requests
 * are answered in order, one at a time; `recognize` resolves with the text said in the audio.
 */
export class Recognizer {
  private child: ChildProcess;
  private pending = new Map<number, Pending>();
  private next = 1;
  private failure: Error | null = null;
  readonly ready: Promise<void>;

  private constructor(opts: RecognizerOptions) {
    this.child = spawn(opts.python, [enginePath(), opts.modelDir], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ASR_THREADS: String(opts.threads ?? 1), HF_HUB_OFFLINE: '1' },
    });
    this.child.stderr?.on('data', (d: Buffer) => logger().debug({ asr: d.toString().trim() }, 'asr engine'));
    let onReady!: () => void;
    let onFatal!: (err: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      onReady = resolve;
      onFatal = reject;
    });
    this.ready.catch(() => {});
    const lines = createInterface({ input: this.child.stdout! });
    lines.on('line', (line) => {
      let msg: { id?: number; text?: string; error?: string; ready?: boolean; fatal?: string };
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg.ready) return onReady();
      if (msg.fatal) return this.fail(new Error(`speech recognition engine: ${msg.fatal}`), onFatal);
      const p = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id!);
      if (msg.error) p.reject(new Error(msg.error));
      else p.resolve(msg.text ?? '');
    });
    this.child.on('error', (err) => this.fail(err, onFatal));
    this.child.on('exit', (code) => this.fail(new Error(`speech recognition engine exited (${code})`), onFatal));
  }

  /** Start the engine and wait until its model is loaded (rejects with the engine's reason). */
  static async start(opts: RecognizerOptions): Promise<Recognizer> {
    const r = new Recognizer(opts);
    await r.ready;
    return r;
  }

  private fail(err: Error, onFatal: (err: Error) => void) {
    if (this.failure) return;
    this.failure = err;
    onFatal(err);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** The text said in `pcm` (16 kHz mono), in `lang` when the model knows several languages. */
  recognize(pcm: Int16Array, lang: 'fr' | 'en'): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const bytes = Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin!.write(`${JSON.stringify({ id, lang, bytes: bytes.byteLength })}\n`);
      this.child.stdin!.write(bytes);
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.stdin?.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  }
}
