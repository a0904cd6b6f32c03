import { describe, expect, it } from 'vitest';
import { isStaleReviewError, reviewErrorText } from './reviewErrorText.js';

describe('reviewErrorText', () => {
  it('explains a sign-off refused because blocking threads are open', () => {
    expect(reviewErrorText({ code: 'blocking_threads_open', message: 'x' })).toMatch(
      /waits while blocking comment threads are open/,
    );
  });

  it('falls back to the server message for other refusals', () => {
    expect(reviewErrorText({ code: 'rate_limited', message: 'Slow down.' })).toBe('Slow down.');
  });

  it('knows which refusals mean the review shown is out of date', () => {
    expect(isStaleReviewError({ code: 'version_superseded' })).toBe(true);
    expect(isStaleReviewError({ code: 'not_your_function' })).toBe(false);
  });
});
