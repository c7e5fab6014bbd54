import { Type, type Static, type TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { SynapseError } from './errors.ts';

/**
 * A checker for one request shape: the value typed, or Synapse's payload error
 * (400, error_code 200) naming the first field that is wrong.
 */
export function validator<T extends TSchema>(schema: T): (value: unknown, what?: string) => Static<T> {
  const compiled = Compile(schema);
  return (value, what = 'body') => {
    if (compiled.Check(value)) return value as Static<T>;
    const [first] = compiled.Errors(value);
    const path = `${what}${(first?.instancePath ?? '').replaceAll('/', '.')}`;
    throw new SynapseError(400, '200', `Error in payload: ${path} ${first?.message ?? 'is invalid'}.`);
  };
}

/** One answer, or one per question of the round in order (Latchkey's extension for rounds of several questions). */
export const Answers = Type.Union([
  Type.String({ minLength: 1, maxLength: 1000 }),
  Type.Array(Type.String({ minLength: 1, maxLength: 1000 }), { minItems: 1, maxItems: 20 }),
]);

export const answerList = (a: string | string[]): string[] => (Array.isArray(a) ? a : [a]);

/** A bank credential or bank name as Synapse sends it. */
export const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength });
