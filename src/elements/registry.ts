import type { LatchkeyElement } from './shared/base-element.ts';
import { MfaElement } from './mfa/mfa-element.ts';
import { ConnectElement } from './connect/connect-element.ts';

export interface ElementDefinition {
  /** The custom element's tag. */
  tag: string;
  element: CustomElementConstructor & (new () => LatchkeyElement);
}

/** Every Element, by the name a page registers: one line each (docs/elements.md, "Adding an Element"). */
export const ELEMENTS: Record<string, ElementDefinition> = {
  mfa: { tag: 'latchkey-mfa', element: MfaElement },
  connect: { tag: 'latchkey-connect', element: ConnectElement },
};
