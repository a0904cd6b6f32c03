import { FUNCTION_LABELS, type IcpFunction } from '@bullseye/shared';

/** "Sales", "Sales and Product", "Sales, Marketing and Product". */
export function functionList(functions: readonly IcpFunction[]): string {
  const names = functions.map((fn) => FUNCTION_LABELS[fn]);
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
