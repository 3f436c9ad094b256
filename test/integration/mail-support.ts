import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import type { ParsedMail } from 'mailparser';
import type { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';
import { smtpReceiver } from '../support/smtp-receiver';

/** The real mail-worker loop in its own process (test/integration/mail-worker-process.ts); `log()` is what it wrote. */
export function spawnWorker(databaseUrl: string): Promise<{ child: ChildProcess; exited: Promise<void>; log: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/integration/mail-worker-process.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, MAIL_POLL_MS: '200', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') resolve({ child, exited, log: () => stderr });
      else stderr += `${line}\n`; // pino writes to stdout
    });
    child.once('exit', (code) => reject(new Error(`worker process exited early (${code})`)));
  });
}

/**
 * An inbox for the block it is called in: a real SMTP receiver on 127.0.0.1 that the application
 * sends to (SMTP_URL; PUBLIC_URL set for the links in mails), started before the block's own
 * `beforeAll` and closed after it. `keep` turns each mail into what the suite checks.
 */
export function mailInbox<T>(keep: (mail: ParsedMail, to: string) => T): T[] {
  const inbox: T[] = [];
  let smtp: SMTPServer;
  beforeAll(async () => {
    smtp = smtpReceiver((mail, to) => inbox.push(keep(mail, to[0]!)));
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    process.env.PUBLIC_URL = 'http://127.0.0.1:3999';
  });
  afterAll(async () => {
    await new Promise<void>((r) => smtp.close(() => r()));
  });
  return inbox;
}
