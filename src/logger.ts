import pino, { type Logger } from 'pino';

/** Secrets never reach the log: headers and body fields that carry them are censored. */
export const REDACT_PATHS = [
  'req.headers.authorization', 'req.headers["x-dev-key"]', 'req.headers.devkey', 'req.headers.appkey', 'req.headers.sessionid', 'req.headers.cookie',
  '*.password', '*.code', '*.token', '*.sessionId', '*.rememberMeId', '*.mfaId', '*.devKey', '*.key', '*.body',
  'req.headers["x-answer-token"]', '*.credentials', '*.answerToken', '*.secret', '*.value',
];

/**
 * An error's own code (LK_ERR_…, FST_ERR_…, ERR_…, ECONNREFUSED): never a secret, and what an
 * operator needs. No one-time code has this shape (six digits, TOTP digits, backup codes in
 * lower case with a dash).
 */
const ERROR_CODE = /^(?:(?:LK|FST)_ERR_[A-Z0-9_]+|ERR_[A-Z0-9_]+|E[A-Z]{2,})$/;

/**
 * `*.code` is censored like every other secret field, save a value shaped like an error code
 * (`err.code` of a LatchkeyError or a socket error). The path cannot tell `err.code` from
 * `input.code`: for a wildcard the redactor passes null as the first key.
 */
export function censor(value: unknown, path: (string | null)[]): unknown {
  if (path.at(-1) === 'code' && typeof value === 'string' && ERROR_CODE.test(value)) return value;
  return '[redacted]';
}

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor } }, destination);
}
