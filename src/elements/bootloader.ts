import { configProblem, type BootConfig } from './shared/config.ts';
import { ElementApi } from './shared/api.ts';
import { launchFailure } from './shared/errors.ts';
import { ELEMENTS } from './registry.ts';
import type { LatchkeyElement } from './shared/base-element.ts';

export type { BootConfig } from './shared/config.ts';
export type { ElementErrorPayload } from './shared/errors.ts';

export interface Registration { id: string; name: string }

export interface Bootloader {
  /** Declares an Element instance: `{ id: 'element1', name: 'mfa' }`. */
  register(registration: Registration): void;
  /** Renders a registered Element into the element `target` selects; resolves once its first screen shows. */
  render(id: string, target: string | Element): Promise<HTMLElement>;
}

/** The origin that served this script: the default `baseUrl`. */
const SCRIPT_ORIGIN = new URL(import.meta.url).origin;

/**
 * The Elements' entry point (`/elements/v1/bootloader.js`), as BILL's:
 * `const bootloader = init(bootConfig); bootloader.register({ id, name }); await bootloader.render(id, '#div');`
 * Mistakes in the page's own code (unknown name or id, a selector that matches
 * nothing) throw; a bootConfig that cannot work is an `error` event.
 */
export function init(config: BootConfig): Bootloader {
  const registrations = new Map<string, string>();
  const problem = configProblem(config);
  // A config that cannot work still renders: the Element then only reports the problem (to onEvent, if that much is usable).
  const usable: BootConfig = problem ? { key: '', getSessionId: () => null, ...(typeof config?.onEvent === 'function' ? { onEvent: config.onEvent } : {}) } : config;
  const api = new ElementApi(usable, (usable.baseUrl ?? SCRIPT_ORIGIN).replace(/\/+$/, ''));
  return {
    register({ id, name }) {
      if (typeof id !== 'string' || id === '') throw new TypeError('register: id must be a non-empty string');
      if (!Object.hasOwn(ELEMENTS, name)) throw new TypeError(`register: unknown Element "${name}"; known: ${Object.keys(ELEMENTS).join(', ')}`);
      registrations.set(id, name);
    },
    async render(id, target) {
      const name = registrations.get(id);
      if (!name) throw new TypeError(`render: no Element registered with id "${id}"`);
      const host = typeof target === 'string' ? document.querySelector(target) : target;
      if (!host) throw new TypeError(`render: "${String(target)}" matches no element`);
      const def = ELEMENTS[name]!;
      if (!customElements.get(def.tag)) customElements.define(def.tag, def.element);
      const el = document.createElement(def.tag) as LatchkeyElement;
      el.dataset.elementId = id;
      host.replaceChildren(el);
      await el.start({ config: usable, api, elementId: id, name, ...(problem ? { failure: launchFailure('INVALID_CONFIG', problem) } : {}) });
      return el;
    },
  };
}
