import { fail } from '../errors.ts';

/** E.164: a plus sign and 8 to 15 digits. */
export const E164_PATTERN = '^\\+[1-9][0-9]{7,14}$';
/** One plain mailbox: no display names, lists, quotes or comments (they would redirect a code). */
export const EMAIL_PATTERN = '^[^\\s@<>,;:"()\\[\\]\\\\]{1,64}@[^\\s@<>,;:"()\\[\\]\\\\]{1,255}\\.[^\\s@<>,;:"()\\[\\]\\\\]{2,}$';
/** NIST SP 800-63B: at least 8 characters for a password used with a second factor. */
export const PASSWORD_MIN_LENGTH = 8;
/** Long enough for any passphrase; bounds the work of hashing it. */
export const PASSWORD_MAX_LENGTH = 1024;
export const USERNAME_MAX_LENGTH = 320;
/** 64 characters before the @ and 255 after it, as RFC 5321 allows. */
export const EMAIL_MAX_LENGTH = 320;

/** Characters as JSON Schema's lengths count them (code points), so these rules and the HTTP schemas agree. */
const lengthOf = (s: string) => {
  let n = 0;
  for (const _ of s) n++;
  return n;
};

const E164 = new RegExp(E164_PATTERN);
const EMAIL = new RegExp(EMAIL_PATTERN);

export function assertPhone(phone: string, field = 'phone'): void {
  if (!E164.test(phone)) fail('LK_ERR_VALIDATION', { field, detail: 'The phone number must be in E.164 form, such as +14155550100.' });
}

export function assertEmail(email: string, field = 'email'): void {
  if (lengthOf(email) > EMAIL_MAX_LENGTH || !EMAIL.test(email)) fail('LK_ERR_VALIDATION', { field, detail: 'The email address must be one plain mailbox, such as ana@example.com.' });
}

/**
 * The rules every new user meets, whoever creates it (the admin API, a partner, a dialect, the
 * CLI): the HTTP schemas say the same, so that a bad value is refused by whichever comes first.
 */
export function assertValidNewUser(input: { username: string; password: string; email?: string | undefined; phone?: string | undefined }): void {
  const username = lengthOf(input.username);
  const password = lengthOf(input.password);
  if (username < 1 || username > USERNAME_MAX_LENGTH) {
    fail('LK_ERR_VALIDATION', { field: 'username', detail: `The username must have 1 to ${USERNAME_MAX_LENGTH} characters.` });
  }
  if (password < PASSWORD_MIN_LENGTH || password > PASSWORD_MAX_LENGTH) {
    fail('LK_ERR_VALIDATION', { field: 'password', detail: `The password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.` });
  }
  if (input.email !== undefined) assertEmail(input.email);
  if (input.phone !== undefined) assertPhone(input.phone);
}
