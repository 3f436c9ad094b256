// A real SMTP receiver for the end-to-end tests: accepts every mail on 127.0.0.1 and exposes
// what it received over HTTP (GET /messages?to=…, DELETE /messages, GET /health).
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

type Received = { to: string[]; subject: string; text: string; receivedAt: string };
const messages: Received[] = [];
const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 3109);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 3108);

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((err: Error) => callback(err));
  },
});
smtp.listen(smtpPort, '127.0.0.1');

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  res.setHeader('content-type', 'application/json');
  if (url.pathname === '/health') return res.end('{"ok":true}');
  if (url.pathname === '/messages' && req.method === 'DELETE') {
    messages.length = 0;
    return res.end('[]');
  }
  if (url.pathname === '/messages') {
    const to = url.searchParams.get('to')?.toLowerCase();
    return res.end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
  }
  res.statusCode = 404;
  res.end('{}');
}).listen(httpPort, '127.0.0.1');
