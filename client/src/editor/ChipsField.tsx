import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import {
  addListItem,
  IcpValueError,
  lengthState,
  removeListItem,
  type IcpListSection,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import { targetKey, useCommentsOptional } from '../features/comments/commentsContext.js';
import { CriterionComments } from '../features/comments/CriterionComments.js';
import { EvidenceMarker } from '../features/insights/EvidenceMarker.js';
import { ProvenanceBadge } from '../features/workshop/ProvenanceBadge.js';
import { LengthHint } from '../ui/LengthHint.js';
import { useListItems } from './useListItems.js';

interface ChipsFieldProps {
  doc: Y.Doc;
  section: IcpListSection;
  readOnly: boolean;
}

/**
 * Criteria as chips, with suggestions. Each chip is its own Yjs map with a stable id, so two people
 * adding or removing different chips at once both keep their change.
 */
export function ChipsField({ doc, section, readOnly }: ChipsFieldProps) {
  const items = useListItems(doc, section.key);
  const [draft, setDraft] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [navigated, setNavigated] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const listboxId = useId();
  const lengthId = `${listboxId}-length`;
  const errorId = `${listboxId}-error`;
  const length = lengthState(draft, section.maxLength, 'collapse');
  const tooLong = length.over > 0;
  const commentTarget = useCommentsOptional()?.selectedTarget ?? null;

  const options = useMemo(() => {
    const taken = new Set(items.map((i) => i.text.toLocaleLowerCase()));
    const query = draft.trim().toLocaleLowerCase();
    return section.suggestions
      .filter((s) => !taken.has(s.toLocaleLowerCase()) && s.toLocaleLowerCase().includes(query))
      .slice(0, 8);
  }, [items, draft, section.suggestions]);

  function add(text: string) {
    try {
      addListItem(doc, section.key, text);
      setDraft('');
      setError(null);
      setActive(0);
      setNavigated(false);
    } catch (e) {
      if (e instanceof IcpValueError) setError(e.message);
      else throw e;
    }
  }

  /** Enter adds the suggestion picked with the arrow keys, else what was typed (in a suggestion's casing). */
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const showing = open && options.length > 0;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (options.length === 0) return;
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setOpen(true);
        setActive((i) => (showing && navigated ? (i + step + options.length) % options.length : 0));
        setNavigated(true);
        return;
      }
      case 'Enter': {
        event.preventDefault();
        const picked = showing && navigated ? options[active] : undefined;
        const typed = draft.trim();
        const exact = section.suggestions.find((o) => o.toLocaleLowerCase() === typed.toLocaleLowerCase());
        // Too long: the counter below says by how much; nothing is added or cut.
        if (picked) add(picked);
        else if (typed && !tooLong) add(exact ?? typed);
        return;
      }
      case 'Escape':
        setOpen(false);
        setNavigated(false);
        return;
    }
  }

  return (
    <div className="chips-field">
      <ul className="chips" data-testid={`chips-${section.key}`} aria-label={section.title}>
        {items.map((item) => (
          <li
            key={item.id}
            className={`chip ${commentTarget === targetKey(section.key, item.id) ? 'comment-target-active' : ''}`}
            data-testid="chip"
            data-item-id={item.id}
          >
            <span dir="auto">{item.text}</span>
            {item.evidence && <EvidenceMarker evidence={item.evidence} label={item.text} />}
            {item.provenance && <ProvenanceBadge provenance={item.provenance} />}
            <CriterionComments section={section.key} itemId={item.id} text={item.text} />
            {!readOnly && (
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove ${item.text}`}
                onClick={() => removeListItem(doc, section.key, item.id)}
              >
                ×
              </button>
            )}
          </li>
        ))}
        {items.length === 0 && readOnly && <li className="muted small">None listed.</li>}
      </ul>
      {!readOnly && (
        <div className="combobox">
          <input
            className="input input-sm"
            role="combobox"
            aria-label={`Add to ${section.title}`}
            aria-expanded={open && options.length > 0}
            aria-controls={listboxId}
            aria-autocomplete="list"
            aria-activedescendant={
              open && navigated && options[active] ? `${listboxId}-${active}` : undefined
            }
            placeholder={section.placeholder}
            dir="auto"
            value={draft}
            aria-invalid={tooLong || error ? true : undefined}
            aria-describedby={
              [length.near ? lengthId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined
            }
            onChange={(e) => {
              setDraft(e.target.value);
              setOpen(true);
              setActive(0);
              setNavigated(false);
              setError(null);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
          />
          {open && options.length > 0 && (
            <ul className="listbox" role="listbox" id={listboxId} aria-label={`${section.title} suggestions`}>
              {options.map((option, index) => (
                <li
                  key={option}
                  id={`${listboxId}-${index}`}
                  role="option"
                  aria-selected={navigated && index === active}
                  className={navigated && index === active ? 'option option-active' : 'option'}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    add(option);
                  }}
                  onMouseEnter={() => {
                    setActive(index);
                    setNavigated(true);
                  }}
                >
                  {option}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {!readOnly && (
        <LengthHint id={lengthId} text={draft} max={section.maxLength} measure="collapse" action="add" />
      )}
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
