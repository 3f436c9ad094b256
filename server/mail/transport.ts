import { createTranslator } from 'next-intl';
import nodemailer, { type Transporter } from 'nodemailer';
import { config } from '@/lib/config';
import type { Locale } from '@/lib/i18n';
import { logger } from '@/lib/logger';
import { messagesOf } from '@/server/catalogue';

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: string; contentType: string }[];
  /** Extra headers (List-Unsubscribe…). */
  headers?: Record<string, string>;
};

/** The `mail` catalogue in one language, outside a request (mail worker, sign-in mails, calendars). */
export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: messagesOf(locale), namespace: 'mail' });
}

const g = globalThis as unknown as { __cheminsMailer?: Transporter | null };

function transporter(): Transporter | null {
  if (g.__cheminsMailer === undefined) {
    const url = config().SMTP_URL;
    g.__cheminsMailer = url ? nodemailer.createTransport(url) : null;
  }
  return g.__cheminsMailer;
}

export class MailNotConfiguredError extends Error {
  constructor() {
    super('Outgoing mail is not configured: set SMTP_URL.');
  }
}

/**
 * Send a mail through SMTP_URL. Without SMTP_URL, in development and tests, the mail is written
 * to the server log instead (that is how the magic link is found locally); in production it fails.
 */
export async function sendMail(mail: Mail): Promise<{ delivered: 'smtp' | 'log' }> {
  const t = transporter();
  if (t) {
    await t.sendMail({ from: config().MAIL_FROM, ...mail });
    return { delivered: 'smtp' };
  }
  if (config().NODE_ENV === 'production') throw new MailNotConfiguredError();
  if (config().NODE_ENV === 'development') {
    // Written as plain text, outside the JSON log, so that a magic link can be read and clicked.
    logger().info({ to: mail.to, subject: mail.subject }, 'Mail not sent (no SMTP_URL): its text is printed below');
    process.stdout.write(devMailBlock(mail));
  } else {
    logger().info({ to: mail.to, subject: mail.subject }, `Mail not sent (no SMTP_URL); its text:\n${mail.text}`);
  }
  return { delivered: 'log' };
}

/** A mail as printed in development: its headers, then its text, every link on a line of its own. */
export function devMailBlock(mail: Pick<Mail, 'to' | 'subject' | 'text'>): string {
  const rule = '─'.repeat(72);
  const text = mail.text.replace(/[ \t]*(https?:\/\/\S+)[ \t]*/g, '\n$1\n').replace(/\n{3,}/g, '\n\n').trim();
  return `\n${rule}\nMail to ${mail.to} (not sent: no SMTP_URL)\nSubject: ${mail.subject}\n${rule}\n${text}\n${rule}\n\n`;
}
