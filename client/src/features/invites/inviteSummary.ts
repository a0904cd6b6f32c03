import { FUNCTION_LABELS, ROLE_LABELS, type IcpFunction, type Role } from '@bullseye/shared';

/** "Editor" or "Editor for Sales". */
export function roleAndFunction(role: Role, fn: IcpFunction | null): string {
  return fn ? `${ROLE_LABELS[role]} for ${FUNCTION_LABELS[fn]}` : ROLE_LABELS[role];
}
