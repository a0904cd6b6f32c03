import { lengthCounter, lengthState, tooLongMessage, type TextMeasure } from '@bullseye/shared';

export interface LengthHintProps {
  /** Referenced by the field's `aria-describedby`. */
  id?: string;
  text: string;
  max: number;
  /** How the validator cleans the text before counting (default: trimmed). */
  measure?: TextMeasure;
  /** What the person is about to do: "Too long by 3 characters — shorten it to <action>". */
  action: string;
}

/**
 * The counter under a field with a length limit: nothing until the text nears the limit, then
 * "72 / 80", and past it "Too long by 107 characters — shorten it to add". Fields never cut text
 * (no `maxLength`), so a paste keeps every character and the person decides what goes.
 */
export function LengthHint({ id, text, max, measure, action }: LengthHintProps) {
  const state = lengthState(text, max, measure);
  if (!state.near) return null;
  const over = state.over > 0;
  return (
    <p
      id={id}
      className={over ? 'length-hint length-hint-over' : 'length-hint'}
      data-testid="length-hint"
      aria-live="polite"
    >
      {over && <span className="length-hint-message">{tooLongMessage(state.over, action)}</span>}
      <span className="length-hint-count">{lengthCounter(state.length, max)}</span>
    </p>
  );
}
