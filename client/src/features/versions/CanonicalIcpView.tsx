import {
  SCORED_SECTIONS,
  importanceIn,
  type IcpSection,
  type ScoredSection,
  type VersionDetailDto,
} from '@bullseye/shared';
import { rangeSummary } from '../../editor/rangeSummary.js';
import { SectionGroups } from '../../editor/SectionGroups.js';
import { BestCustomersSummary } from '../insights/BestCustomersSummary.js';
import { EvidenceMarker } from '../insights/EvidenceMarker.js';
import { AcceptableBandSummary } from '../scoring/AcceptableBandSummary.js';
import { DisqualifierRuleText } from '../scoring/DisqualifierRuleText.js';
import { ImportanceBadge } from '../scoring/ImportanceBadge.js';
import { structuredDisqualifiers } from '../scoring/structuredDisqualifiers.js';
import { bestCustomersOf, listItemsOf, rangeValueOf, richTextOf, scoringOf } from './canonicalContent.js';
import { RichTextView } from './RichTextView.js';

type Content = VersionDetailDto['content'];

/**
 * A version of the ICP, read-only, from its canonical JSON: the same groups, sections and look as
 * the live page (and the same one-page print layout), without any editing controls. Criteria added
 * from customer data show their evidence, and the best-customer definition they came from heads it.
 * What it scores with shows too: each scored criterion's importance, acceptable bands, disqualifier
 * rules, and grade thresholds other than the default.
 */
export function CanonicalIcpView({ content, workspaceId }: { content: Content; workspaceId?: string }) {
  const bestCustomers = bestCustomersOf(content);
  const scoring = scoringOf(content);
  return (
    <article className="icp-page icp-page-readonly" aria-label="Ideal Customer Profile (read-only)">
      {bestCustomers && (
        <BestCustomersSummary
          definition={bestCustomers}
          datasetName={datasetNameIn(content, bestCustomers.datasetId)}
          workspaceId={workspaceId}
        />
      )}
      {scoring?.thresholds && (
        <p className="version-grades small" data-testid="version-grades">
          <strong>Grades</strong> A from {scoring.thresholds.a}, B from {scoring.thresholds.b}, C from{' '}
          {scoring.thresholds.c}, D below.
        </p>
      )}
      <SectionGroups>
        {(section) => (
          <section
            key={section.key}
            className={`section section-${section.kind} ${section.kind === 'list' && section.style === 'items' ? 'section-wide' : ''}`}
            data-section={section.key}
            aria-labelledby={`version-section-${section.key}`}
          >
            <header className="section-head">
              <h3 id={`version-section-${section.key}`}>{section.title}</h3>
              {isScored(section.key) && (
                <ImportanceBadge
                  importance={importanceIn(scoring, section.key)}
                  testId={`version-importance-${section.key}`}
                />
              )}
            </header>
            <SectionValue section={section} value={content.sections[section.key]} content={content} />
          </section>
        )}
      </SectionGroups>
    </article>
  );
}

const isScored = (key: string): key is ScoredSection => (SCORED_SECTIONS as readonly string[]).includes(key);

function SectionValue({
  section,
  value,
  content,
}: {
  section: IcpSection;
  value: unknown;
  content: Content;
}) {
  switch (section.kind) {
    case 'list': {
      const items = listItemsOf(value);
      if (items.length === 0) return <p className="muted small none-listed">None listed.</p>;
      const structured =
        section.key === 'disqualifiers'
          ? structuredDisqualifiers(items, rangeValueOf(content.sections.revenue).currency)
          : null;
      return section.style === 'chips' ? (
        <ul className="chips" aria-label={section.title} data-testid={`version-chips-${section.key}`}>
          {items.map((item) => (
            <li key={item.id} className="chip chip-static">
              <span dir="auto">{item.text}</span>
              {item.evidence && <EvidenceMarker evidence={item.evidence} label={item.text} />}
            </li>
          ))}
        </ul>
      ) : (
        <ol className="items" aria-label={section.title} data-testid={`version-items-${section.key}`}>
          {items.map((item) => (
            <li key={item.id} className={`item ${structured ? 'item-with-footer' : ''}`}>
              <span className="item-text" dir="auto">
                {item.text}
              </span>
              {item.evidence && <EvidenceMarker evidence={item.evidence} label={item.text} />}
              {structured && (
                <div className="rule-line" data-testid="disqualifier-rule">
                  <DisqualifierRuleText item={item} structured={structured.get(item.id)} />
                </div>
              )}
            </li>
          ))}
        </ol>
      );
    }
    case 'range': {
      const range = rangeValueOf(value);
      const empty = range.min === null && range.max === null;
      return (
        <>
          <div className="range-evidence">
            <p
              className={empty ? 'range-summary muted small' : 'range-summary range-summary-readonly'}
              data-testid={`version-range-${section.key}`}
            >
              {rangeSummary(range, section)}
            </p>
            {range.evidence && <EvidenceMarker evidence={range.evidence} label={section.title} />}
          </div>
          <AcceptableBandSummary
            range={range}
            section={section}
            testId={`version-acceptable-${section.key}`}
          />
        </>
      );
    }
    case 'richText': {
      const doc = richTextOf(value);
      if (!doc) return <p className="muted small none-listed">Nothing written.</p>;
      return (
        <div className="prose prose-readonly" data-testid={`version-text-${section.key}`}>
          <RichTextView node={doc} />
        </div>
      );
    }
  }
}

/** The dataset's name as a criterion's evidence recorded it, or null. */
function datasetNameIn(content: Content, datasetId: string): string | null {
  for (const value of Object.values(content.sections)) {
    const found = [...listItemsOf(value), rangeValueOf(value)].find(
      (c) => c.evidence?.datasetId === datasetId,
    );
    if (found?.evidence) return found.evidence.datasetName;
  }
  return null;
}
