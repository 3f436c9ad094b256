import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** 16-bit PCM mono WAV → samples and rate. */
export function readWav(buf: Buffer): { pcm: Int16Array; rate: number } {
  const rate = buf.readUInt32LE(24);
  let at = 12;
  while (at + 8 <= buf.length) {
    const id = buf.toString('ascii', at, at + 4);
    const size = buf.readUInt32LE(at + 4);
    if (id === 'data') {
      const bytes = buf.subarray(at + 8, at + 8 + size);
      return { pcm: new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), rate };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('WAV: no data chunk');
}

/** Speech made with espeak-ng (22.05 kHz mono): what the recognition test and bench say. */
export function speech(text: string, voice = 'en-us', wordsPerMinute = 140): { pcm: Int16Array; rate: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'chemins-speech-'));
  try {
    const wav = path.join(dir, 'speech.wav');
    execFileSync('espeak-ng', ['-v', voice, '-s', String(wordsPerMinute), '-w', wav, text]);
    return readWav(readFileSync(wav));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
