// A real SMTP receiver for the end-to-end tests: accepts every mail on 127.0.0.1 and exposes
// what it received over HTTP (GET /messages?to=…, DELETE /messages, GET /health).
import { createServer } from 'node:http';
import { smtpReceiver } from '../../test/support/smtp-receiver';

type Received = { to: string[]; subject: string; text: string; receivedAt: string };
const messages: Received[] = [];
const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 3109);
const httpPort = Number(process.env.SMTP_SINK_HTTP_PORT ?? 3108);

const smtp = smtpReceiver((mail, to) =>
  messages.push({ to: to.map((a) => a.toLowerCase()), subject: mail.subject ?? '', text: mail.text ?? '', receivedAt: new Date().toISOString() }),
);
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
