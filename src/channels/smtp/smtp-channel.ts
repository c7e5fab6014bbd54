import nodemailer from 'nodemailer';
import type { Channel } from '../../ports/channel.ts';

export interface SmtpConfig {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
}

/** Email through any SMTP server, with nodemailer. */
export function smtpChannel(config: SmtpConfig): Channel & { close(): void } {
  const transport = nodemailer.createTransport(config.url);
  return {
    name: 'smtp',
    async send(message) {
      await transport.sendMail({ from: config.from, to: message.destination, subject: message.subject ?? 'Your verification code', text: message.body });
    },
    close: () => transport.close(),
  };
}
