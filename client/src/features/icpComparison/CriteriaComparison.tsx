import { useId } from 'react';
import { sectionOf, type IcpComparisonDto, type ListComparison } from '@bullseye/shared';
import { bandText, columnTitles, joinWords, listSummary, quoted, rangeWording } from './comparisonWording.js';

/**
 * The criteria side by side, in the page's order: per list section three columns (only in the left
 * ICP, in both, only in the right one; one line when both list the same), and the size and revenue
 * bands with how they relate. Sections neither ICP fills are named on one line at the end.
 */
export function CriteriaComparison({ comparison }: { comparison: IcpComparisonDto }) {
  const rangesId = useId();
  const filled = comparison.lists.filter((l) => l.shared.length + l.onlyA.length + l.onlyB.length > 0);
  const empty = comparison.lists.filter((l) => !filled.includes(l));
  const ranges = (
    <section className="icp-compare-card" aria-labelledby={rangesId} data-testid="icp-compare-ranges">
      <h2 id={rangesId}>Company size and revenue</h2>
      <table className="icp-compare-table">
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col">{quoted(comparison.a.title)}</th>
            <th scope="col">{quoted(comparison.b.title)}</th>
            <th scope="col">How they relate</th>
          </tr>
        </thead>
        <tbody>
          {comparison.ranges.map((range) => (
            <tr key={range.section} data-relation={range.relation}>
              <th scope="row">{sectionOf(range.section).title}</th>
              <td className={range.a ? '' : 'muted'}>{bandText(range, 'a')}</td>
              <td className={range.b ? '' : 'muted'}>{bandText(range, 'b')}</td>
              <td className={`icp-relation icp-relation-${range.relation}`}>
                {rangeWording(range, comparison)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
  // In the page's order: industries, then the bands, then the other lists.
  const [first, ...rest] = filled[0]?.section === 'industries' ? filled : [null, ...filled];
  return (
    <>
      {first && <ListComparisonCard list={first} comparison={comparison} />}
      {ranges}
      {rest.map(
        (list) => list && <ListComparisonCard key={list.section} list={list} comparison={comparison} />,
      )}
      {empty.length > 0 && (
        <p className="muted small icp-compare-empty">
          Neither lists any{' '}
          {joinWords(
            empty.map((l) => sectionOf(l.section).title.toLowerCase()),
            'or',
          )}
          .
        </p>
      )}
    </>
  );
}

function ListComparisonCard({ list, comparison }: { list: ListComparison; comparison: IcpComparisonDto }) {
  const titleId = useId();
  const [onlyA, both, onlyB] = columnTitles(list.section, comparison);
  const columns = [
    { key: 'a', title: onlyA, items: list.onlyA },
    { key: 'shared', title: both, items: list.shared },
    { key: 'b', title: onlyB, items: list.onlyB },
  ];
  const chips =
    list.section === 'industries' || list.section === 'geographies' || list.section === 'technologies';
  const title = sectionOf(list.section).title;
  const renderItems = (items: readonly string[]) => (
    <ul className={chips ? 'icp-compare-chips' : 'icp-compare-items'}>
      {items.map((item, index) => (
        <li key={`${item}-${index}`} className={chips ? 'chip chip-static' : undefined} dir="auto">
          {item}
        </li>
      ))}
    </ul>
  );
  // The same on both sides: one line, not two empty columns.
  if (list.onlyA.length === 0 && list.onlyB.length === 0) {
    return (
      <section
        className="icp-compare-card icp-compare-card-same"
        aria-labelledby={titleId}
        data-testid={`icp-compare-${list.section}`}
      >
        <div className="icp-compare-card-head">
          <h2 id={titleId}>{title}</h2>
          <span className="muted small">{listSummary(list)}</span>
        </div>
        <div role="group" aria-label={`${title}: ${both}`} data-testid="column-shared">
          {renderItems(list.shared)}
        </div>
      </section>
    );
  }
  return (
    <section
      className="icp-compare-card"
      aria-labelledby={titleId}
      data-testid={`icp-compare-${list.section}`}
    >
      <div className="icp-compare-card-head">
        <h2 id={titleId}>{title}</h2>
        <span className="muted small">{listSummary(list)}</span>
      </div>
      <div className="icp-compare-columns">
        {columns.map((column) => (
          <div
            key={column.key}
            className={`icp-compare-column icp-compare-column-${column.key}`}
            role="group"
            aria-label={`${title}: ${column.title}`}
            data-testid={`column-${column.key}`}
          >
            <p className="icp-compare-column-title">
              {column.title} <span className="icp-compare-count">{column.items.length}</span>
            </p>
            {column.items.length === 0 ? (
              <p className="muted small icp-compare-none">—</p>
            ) : (
              renderItems(column.items)
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
