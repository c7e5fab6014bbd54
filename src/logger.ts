import pino, { type Logger } from 'pino';

/** Secrets never reach the log: headers and body fields that carry them are censored. */
export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers["x-dev-key"]', 'req.headers.devkey', 'req.headers.appkey', 'req.headers.sessionid', 'req.headers.cookie',
  '*.password', '*.code', '*.token', '*.sessionId', '*.rememberMeId', '*.mfaId', '*.devKey', '*.key', '*.body',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, destination);
}
