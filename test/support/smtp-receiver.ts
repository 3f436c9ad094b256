import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP receiver (no TLS, no authentication) that hands each mail, parsed, with its envelope
 * recipients to `onMail`: the integration suites' inbox (test/integration/mail-support.ts) and the
 * end-to-end suite's sink (e2e/support/smtp-sink.ts). Call `listen(port, '127.0.0.1')` on it.
 */
export function smtpReceiver(onMail: (mail: ParsedMail, to: string[]) => void): SMTPServer {
  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          onMail(mail, session.envelope.rcptTo.map((r) => r.address));
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
}
