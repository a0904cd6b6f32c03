import { FUNCTION_LABELS, FUNCTIONS } from '@bullseye/shared';

const SHORT = { sales: 'S', marketing: 'M', product: 'P', customer_success: 'CS' } as const;

/** The four function columns of a "who contributed" table: short names, the full name on hover. */
export function FunctionColumnHeads() {
  return FUNCTIONS.map((fn) => (
    <th key={fn} scope="col" title={FUNCTION_LABELS[fn]}>
      <abbr title={FUNCTION_LABELS[fn]}>{SHORT[fn]}</abbr>
    </th>
  ));
}
