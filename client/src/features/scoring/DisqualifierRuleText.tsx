import type { ListItem, ModelDisqualifier } from '@bullseye/shared';
import '../../styles/scoring.css';

/**
 * How scoring treats a disqualifier, in words: its rule ("Employees below 10"), the rule read from
 * the data it was added with, or a manual check (never scored).
 */
export function DisqualifierRuleText({
  item,
  structured,
}: {
  item: ListItem;
  structured: ModelDisqualifier | undefined;
}) {
  if (!structured) {
    return (
      <span className="rule-badge rule-badge-manual" title="Not scored: a person checks it">
        Manual check
      </span>
    );
  }
  return (
    <>
      <span className={`rule-badge ${item.rule ? 'rule-badge-rule' : 'rule-badge-data'}`}>
        {item.rule ? 'Rule' : 'Rule from data'}
      </span>
      <span className="rule-text">{structured.ruleText}</span>
    </>
  );
}
