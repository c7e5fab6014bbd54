import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build, stop } from 'esbuild';

/** The Elements' entry point: one ES module exporting `init`. */
export const ELEMENTS_ENTRY = fileURLToPath(new URL('../elements/bootloader.ts', import.meta.url));

export interface ElementsBundle {
  code: string;
  /** First 16 hex digits of the SHA-256 of the code: the ETag and the immutable path segment. */
  hash: string;
  gzipBytes: number;
}

/**
 * Bundles src/elements into one minified ES module, in memory. Built from the
 * source at start (and on first use in tests) so the served file can never be
 * stale, with no build step to forget (README, "Dependencies and why": esbuild).
 */
export async function buildElementsBundle(): Promise<ElementsBundle> {
  const result = await build({
    entryPoints: [ELEMENTS_ENTRY], bundle: true, format: 'esm', platform: 'browser', target: 'es2022',
    minify: true, write: false, legalComments: 'none', logLevel: 'silent', charset: 'utf8',
  });
  const code = result.outputFiles[0]!.text;
  return { code, hash: createHash('sha256').update(code).digest('hex').slice(0, 16), gzipBytes: gzipSync(code).length };
}

let cached: Promise<ElementsBundle> | undefined;
/**
 * The bundle, built once per process. esbuild's service process is stopped afterwards:
 * it would otherwise stay up beside the server for good, pinged every second.
 */
export function elementsBundle(): Promise<ElementsBundle> {
  cached ??= buildElementsBundle().finally(() => stop());
  cached.catch(() => (cached = undefined));
  return cached;
}
