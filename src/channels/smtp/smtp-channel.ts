import nodemailer from 'nodemailer';
import type { Channel } from '../../ports/channel.ts';

export interface SmtpConfig {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
  /**
   * How long to wait for the connection, the greeting, and each answer, in ms. nodemailer's own
   * defaults (2 minutes, 30 s, 10 minutes) would hold the caller's request that long on a stuck server.
   */
  timeoutMs?: { connection?: number; greeting?: number; socket?: number };
}

/** Email through any SMTP server, with nodemailer. */
export function smtpChannel(config: SmtpConfig): Channel & { close(): void } {
  const transport = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: config.timeoutMs?.connection ?? 10_000,
    greetingTimeout: config.timeoutMs?.greeting ?? 10_000,
    socketTimeout: config.timeoutMs?.socket ?? 15_000,
  });
  return {
    name: 'smtp',
    async send(message) {
      await transport.sendMail({
        from: config.from,
        // One mailbox, as registered: a string would be parsed as an address list ("a,b@x" or "a<b@x>").
        to: { name: '', address: message.destination },
        subject: message.subject ?? 'Your verification code',
        text: message.body,
      });
    },
    close: () => transport.close(),
  };
}
