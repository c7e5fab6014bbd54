import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertValidNewUser } from '../../src/core/account/user-rules.ts';
import { LatchkeyError } from '../../src/core/errors.ts';

const fieldOf = (input: Parameters<typeof assertValidNewUser>[0]) => {
  try {
    assertValidNewUser(input);
    return null;
  } catch (err) {
    assert.ok(err instanceof LatchkeyError && err.code === 'LK_ERR_VALIDATION');
    return err.field;
  }
};

describe('the rules every new user meets', () => {
  it('accepts a plain user, and names the field of each thing wrong', () => {
    assert.equal(fieldOf({ username: 'ana', password: 'long enough', email: 'ana@example.com', phone: '+14155550100' }), null);
    assert.equal(fieldOf({ username: '', password: 'long enough' }), 'username');
    assert.equal(fieldOf({ username: 'ana', password: 'short' }), 'password');
    assert.equal(fieldOf({ username: 'ana', password: 'x'.repeat(1025) }), 'password');
    assert.equal(fieldOf({ username: 'ana', password: 'long enough', email: 'Erin <a@b.c>' }), 'email');
    assert.equal(fieldOf({ username: 'ana', password: 'long enough', phone: '555-0100' }), 'phone');
  });

  it('counts characters as the HTTP schemas do (code points, not UTF-16 units)', () => {
    assert.equal(fieldOf({ username: 'ana', password: '😀😀😀😀' }), 'password', 'four characters, eight UTF-16 units');
    assert.equal(fieldOf({ username: 'ana', password: '😀'.repeat(8) }), null);
    assert.equal(fieldOf({ username: '😀'.repeat(320), password: 'long enough' }), null);
  });
});
