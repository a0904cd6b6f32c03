import { useId } from 'react';
import { Unknown } from './Unknown.js';

/** The first rows of the file as the server read them, to check the mapping against. */
export function PreviewTable({
  headers,
  rows,
}: {
  headers: readonly string[];
  rows: readonly (readonly string[])[];
}) {
  const captionId = useId();
  if (headers.length === 0) return null;
  return (
    <div className="ds-table-scroll ds-preview" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="ds-table">
        <caption id={captionId} className="ds-caption">
          First {rows.length === 1 ? 'row' : `${rows.length} rows`} of the file
        </caption>
        <thead>
          <tr>
            {headers.map((h, i) => (
              <th key={`${i}-${h}`} scope="col" title={h}>
                {h || <span className="muted">(no name)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {headers.map((_, c) => {
                const cell = row[c] ?? '';
                return (
                  <td key={c} title={cell.length > 40 ? cell : undefined}>
                    {cell === '' ? <Unknown label="empty" /> : cell}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
