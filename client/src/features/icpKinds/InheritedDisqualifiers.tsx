import { useId } from 'react';
import { Link } from 'react-router';
import { ruleText } from '@bullseye/shared';
import { groupBySource, useInheritedDisqualifiers } from './inheritedContext.js';
import '../../styles/icpKinds.css';

/**
 * Under the Disqualifiers section, read-only: what the workspace's negative ICPs disqualify here
 * (from each one's approved version, with a link to it), and the negative ICPs that will once a
 * version of theirs is approved.
 */
export function InheritedDisqualifiers() {
  const { inherited, pending, state, retry } = useInheritedDisqualifiers();
  const titleId = useId();
  if (inherited.length === 0 && pending.length === 0 && state !== 'error') return null;
  return (
    <div className="inherited" role="group" aria-labelledby={titleId} data-testid="inherited-disqualifiers">
      <p id={titleId} className="inherited-title">
        <span aria-hidden="true">⊘</span> Who we never sell to
        <span className="muted"> · from negative ICPs, read-only</span>
      </p>
      {groupBySource(inherited).map(({ source, items }) => (
        <div key={source.icpId} className="inherited-source" data-testid="inherited-source">
          <p className="inherited-from small">
            From the negative ICP{' '}
            <Link className="link" to={`/icp/${encodeURIComponent(source.icpId)}`}>
              «{source.title}»
            </Link>{' '}
            <span className="muted">(v{source.versionNumber})</span>
          </p>
          <ul className="inherited-items" aria-label={`Disqualifiers from ${source.title}`}>
            {items.map((item) => (
              <li key={item.id} className="inherited-item" data-testid="inherited-item">
                <span className="inherited-text" dir="auto">
                  {item.text}
                </span>
                {item.rule ? (
                  <span className="inherited-rule muted small">
                    {ruleText(item.rule, item.rule.field === 'revenue' ? item.currency : null)}
                  </span>
                ) : (
                  <span className="rule-badge rule-badge-manual" title="Not scored: a person checks it">
                    Manual check
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {pending.map((p) => (
        <p key={p.icpId} className="inherited-pending small" data-testid="inherited-pending">
          <Link className="link" to={`/icp/${encodeURIComponent(p.icpId)}`}>
            «{p.title}»
          </Link>{' '}
          has no approved version yet: its criteria will apply once approved.
        </p>
      ))}
      {state === 'error' && (
        <p className="inherited-pending small" role="status">
          {inherited.length > 0 || pending.length > 0
            ? 'Could not check the negative ICPs for changes just now.'
            : 'Could not load what the negative ICPs disqualify: the draft’s scores here leave them out for now.'}{' '}
          <button type="button" className="btn-link" onClick={retry}>
            Try again
          </button>
        </p>
      )}
    </div>
  );
}
