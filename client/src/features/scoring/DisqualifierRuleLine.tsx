import { useState } from 'react';
import { writeDisqualifierRule, type ListItem, type ModelDisqualifier } from '@bullseye/shared';
import type * as Y from 'yjs';
import { DisqualifierRuleForm } from './DisqualifierRuleForm.js';
import { DisqualifierRuleText } from './DisqualifierRuleText.js';
import { guessRule } from './ruleDraft.js';

interface DisqualifierRuleLineProps {
  doc: Y.Doc;
  item: ListItem;
  /** What scoring tests for this item; undefined when it is a manual check. */
  structured: ModelDisqualifier | undefined;
  readOnly: boolean;
}

/**
 * Under a disqualifier, how scoring treats it (a rule, a rule from data, or a manual check). Editors
 * make it a rule, edit the rule or remove it (back to a manual check).
 */
export function DisqualifierRuleLine({ doc, item, structured, readOnly }: DisqualifierRuleLineProps) {
  const [editing, setEditing] = useState(false);
  const name = item.text.trim() || 'this disqualifier';

  if (editing && !readOnly) {
    return (
      <DisqualifierRuleForm
        doc={doc}
        item={item}
        initial={item.rule ?? structured?.rule ?? guessRule(item.text)}
        onDone={() => setEditing(false)}
      />
    );
  }

  return (
    <div className="rule-line" data-testid="disqualifier-rule">
      <DisqualifierRuleText item={item} structured={structured} />
      {!readOnly && (
        <span className="rule-actions">
          <button
            type="button"
            className="btn-link rule-action"
            aria-label={`${structured ? 'Edit rule' : 'Make it a rule'}: ${name}`}
            onClick={() => setEditing(true)}
          >
            {structured ? 'Edit rule' : 'Make it a rule'}
          </button>
          {item.rule && (
            <button
              type="button"
              className="btn-link rule-action"
              aria-label={`Remove rule: ${name}`}
              title="Back to a manual check"
              onClick={() => writeDisqualifierRule(doc, item.id, null)}
            >
              Remove rule
            </button>
          )}
        </span>
      )}
    </div>
  );
}
