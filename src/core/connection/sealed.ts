import type { Secrets } from '../../ports/crypto.ts';

/** Text and JSON sealed at rest (credentials, answers, connector state, webhook secrets). */
export const sealText = (secrets: Secrets, text: string): string => secrets.encrypt(new TextEncoder().encode(text));
export const openText = (secrets: Secrets, sealed: string): string => new TextDecoder().decode(secrets.decrypt(sealed));
export const sealJson = (secrets: Secrets, value: unknown): string => sealText(secrets, JSON.stringify(value));
export const openJson = <T>(secrets: Secrets, sealed: string): T => JSON.parse(openText(secrets, sealed)) as T;
