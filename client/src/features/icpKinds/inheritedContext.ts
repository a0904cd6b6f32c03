import { createContext, useContext } from 'react';
import type { InheritedDisqualifiersDto, NegativeDisqualifier } from '@bullseye/shared';

/** What the open ICP inherits from the workspace's negative ICPs, as the editor shows and scores it. */
export interface InheritedValue {
  /** The criteria of each negative ICP's approved version: disqualifiers of this ICP's scores. */
  inherited: readonly NegativeDisqualifier[];
  /** Negative ICPs with no approved version yet: nothing of them applies. */
  pending: InheritedDisqualifiersDto['pending'];
  /** `error`: the last fetch failed (scores go on with what was known, none at first). */
  state: 'loading' | 'ready' | 'error';
  /**
   * Which negative versions apply (`<icp id>@<version id>` joined), so models fetched from the server
   * are fetched again when it changes.
   */
  sourcesKey: string;
  retry: () => void;
}

const NONE: InheritedValue = {
  inherited: [],
  pending: [],
  state: 'ready',
  sourcesKey: '',
  retry: () => {},
};

export const InheritedContext = createContext<InheritedValue>(NONE);

/** The open ICP's inherited disqualifiers; none outside an {@link InheritedDisqualifiersProvider}. */
export function useInheritedDisqualifiers(): InheritedValue {
  return useContext(InheritedContext);
}

/** `<icp id>@<version id>` of every negative version that applies, once each, sorted. */
export function sourcesKeyOf(inherited: readonly NegativeDisqualifier[]): string {
  const keys = new Set(inherited.map((d) => `${d.source.icpId}@${d.source.versionId}`));
  return [...keys].sort().join(',');
}

/** The inherited disqualifiers grouped by the negative ICP they come from, in the server's order. */
export function groupBySource(
  inherited: readonly NegativeDisqualifier[],
): { source: NegativeDisqualifier['source']; items: NegativeDisqualifier[] }[] {
  const groups = new Map<string, { source: NegativeDisqualifier['source']; items: NegativeDisqualifier[] }>();
  for (const item of inherited) {
    const group = groups.get(item.source.icpId);
    if (group) group.items.push(item);
    else groups.set(item.source.icpId, { source: item.source, items: [item] });
  }
  return [...groups.values()];
}
