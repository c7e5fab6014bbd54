/** Delivers a message to a person: an outbox, SMTP, an SMS webhook. */
export interface OutgoingMessage {
  orgId: string;
  userId: string | null;
  channel: 'sms' | 'email';
  destination: string;
  subject: string | null;
  body: string;
}

export interface Channel {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}

/** Picks the channel for each kind of destination. */
export interface Delivery {
  send(message: OutgoingMessage): Promise<void>;
}
