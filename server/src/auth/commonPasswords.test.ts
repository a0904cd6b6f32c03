import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { isCommonPassword, refuseCommonPassword } from './commonPasswords.js';

describe('common passwords', () => {
  it.each(['password123', '1234567890', 'qwertyuiop', 'PassWord123', ' iloveyou123 '])(
    'knows %j as one of the most common (any case, surrounding spaces ignored)',
    async (password) => {
      expect(await isCommonPassword(password)).toBe(true);
    },
  );

  it.each(['correct horse battery staple', 'member password 42', 'a long workshop password'])(
    'accepts %j',
    async (password) => {
      expect(await isCommonPassword(password)).toBe(false);
    },
  );

  it('refuses with a 400 naming the field', async () => {
    let error: unknown;
    try {
      await refuseCommonPassword('password123', 'newPassword');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 400, code: 'common_password', field: 'newPassword' });
    expect((error as HttpError).message).toMatch(/^newPassword: /);
  });
});
