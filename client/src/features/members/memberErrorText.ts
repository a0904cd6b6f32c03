import type { ApiError } from '../../api/apiError.js';

/**
 * The server's refusal, with the rule people hit most spelled out. `subject` is "You are" or
 * "Ada is".
 */
export function memberErrorText(error: ApiError, subject: string): string {
  if (error.code === 'last_admin') {
    return `${subject} the only admin of this workspace. Make someone else an admin first, so the workspace always has one.`;
  }
  return error.message;
}
