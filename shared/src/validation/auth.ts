import { z } from 'zod';
import { LIMITS } from './limits.js';

// eslint-disable-next-line no-control-regex
const noControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

/** A person's name as others see it in presence, members and comments. */
export const personNameSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.maxDisplayNameLength, { message: `must be at most ${LIMITS.maxDisplayNameLength} characters` })
  .refine(noControl, { message: 'must not contain control characters' });

/** An email address, compared case-insensitively (stored lower-case). */
export const emailSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .max(254, { message: 'must be at most 254 characters' })
  .pipe(z.email({ message: 'must be an email address' }))
  .transform((s) => s.toLowerCase());

/** A new password: long enough to resist guessing, short enough to hash cheaply. */
export const newPasswordSchema = z
  .string({ message: 'must be a string' })
  .min(LIMITS.minPasswordLength, { message: `must be at least ${LIMITS.minPasswordLength} characters` })
  .max(LIMITS.maxPasswordLength, { message: `must be at most ${LIMITS.maxPasswordLength} characters` });

/** A password being checked: any non-empty string within the length bound. */
export const passwordSchema = z
  .string({ message: 'must be a string' })
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.maxPasswordLength, { message: `must be at most ${LIMITS.maxPasswordLength} characters` });

/** A workspace name. */
export const workspaceNameSchema = z
  .string({ message: 'must be a string' })
  .trim()
  .min(1, { message: 'must not be empty' })
  .max(LIMITS.maxWorkspaceNameLength, {
    message: `must be at most ${LIMITS.maxWorkspaceNameLength} characters`,
  })
  .refine(noControl, { message: 'must not contain control characters' });

export const signInBodySchema = z.strictObject({ email: emailSchema, password: passwordSchema });
export type SignInBody = z.infer<typeof signInBodySchema>;

export const signUpBodySchema = z.strictObject({
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

/** First run: the owner account and the first workspace in one step. */
export const setupBodySchema = signUpBodySchema.extend({ workspaceName: workspaceNameSchema });
export type SetupBody = z.infer<typeof setupBodySchema>;

export const changePasswordBodySchema = z.strictObject({
  currentPassword: passwordSchema,
  newPassword: newPasswordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

export const updateInstanceBodySchema = z.strictObject({
  signupOpen: z.boolean({ message: 'must be true or false' }),
});
export type UpdateInstanceBody = z.infer<typeof updateInstanceBodySchema>;
