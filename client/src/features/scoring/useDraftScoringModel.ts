import { compileScoringModel, toCanonical, type ScoringModel } from '@bullseye/shared';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/useDocValue.js';

const compileDraft = (doc: Y.Doc) => compileScoringModel(toCanonical(doc));
const sameModel = (a: ScoringModel, b: ScoringModel) => a.hash === b.hash;

/**
 * The scoring model of the live draft, compiled in the browser as the server would (at most once
 * per animation frame, whoever edits). An edit that changes nothing scored keeps the same model.
 */
export function useDraftScoringModel(doc: Y.Doc): ScoringModel {
  return useDocValue(doc, compileDraft, sameModel);
}
