/** A muted dash for a value the data does not have (never a 0), read out as "unknown". */
export function Unknown({ label = 'unknown' }: { label?: string }) {
  return (
    <span className="ds-unknown">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
