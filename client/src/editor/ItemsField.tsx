import {
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import {
  addListItem,
  IcpValueError,
  lengthState,
  moveListItem,
  removeListItem,
  updateListItem,
  type ListItem,
  type IcpListSection,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import { targetKey, useCommentsOptional } from '../features/comments/commentsContext.js';
import { CriterionComments } from '../features/comments/CriterionComments.js';
import { EvidenceMarker } from '../features/insights/EvidenceMarker.js';
import { ProvenanceBadge } from '../features/workshop/ProvenanceBadge.js';
import { DisqualifierRuleLine } from '../features/scoring/DisqualifierRuleLine.js';
import { useStructuredDisqualifiers } from '../features/scoring/useStructuredDisqualifiers.js';
import { LengthHint } from '../ui/LengthHint.js';
import { useListItems } from './useListItems.js';

interface ItemsFieldProps {
  doc: Y.Doc;
  section: IcpListSection;
  readOnly: boolean;
}

/**
 * One-line criteria (buying triggers, disqualifiers) that can be added, edited in place, reordered
 * and removed. Each has a stable id; an edit replaces that item's text only. Each disqualifier also
 * says how scoring treats it (a rule, or a manual check).
 */
export function ItemsField({ doc, section, readOnly }: ItemsFieldProps) {
  const items = useListItems(doc, section.key);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const commentTarget = useCommentsOptional()?.selectedTarget ?? null;
  const lengthId = useId();
  const tooLong = lengthState(draft, section.maxLength, 'collapse').over > 0;
  const structured = useStructuredDisqualifiers(doc, items, section.key === 'disqualifiers');

  function run(action: () => void): boolean {
    try {
      action();
      setError(null);
      return true;
    } catch (e) {
      if (!(e instanceof IcpValueError)) throw e;
      setError(e.message);
      return false;
    }
  }

  function add(event: FormEvent) {
    event.preventDefault();
    if (draft.trim() === '' || tooLong) return;
    if (run(() => addListItem(doc, section.key, draft))) setDraft('');
  }

  return (
    <div className="items-field">
      <ol className="items" data-testid={`items-${section.key}`} aria-label={section.title}>
        {items.map((item, index) => (
          <ItemRow
            key={item.id}
            item={item}
            section={section.key}
            commentActive={commentTarget === targetKey(section.key, item.id)}
            readOnly={readOnly}
            label={`${section.title} ${index + 1}`}
            maxLength={section.maxLength}
            onSave={(text) => run(() => updateListItem(doc, section.key, item.id, text))}
            onRemove={() => removeListItem(doc, section.key, item.id)}
            onMove={(delta) => moveListItem(doc, section.key, item.id, index + delta)}
            canMoveUp={index > 0}
            canMoveDown={index < items.length - 1}
            footer={
              structured && (
                <DisqualifierRuleLine
                  doc={doc}
                  item={item}
                  structured={structured.get(item.id)}
                  readOnly={readOnly}
                />
              )
            }
          />
        ))}
      </ol>
      {items.length === 0 && readOnly && <p className="muted small none-listed">None listed.</p>}
      {!readOnly && (
        <form onSubmit={add} className="row">
          <input
            className="input input-sm grow"
            aria-label={`Add to ${section.title}`}
            placeholder={section.placeholder}
            dir="auto"
            value={draft}
            aria-invalid={tooLong ? true : undefined}
            aria-describedby={tooLong ? lengthId : undefined}
            onChange={(e) => {
              setDraft(e.target.value);
              setError(null);
            }}
          />
          <button type="submit" className="btn btn-sm" disabled={draft.trim() === '' || tooLong}>
            Add
          </button>
        </form>
      )}
      {!readOnly && (
        <LengthHint id={lengthId} text={draft} max={section.maxLength} measure="collapse" action="add" />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface ItemRowProps {
  item: ListItem;
  section: string;
  /** The selected comment thread is on this item. */
  commentActive: boolean;
  readOnly: boolean;
  label: string;
  maxLength: number;
  onSave: (text: string) => boolean;
  onRemove: () => void;
  onMove: (delta: number) => void;
  canMoveUp: boolean;
  canMoveDown: boolean;
  /** Shown under the item (a disqualifier's rule). */
  footer?: ReactNode;
}

/** Shows the live text; while focused, the person's own draft, saved on Enter or when leaving. */
function ItemRow({
  item,
  section,
  commentActive,
  readOnly,
  label,
  maxLength,
  onSave,
  onRemove,
  onMove,
  canMoveUp,
  canMoveDown,
  footer,
}: ItemRowProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const lengthId = useId();
  const text = draft ?? item.text;
  const field = useAutoHeight(text);
  const className = `item ${footer ? 'item-with-footer' : ''} ${commentActive ? 'comment-target-active' : ''}`;
  const comments = <CriterionComments section={section} itemId={item.id} text={item.text} />;
  const evidence = (
    <>
      {item.evidence && <EvidenceMarker evidence={item.evidence} label={item.text} />}
      {item.provenance && <ProvenanceBadge provenance={item.provenance} />}
    </>
  );
  if (readOnly) {
    return (
      <li className={className} data-testid="item" data-item-id={item.id}>
        <span className="item-text" dir="auto">
          {item.text}
        </span>
        {evidence}
        {comments}
        {footer}
      </li>
    );
  }

  const tooLong = draft !== null && lengthState(draft, maxLength, 'collapse').over > 0;

  /** Saves the draft; too long, it stays as typed (with the counter saying by how much). */
  function commit() {
    if (tooLong) return;
    if (draft !== null && draft.trim() !== item.text && !onSave(draft)) return;
    setDraft(null);
  }

  return (
    <li className={className} data-testid="item" data-item-id={item.id}>
      <span className="item-edit">
        <textarea
          ref={field}
          className="input input-bare item-textarea"
          aria-label={label}
          rows={1}
          dir="auto"
          value={text}
          aria-invalid={tooLong ? true : undefined}
          aria-describedby={tooLong ? lengthId : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              commit();
            } else if (e.key === 'Escape') {
              setDraft(null);
            } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
              e.preventDefault();
              if (e.key === 'ArrowUp' ? canMoveUp : canMoveDown) onMove(e.key === 'ArrowUp' ? -1 : 1);
            }
          }}
        />
        {draft !== null && (
          <LengthHint id={lengthId} text={draft} max={maxLength} measure="collapse" action="save" />
        )}
      </span>
      {evidence}
      {comments}
      <span className="item-actions">
        <button
          type="button"
          className="icon-btn"
          aria-label={`Move ${item.text} up`}
          disabled={!canMoveUp}
          onClick={() => onMove(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-btn"
          aria-label={`Move ${item.text} down`}
          disabled={!canMoveDown}
          onClick={() => onMove(1)}
        >
          ↓
        </button>
        <button type="button" className="icon-btn" aria-label={`Remove ${item.text}`} onClick={onRemove}>
          ×
        </button>
      </span>
      {footer}
    </li>
  );
}

/** Grows a one-row textarea with its text, so a long criterion wraps instead of being clipped. */
function useAutoHeight(text: string): RefObject<HTMLTextAreaElement | null> {
  const field = useRef<HTMLTextAreaElement | null>(null);
  useLayoutEffect(() => {
    const el = field.current;
    if (!el) return;
    const fit = () => {
      el.style.height = 'auto';
      el.style.height = `${el.scrollHeight + (el.offsetHeight - el.clientHeight)}px`;
    };
    fit();
    // The page's width decides where lines break.
    let width = el.clientWidth;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      fit();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [text]);
  return field;
}
