import type { RangeSection, RangeValue } from '@bullseye/shared';
import { formatCompact } from './numberFormat.js';

/** "200 – 2K employees", "$10M+", "Up to 500 employees", or "No band set yet.". */
export function rangeSummary(value: RangeValue, section: RangeSection): string {
  const unit = section.unit === 'employees' ? ' employees' : '';
  const fmt = (n: number) => formatCompact(n, section.unit === 'money' ? value.currency : undefined);
  if (value.min === null && value.max === null) return 'No band set yet.';
  if (value.max === null) return `${fmt(value.min!)}+${unit}`;
  if (value.min === null) return `Up to ${fmt(value.max)}${unit}`;
  return `${fmt(value.min)} – ${fmt(value.max)}${unit}`;
}
