import { readFileSync } from 'node:fs';
import { Type } from 'typebox';
import type { App } from '../http/types.ts';
import type { Latchkey } from '../registry.ts';
import type { SandboxCredentials } from '../sandbox/seed.ts';
import { addActiveSmsFactor, sandboxFile } from '../sandbox/seed.ts';
import { resolveDevKey } from '../core/session/sessions.ts';
import { signIn } from '../core/session/sign-in.ts';
import { createUser, getOrganizationFor } from '../core/account/accounts.ts';
import { fail } from '../core/errors.ts';
import { metaOf } from '../http/auth.ts';

const PAGE = readFileSync(new URL('./demo.html', import.meta.url), 'utf8');

/**
 * `/demo` (sandbox mode only): the Elements against the sandbox organization,
 * with an event log and the sandbox outbox, so a newcomer sees the whole flow in
 * a minute. Sessions are made here, server side, as a partner's back end would:
 * the page never sees a password or the admin token.
 */
export function demoRoutes(app: App, lk: Latchkey): void {
  const { deps } = lk;
  // Demo users this process created, to sign them in again when the Element reports a rejected session;
  // and their phones and addresses, the only outbox the demo shows (the rest needs the admin token).
  const passwords = new Map<string, string>();
  const destinations = new Set<string>();
  const sandbox = (): SandboxCredentials => {
    try {
      return JSON.parse(readFileSync(sandboxFile(lk.config.dataDir), 'utf8')) as SandboxCredentials;
    } catch {
      return fail('LK_ERR_NOT_FOUND', { detail: 'The sandbox is not seeded yet (data/sandbox.json is missing): start the server with npm start.' });
    }
  };

  app.get('/demo', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(PAGE));

  // Browsers ask for it on every page: an empty answer, not a 404 in the console.
  app.get('/favicon.ico', { schema: { hide: true } }, async (_req, reply) => reply.status(204).header('cache-control', 'public, max-age=86400').send());

  app.post('/demo/api/sessions', {
    schema: {
      hide: true,
      body: Type.Object({
        scenario: Type.Union([Type.Literal('challenge'), Type.Literal('setup')], { description: 'challenge: a new demo user with an SMS factor; setup: a new demo user with no factor' }),
        userId: Type.Optional(Type.String({ maxLength: 64, description: 'Sign a demo user of this server in again' })),
      }, { additionalProperties: false }),
    },
  }, async (req, reply) => {
    const creds = sandbox();
    const devKey = await resolveDevKey(deps, creds.devKey);
    let user: { userId: string; username: string; password: string; phone: string; email: string };
    const again = req.body.userId ? passwords.get(req.body.userId) : undefined;
    if (req.body.userId && !again) fail('LK_ERR_NOT_FOUND', { field: 'userId', detail: 'Not a demo user of this server run.' });
    if (again) {
      const u = (await deps.store.users.get(req.body.userId!))!;
      user = { userId: u.id, username: u.username, password: again, phone: u.phone!, email: u.email! };
    } else {
      // Every load gets its own user of the sandbox organization, so reloading never runs into the hourly limit of codes per user.
      const org = await getOrganizationFor(deps, creds.organizationId, () => true);
      const n = deps.random.token(6).replace(/[^a-z0-9]/gi, '').toLowerCase() || 'x';
      const phone = `+1555${deps.random.digits(7)}`;
      const password = `demo-${deps.random.token(12)}`;
      const u = await createUser(deps, org, { username: `demo-${n}@latchkey.dev`, password, phone, email: `demo-${n}@latchkey.dev` });
      if (req.body.scenario === 'challenge') await addActiveSmsFactor(deps, u);
      passwords.set(u.id, password);
      destinations.add(phone).add(u.email!);
      user = { userId: u.id, username: u.username, password, phone, email: u.email! };
    }
    const r = await signIn(deps, devKey, { organizationId: creds.organizationId, username: user.username, password: user.password }, metaOf(req));
    return reply.status(201).send({
      scenario: req.body.scenario, devKey: creds.devKey, sessionId: r.token, organizationId: creds.organizationId,
      userId: user.userId, username: user.username, phone: user.phone, email: user.email,
    });
  });

  app.get('/demo/api/outbox', {
    schema: { hide: true, querystring: Type.Object({ destination: Type.String({ minLength: 1, maxLength: 320 }) }, { additionalProperties: false }) },
  }, async (req) => {
    if (!destinations.has(req.query.destination)) fail('LK_ERR_NOT_FOUND', { field: 'destination', detail: 'Not a demo user of this server run: read other messages through /v1/admin/outbox.' });
    const messages = await deps.store.outbox.list({ orgId: sandbox().organizationId, destination: req.query.destination, limit: 5 });
    return { messages: messages.map((m) => ({ channel: m.channel, destination: m.destination, body: m.body, createdAt: new Date(m.createdAt).toISOString() })) };
  });
}
