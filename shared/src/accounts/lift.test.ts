import { describe, expect, it } from 'vitest';
import { classifyTrait, liftInterval, wilsonInterval } from './lift.js';

describe('liftInterval', () => {
  it('computes lift and the Katz log interval', () => {
    // a=40 of n1=100 best, c=200 of n2=1000 compared: lift (0.4)/(0.2) = 2.
    // se = √(1/40 − 1/100 + 1/200 − 1/1000) = √0.019 = 0.13784
    // interval exp(ln 2 ± 1.959964 · 0.13784) = 2 · exp(∓0.27016) = 1.5265 … 2.6204
    const r = liftInterval(40, 100, 200, 1000);
    expect(r.lift).toBe(2);
    expect(r.low).toBeCloseTo(1.5265, 4);
    expect(r.high).toBeCloseTo(2.6204, 4);
  });

  it('reads an under-represented trait', () => {
    // a=5 of 100, c=100 of 200: lift 0.05 / 0.5 = 0.1;
    // se = √(1/5 − 1/100 + 1/100 − 1/200) = √0.195 = 0.44159; 0.1 · exp(∓0.86551) = 0.04208 … 0.23762
    const r = liftInterval(5, 100, 100, 200);
    expect(r.lift).toBeCloseTo(0.1, 12);
    expect(r.low).toBeCloseTo(0.04208, 5);
    expect(r.high).toBeCloseTo(0.23762, 5);
  });

  it('adds 0.5 (Haldane) for the interval when a is 0, keeping lift at 0', () => {
    // a'=0.5, n1'=50.5, c'=100.5, n2'=1000.5: centre (0.5/50.5)/(100.5/1000.5) = 0.098567;
    // se = √(2 − 1/50.5 + 1/100.5 − 1/1000.5) = 1.41037; 0.098567 · exp(∓2.76428) = 0.0062118 … 1.56401
    const r = liftInterval(0, 50, 100, 1000);
    expect(r.lift).toBe(0);
    expect(r.low).toBeCloseTo(0.0062118, 6);
    expect(r.high).toBeCloseTo(1.56401, 4);
  });

  it('gives a finite corrected lift when no comparison account has the trait', () => {
    // a'=10.5, n1'=50.5, c'=0.5, n2'=1000.5: (10.5/50.5)/(0.5/1000.5) = 416.05
    const r = liftInterval(10, 50, 0, 1000);
    expect(r.lift).toBeCloseTo(416.0495, 3);
    expect(Number.isFinite(r.high)).toBe(true);
    expect(r.low).toBeCloseTo(24.7268, 3);
  });

  it('answers all zeros for an empty side', () => {
    expect(liftInterval(0, 0, 10, 100)).toEqual({ lift: 0, low: 0, high: 0 });
    expect(liftInterval(3, 10, 0, 0)).toEqual({ lift: 0, low: 0, high: 0 });
  });

  it('collapses to a point when everyone has the trait', () => {
    expect(liftInterval(10, 10, 100, 100)).toEqual({ lift: 1, low: 1, high: 1 });
  });

  it('takes another z', () => {
    const r = liftInterval(40, 100, 200, 1000, 1);
    expect(r.low).toBeCloseTo(2 * Math.exp(-Math.sqrt(0.019)), 10);
  });
});

describe('wilsonInterval', () => {
  it('computes the Wilson score interval', () => {
    // 8 of 10: centre (0.8 + 1.92073/10)/1.38415 = 0.71674, half 1.41601 · √(0.016 + 0.0096036) = 0.22658
    const r = wilsonInterval(8, 10)!;
    expect(r.p).toBe(0.8);
    expect(r.low).toBeCloseTo(0.4902, 4);
    expect(r.high).toBeCloseTo(0.9433, 4);
  });

  it('stays within 0 and 1 at the edges', () => {
    const none = wilsonInterval(0, 10)!;
    expect(none.low).toBe(0);
    expect(none.high).toBeCloseTo(0.2775, 4);
    const all = wilsonInterval(10, 10)!;
    expect(all.high).toBe(1);
    expect(all.low).toBeCloseTo(0.7225, 4);
  });

  it('is null without observations', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('classifyTrait', () => {
  const base = { lift: 2, low: 1.53, high: 2.62, n: 200, best: 40, shareBest: 0.4 };
  const minSample = 30;

  it('labels a strong, common, significant trait core', () => {
    const r = classifyTrait(base, { minSample });
    expect(r).toMatchObject({ label: 'core', significant: true, smallSample: false });
    expect(r.strength).toBeCloseTo(Math.log(1.53), 12);
  });

  it('labels the same trait niche below 20% of the best customers', () => {
    expect(classifyTrait({ ...base, shareBest: 0.19 }, { minSample }).label).toBe('niche');
    expect(classifyTrait({ ...base, shareBest: 0.2 }, { minSample }).label).toBe('core');
  });

  it('keeps a significant but mild over-representation neutral', () => {
    const r = classifyTrait({ ...base, lift: 1.4, low: 1.1, high: 1.8 }, { minSample });
    expect(r).toMatchObject({ label: 'neutral', significant: true });
    expect(r.strength).toBeCloseTo(Math.log(1.1), 12);
  });

  it('labels a significant under-representation anti, with strength from the high bound', () => {
    const r = classifyTrait({ ...base, lift: 0.1, low: 0.042, high: 0.238, best: 5 }, { minSample });
    expect(r).toMatchObject({ label: 'anti', significant: true });
    expect(r.strength).toBeCloseTo(-Math.log(0.238), 12);
    expect(classifyTrait({ ...base, lift: 0.7, low: 0.5, high: 0.95 }, { minSample }).label).toBe('neutral');
  });

  it('never calls an interval spanning 1 significant', () => {
    expect(classifyTrait({ ...base, low: 0.9, high: 4 }, { minSample })).toEqual({
      label: 'neutral',
      significant: false,
      smallSample: false,
      strength: 0,
    });
  });

  it('flags small samples and never calls them significant', () => {
    expect(classifyTrait({ ...base, n: 29 }, { minSample })).toEqual({
      label: 'neutral',
      significant: false,
      smallSample: true,
      strength: 0,
    });
  });

  it('reads the all-zero answer of an empty comparison as nothing', () => {
    expect(classifyTrait({ ...base, lift: 0, low: 0, high: 0 }, { minSample })).toMatchObject({
      label: 'neutral',
      significant: false,
    });
  });
});
