import {
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type SyntheticEvent,
} from 'react';
import { colorForName, FUNCTION_LABELS, lengthState, mentionQueryAt } from '@bullseye/shared';
import { LengthHint } from '../../ui/LengthHint.js';
import { Avatar } from '../../ui/Avatar.js';
import { insertMention, mentionOptions, type MentionOption, type MentionPerson } from './mentionOptions.js';

interface MentionTextareaProps {
  value: string;
  onChange: (value: string) => void;
  /** Members who can be mentioned (with their function). */
  people: readonly MentionPerson[];
  /** The writer, left out of the suggested people. */
  selfId?: string;
  /** The accessible name. */
  label: string;
  placeholder?: string;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  /** Escape, when no suggestion list is open. */
  onCancel?: () => void;
  onFocus?: () => void;
  onBlur?: () => void;
  autoFocus?: boolean;
  disabled?: boolean;
  rows?: number;
  /**
   * A length limit: a counter near it, "Too long by … — shorten it to <action>" past it. The text
   * is never cut (no `maxLength`: it truncates pastes without a word).
   */
  limit?: { max: number; action: string };
  className?: string;
}

/** Room the suggestion list needs below the field before it opens above instead. */
const LIST_HEIGHT = 260;

/**
 * A plain-text field where `@` suggests the four functions and the workspace's members. Arrow keys
 * move, Enter or Tab pick, Escape closes the list; Ctrl/Cmd+Enter submits. What is inserted is
 * plain text (`@product `, `@Ada Lovelace `), the same text the server resolves into mentions.
 */
export function MentionTextarea({
  value,
  onChange,
  people,
  selfId,
  label,
  placeholder,
  onSubmit,
  onCancel,
  onFocus,
  onBlur,
  autoFocus,
  disabled,
  rows = 3,
  limit,
  className = '',
}: MentionTextareaProps) {
  const listId = useId();
  const field = useRef<HTMLTextAreaElement | null>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(0);
  /** The `@query` the person closed the list on with Escape; typing opens it again. */
  const [dismissed, setDismissed] = useState<string | null>(null);
  const [above, setAbove] = useState(false);
  const pendingCaret = useRef<number | null>(null);

  const query = caret === null ? null : mentionQueryAt(value, caret);
  const typed = query?.query ?? null;
  const options = useMemo(
    () => (typed === null ? [] : mentionOptions(typed, people, selfId)),
    [typed, people, selfId],
  );
  const open = focused && query !== null && `${query.at}:${query.query}` !== dismissed && options.length > 0;
  const activeIndex = Math.min(active, Math.max(options.length - 1, 0));

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !field.current) return;
    field.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [value]);

  function track(event: SyntheticEvent<HTMLTextAreaElement>) {
    const el = event.currentTarget;
    const next = el.selectionStart === el.selectionEnd ? el.selectionStart : null;
    if (next !== caret) {
      setCaret(next);
      setActive(0);
      const rect = el.getBoundingClientRect();
      setAbove(rect.bottom + LIST_HEIGHT > window.innerHeight && rect.top > LIST_HEIGHT);
    }
  }

  function choose(option: MentionOption) {
    if (!query || caret === null) return;
    const next = insertMention(value, query.at, caret, option.insert);
    pendingCaret.current = next.caret;
    setCaret(next.caret);
    onChange(next.text);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      switch (event.key) {
        case 'ArrowDown':
        case 'ArrowUp': {
          event.preventDefault();
          const step = event.key === 'ArrowDown' ? 1 : -1;
          setActive((activeIndex + step + options.length) % options.length);
          return;
        }
        case 'Enter':
        case 'Tab': {
          if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) break;
          event.preventDefault();
          const option = options[activeIndex];
          if (option) choose(option);
          return;
        }
        case 'Escape':
          event.preventDefault();
          event.stopPropagation();
          setDismissed(`${query.at}:${query.query}`);
          return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmit) {
      event.preventDefault();
      onSubmit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  const tooLong = limit !== undefined && lengthState(value, limit.max).over > 0;
  return (
    <>
      <div className={`mention-field ${className}`}>
        <textarea
          ref={field}
          className="input mention-input"
          aria-label={label}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
          placeholder={placeholder}
          value={value}
          rows={rows}
          dir="auto"
          aria-invalid={tooLong ? true : undefined}
          aria-describedby={limit ? `${listId}-length` : undefined}
          disabled={disabled}
          autoFocus={autoFocus}
          onChange={(e) => {
            onChange(e.target.value);
            setDismissed(null);
            track(e);
          }}
          onSelect={track}
          onKeyDown={onKeyDown}
          onFocus={(e) => {
            setFocused(true);
            track(e);
            onFocus?.();
          }}
          onBlur={() => {
            setFocused(false);
            onBlur?.();
          }}
        />
        {open && (
          <ul
            className={`listbox mention-list ${above ? 'mention-list-above' : ''}`}
            role="listbox"
            id={listId}
            aria-label="Mention suggestions"
          >
            {options.map((option, index) => (
              <li
                key={option.key}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className={
                  index === activeIndex ? 'option mention-option option-active' : 'option mention-option'
                }
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(option);
                }}
                onMouseEnter={() => setActive(index)}
              >
                {option.kind === 'function' ? (
                  <FunctionOption option={option} />
                ) : (
                  <PersonOption option={option} />
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {limit && <LengthHint id={`${listId}-length`} text={value} max={limit.max} action={limit.action} />}
    </>
  );
}

function FunctionOption({ option }: { option: Extract<MentionOption, { kind: 'function' }> }) {
  return (
    <>
      <span className="mention-option-icon" aria-hidden="true">
        #
      </span>
      <span className="mention-option-name">
        {option.label} <span className="muted">@{option.insert}</span>
      </span>
      <span className="mention-option-meta">
        {option.members === 1 ? '1 member' : `${option.members} members`}
      </span>
    </>
  );
}

function PersonOption({ option }: { option: Extract<MentionOption, { kind: 'person' }> }) {
  const { person } = option;
  return (
    <>
      <span aria-hidden="true" className="mention-option-avatar">
        <Avatar name={person.name} color={colorForName(person.id)} size="sm" />
      </span>
      <span className="mention-option-name">{person.name}</span>
      <span className="mention-option-meta">{person.function ? FUNCTION_LABELS[person.function] : ''}</span>
    </>
  );
}
