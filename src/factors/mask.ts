/** Masks a phone number to its last four digits: `•••• 1234`. */
export function maskPhone(phone: string): string {
  return `•••• ${phone.slice(-4)}`;
}

/** Masks an email address: `a••••@example.com`. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}••••@${domain}`;
}
