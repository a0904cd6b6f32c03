import { describe, expect, it } from 'vitest';
import { operationMatcher } from './openapi.js';
import { scoringOperations } from './routes/scoring/operations.js';

describe('operationMatcher', () => {
  const scoringApi = operationMatcher(scoringOperations.scoreAccounts, scoringOperations.getScoringModel);

  it('matches an operation by method and path, one segment per parameter', () => {
    expect(scoringApi({ method: 'POST', path: '/icps/4f1c/score' })).toBe(true);
    expect(scoringApi({ method: 'GET', path: '/icps/4f1c/scoring-model' })).toBe(true);
  });

  it('matches nothing else: other methods, longer or shorter paths, other case, a trailing slash', () => {
    for (const req of [
      { method: 'GET', path: '/icps/4f1c/score' },
      { method: 'HEAD', path: '/icps/4f1c/scoring-model' },
      { method: 'POST', path: '/icps/4f1c/x/score' },
      { method: 'POST', path: '/icps//score' },
      { method: 'POST', path: '/ICPS/4f1c/score' },
      { method: 'POST', path: '/icps/4f1c/score/' },
      { method: 'POST', path: '/icps/4f1c/scorings' },
      { method: 'GET', path: '/icps/4f1c' },
    ]) {
      expect(scoringApi(req), `${req.method} ${req.path}`).toBe(false);
    }
  });
});
