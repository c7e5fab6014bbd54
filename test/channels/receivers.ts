import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

/** What a real SMTP server on 127.0.0.1 received: the envelope and the parsed message. */
export interface ReceivedMail {
  mailFrom: string;
  rcptTo: string[];
  mail: ParsedMail;
}

export interface SmtpReceiver {
  url: string;
  received: ReceivedMail[];
  /** Recipients answered `550` at RCPT TO (a test may set `refuseAll`). */
  refuse: Set<string>;
  refuseAll: boolean;
  /** When set, the server never answers RCPT TO (a stuck server). */
  stall: boolean;
  close(): Promise<void>;
}

/** A real SMTP server (smtp-server) on an ephemeral port; no TLS, no authentication. */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const receiver: SmtpReceiver = { url: '', received: [], refuse: new Set(), refuseAll: false, stall: false, close: async () => {} };
  const server = new SMTPServer({
    authOptional: true,
    closeTimeout: 1000,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (receiver.stall) return;
      if (receiver.refuseAll || receiver.refuse.has(address.address)) {
        cb(Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }));
        return;
      }
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream).then((mail) => {
        receiver.received.push({
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          mail,
        });
        cb();
      }, cb);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  receiver.url = `smtp://127.0.0.1:${port}`;
  receiver.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return receiver;
}

/** One request as a real HTTP server received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  /** The raw body, exactly as sent (what the signature covers). */
  body: string;
  /** The wall clock when the request arrived, in ms. */
  receivedAt: number;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedRequest[];
  /** The status the receiver answers with; 204 unless a test changes it. */
  status: number;
  /** When set, the receiver never answers (a hung gateway). */
  hang: boolean;
  /** When set, the receiver answers with `status` and this Location. */
  redirectTo: string | undefined;
  close(): Promise<void>;
}

/** A real node:http server on 127.0.0.1 and an ephemeral port. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const state: WebhookReceiver = { url: '', received: [], status: 204, hang: false, redirectTo: undefined, close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      state.received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), receivedAt: Date.now() });
      if (state.hang) return;
      res.statusCode = state.status;
      if (state.redirectTo) res.setHeader('location', state.redirectTo);
      res.end(state.status >= 400 ? 'gateway error' : undefined);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}/sms`;
  state.close = () => new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
  return state;
}
