import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS, LatchkeyError, type ErrorCode } from '../core/errors.ts';

/** RFC 9457 problem details, with Latchkey's stable `code` and the offending `field`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  field?: string;
}

export const problemType = (code: ErrorCode) => `https://latchkey.dev/errors/${code}`;

export function problemOf(err: LatchkeyError): Problem {
  const p: Problem = { type: problemType(err.code), title: ERRORS[err.code].message, status: err.status, code: err.code, detail: err.message };
  if (err.field !== undefined) p.field = err.field;
  return p;
}

interface AjvIssue { instancePath?: string; keyword?: string; message?: string; params?: Record<string, unknown>; parentSchema?: Record<string, unknown> }

/** Names the field an Ajv validation error is about, as a dotted path (`body.phone`). */
function fieldOf(issue: AjvIssue, part: string | undefined): string {
  const path = (issue.instancePath ?? '').split('/').filter(Boolean);
  const extra = issue.params?.missingProperty ?? issue.params?.additionalProperty;
  if (typeof extra === 'string') path.push(extra);
  return [part ?? 'body', ...path].join('.');
}

/** The values a union of constants allows, when the failing schema is one. */
function allowedValues(issues: AjvIssue[]): string[] | null {
  const union = issues.find((i) => i.keyword === 'anyOf')?.parentSchema?.anyOf;
  if (!Array.isArray(union) || !union.every((s) => s && typeof s === 'object' && 'const' in s)) return null;
  return union.map((s) => String((s as { const: unknown }).const));
}

function reasonOf(issue: AjvIssue, issues: AjvIssue[]): string {
  if (issue.keyword === 'additionalProperties') return 'is not a known field';
  if (issue.keyword === 'required') return 'is required';
  if (issue.keyword === 'minProperties' && issue.params?.limit === 1) {
    const fields = Object.keys((issue.parentSchema?.properties ?? {}) as object);
    return fields.length > 0 ? `needs at least one of: ${fields.join(', ')}` : 'must not be empty';
  }
  const allowed = allowedValues(issues);
  if (allowed) return `must be one of: ${allowed.join(', ')}`;
  if (issue.keyword === 'enum' && Array.isArray(issue.params?.allowedValues)) return `must be one of: ${issue.params.allowedValues.join(', ')}`;
  if (issue.keyword === 'pattern') {
    const description = issue.parentSchema?.description;
    return typeof description === 'string' ? `is not in the expected form (${description})` : 'is not in the expected form';
  }
  return issue.message ?? 'is invalid';
}

/** Translates any error into a LatchkeyError, so every response has one shape. */
export function toLatchkeyError(err: FastifyError | Error): LatchkeyError {
  if (err instanceof LatchkeyError) return err;
  const fe = err as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe.validation && fe.validation.length > 0) {
    const issue = fe.validation[0]!;
    const field = fieldOf(issue, fe.validationContext);
    return new LatchkeyError('LK_ERR_VALIDATION', { field, detail: `${field} ${reasonOf(issue, fe.validation)}.` });
  }
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new LatchkeyError('LK_ERR_MALFORMED_JSON', { field: 'body' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new LatchkeyError('LK_ERR_BODY_TOO_LARGE', { field: 'body' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new LatchkeyError('LK_ERR_UNSUPPORTED_MEDIA_TYPE', { field: 'content-type', detail: 'Send JSON with Content-Type: application/json.' });
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new LatchkeyError('LK_ERR_VALIDATION', { detail: fe.message });
  }
  return new LatchkeyError('LK_ERR_INTERNAL');
}

export function sendProblem(reply: FastifyReply, err: LatchkeyError): FastifyReply {
  if (err.retryAfterSeconds !== undefined) reply.header('retry-after', String(err.retryAfterSeconds));
  return reply.status(err.status).type('application/problem+json').send(problemOf(err));
}

/** The native API's error handler: problem+json for everything; 500s are logged, never shown. */
export function problemErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lk = toLatchkeyError(err);
  // Typed errors were expected (and logged where they arose); only the unexpected are logged here.
  if (lk.code === 'LK_ERR_INTERNAL') req.log.error({ err }, 'unhandled error');
  return sendProblem(reply, lk);
}
