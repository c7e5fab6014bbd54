import type { App } from '../../../http/types.ts';
import type { Latchkey } from '../../../registry.ts';
import { emptyBodyIsObject } from '../../../http/schemas.ts';
import { protectedOperation } from '../shared.ts';
import { orgCall } from './auth.ts';
import { AnyBody } from './schemas.ts';

/** v3 endpoints that need an MFA-trusted session, mapped to the core's sandbox operations. */
const PROTECTED: readonly (readonly [string, string])[] = [
  ['/v3/payments', 'pay_bills'],
  ['/v3/payments/bulk', 'pay_bills'],
  ['/v3/vendors/:vendorId/bank-account', 'add_vendor_bank_account'],
  ['/v3/funding-accounts/banks', 'add_vendor_bank_account'],
  ['/v3/network/invitation/vendor/:vendorId', 'send_vendor_invite'],
  ['/v3/network/invitation/vendor/:vendorId/email', 'send_vendor_invite'],
  ['/v3/network/invitation/customer/:customerId', 'send_invite'],
];

export function operationRoutes(app: App, lk: Latchkey): void {
  if (!lk.config.sandbox) return;
  for (const [path, operation] of PROTECTED) {
    app.post(path, { preValidation: emptyBodyIsObject, schema: { body: AnyBody } }, async (req) => {
      const ctx = await orgCall(lk, req);
      const payload = { ...(req.params as Record<string, string>), ...req.body };
      return protectedOperation(lk, ctx, operation, payload, req);
    });
  }
}
