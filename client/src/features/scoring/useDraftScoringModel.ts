import { useCallback } from 'react';
import { compileScoringModel, toCanonical, type ScoringModel } from '@bullseye/shared';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/useDocValue.js';
import { useInheritedDisqualifiers } from '../icpKinds/inheritedContext.js';

const sameModel = (a: ScoringModel, b: ScoringModel) => a.hash === b.hash;

/**
 * The scoring model of the live draft, compiled in the browser as the server would (at most once
 * per animation frame, whoever edits), with what the workspace's negative ICPs disqualify (none
 * until, or if, that is known). An edit that changes nothing scored keeps the same model.
 */
export function useDraftScoringModel(doc: Y.Doc): ScoringModel {
  const { inherited } = useInheritedDisqualifiers();
  const compile = useCallback((d: Y.Doc) => compileScoringModel(toCanonical(d), inherited), [inherited]);
  return useDocValue(doc, compile, sameModel);
}
