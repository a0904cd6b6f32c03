import { findSection, toCanonical, type SectionKey } from '@bullseye/shared';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/useDocValue.js';
import { rangeSummary } from '../../editor/rangeSummary.js';
import { listItemsOf, rangeValueOf, richTextOf } from '../versions/canonicalContent.js';
import { RichTextView } from '../versions/RichTextView.js';

/** The step's sections as they stand now, read live from the document, in large type. */
export function ProjectorSections({ doc, sections }: { doc: Y.Doc; sections: readonly SectionKey[] }) {
  const content = useDocValue(doc, toCanonical);
  return (
    <div className="projector-sections" style={{ ['--count' as string]: Math.min(sections.length, 4) }}>
      {sections.map((key) => {
        const section = findSection(key);
        if (!section) return null;
        const value = content.sections[key];
        return (
          <section key={key} className="projector-section" aria-labelledby={`projector-${key}`}>
            <h2 id={`projector-${key}`}>{section.title}</h2>
            {section.kind === 'list' && <ListValue value={value} />}
            {section.kind === 'range' && (
              <p className="projector-range">{rangeSummary(rangeValueOf(value), section)}</p>
            )}
            {section.kind === 'richText' && <TextValue value={value} />}
          </section>
        );
      })}
    </div>
  );
}

function ListValue({ value }: { value: unknown }) {
  const items = listItemsOf(value);
  if (items.length === 0) return <p className="projector-empty">Nothing yet</p>;
  return (
    <ul className="projector-items">
      {items.map((item) => (
        <li key={item.id}>{item.text}</li>
      ))}
    </ul>
  );
}

function TextValue({ value }: { value: unknown }) {
  const doc = richTextOf(value);
  if (!doc) return <p className="projector-empty">Nothing written yet</p>;
  return (
    <div className="projector-prose">
      <RichTextView node={doc} />
    </div>
  );
}
