import type { IcpSection, VersionDetailDto } from '@bullseye/shared';
import { rangeSummary } from '../../editor/rangeSummary.js';
import { SectionGroups } from '../../editor/SectionGroups.js';
import { listItemsOf, rangeValueOf, richTextOf } from './canonicalContent.js';
import { RichTextView } from './RichTextView.js';

type Content = VersionDetailDto['content'];

/**
 * A version of the ICP, read-only, from its canonical JSON: the same groups, sections and look as
 * the live page (and the same one-page print layout), without any editing controls.
 */
export function CanonicalIcpView({ content }: { content: Content }) {
  return (
    <article className="icp-page icp-page-readonly" aria-label="Ideal Customer Profile (read-only)">
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
            </header>
            <SectionValue section={section} value={content.sections[section.key]} />
          </section>
        )}
      </SectionGroups>
    </article>
  );
}

function SectionValue({ section, value }: { section: IcpSection; value: unknown }) {
  switch (section.kind) {
    case 'list': {
      const items = listItemsOf(value);
      if (items.length === 0) return <p className="muted small none-listed">None listed.</p>;
      return section.style === 'chips' ? (
        <ul className="chips" aria-label={section.title} data-testid={`version-chips-${section.key}`}>
          {items.map((item) => (
            <li key={item.id} className="chip chip-static" dir="auto">
              {item.text}
            </li>
          ))}
        </ul>
      ) : (
        <ol className="items" aria-label={section.title} data-testid={`version-items-${section.key}`}>
          {items.map((item) => (
            <li key={item.id} className="item">
              <span className="item-text" dir="auto">
                {item.text}
              </span>
            </li>
          ))}
        </ol>
      );
    }
    case 'range': {
      const range = rangeValueOf(value);
      const empty = range.min === null && range.max === null;
      return (
        <p
          className={empty ? 'range-summary muted small' : 'range-summary range-summary-readonly'}
          data-testid={`version-range-${section.key}`}
        >
          {rangeSummary(range, section)}
        </p>
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
