import { describe, expect, it } from 'vitest';
import {
  elapsedMs,
  extendTimer,
  formatCountdown,
  pauseTimer,
  remainingFromView,
  remainingMs,
  resumeTimer,
  startTimer,
  viewTimer,
} from './timer.js';

const MIN = 60_000;
const T0 = 1_800_000_000_000;

describe('step timer', () => {
  it('counts down from the timebox while running', () => {
    const timer = startTimer(10 * MIN, T0);
    expect(remainingMs(timer, T0)).toBe(10 * MIN);
    expect(elapsedMs(timer, T0 + 90_000)).toBe(90_000);
    expect(remainingMs(timer, T0 + 90_000)).toBe(10 * MIN - 90_000);
  });

  it('freezes the remaining time while paused', () => {
    const paused = pauseTimer(startTimer(10 * MIN, T0), T0 + 2 * MIN);
    expect(paused.status).toBe('paused');
    expect(remainingMs(paused, T0 + 2 * MIN)).toBe(8 * MIN);
    expect(remainingMs(paused, T0 + 30 * MIN)).toBe(8 * MIN);
  });

  it('continues from where it was paused on resume', () => {
    const paused = pauseTimer(startTimer(10 * MIN, T0), T0 + 2 * MIN);
    const resumed = resumeTimer(paused, T0 + 20 * MIN);
    expect(resumed.status).toBe('running');
    expect(remainingMs(resumed, T0 + 20 * MIN)).toBe(8 * MIN);
    expect(remainingMs(resumed, T0 + 21 * MIN)).toBe(7 * MIN);
    // A second pause adds the second run to the first.
    const again = pauseTimer(resumed, T0 + 23 * MIN);
    expect(elapsedMs(again, T0 + 99 * MIN)).toBe(5 * MIN);
  });

  it('ignores pausing a paused timer and resuming a running one', () => {
    const running = startTimer(10 * MIN, T0);
    expect(resumeTimer(running, T0 + 5 * MIN)).toBe(running);
    expect(remainingMs(resumeTimer(running, T0 + 5 * MIN), T0 + 5 * MIN)).toBe(5 * MIN);
    const paused = pauseTimer(running, T0 + MIN);
    expect(pauseTimer(paused, T0 + 5 * MIN)).toBe(paused);
    expect(remainingMs(pauseTimer(paused, T0 + 5 * MIN), T0 + 5 * MIN)).toBe(9 * MIN);
  });

  it('adds time on extend, running or paused', () => {
    const running = extendTimer(startTimer(10 * MIN, T0), 5 * MIN, 4 * 60 * MIN);
    expect(remainingMs(running, T0 + 3 * MIN)).toBe(12 * MIN);
    const paused = extendTimer(pauseTimer(startTimer(10 * MIN, T0), T0 + 4 * MIN), 2 * MIN, 4 * 60 * MIN);
    expect(paused.status).toBe('paused');
    expect(remainingMs(paused, T0 + 50 * MIN)).toBe(8 * MIN);
  });

  it('never extends beyond the maximum, nor below zero', () => {
    const max = 30 * MIN;
    expect(extendTimer(startTimer(25 * MIN, T0), 60 * MIN, max).durationMs).toBe(max);
    expect(extendTimer(startTimer(5 * MIN, T0), -10 * MIN, max).durationMs).toBe(0);
  });

  it('never adds time when the clock goes backwards', () => {
    const timer = startTimer(10 * MIN, T0);
    expect(remainingMs(timer, T0 - 5 * MIN)).toBe(10 * MIN);
    const running = resumeTimer(pauseTimer(timer, T0 + 3 * MIN), T0 + 3 * MIN);
    expect(remainingMs(running, T0 + MIN)).toBe(7 * MIN);
    // Pausing on a clock behind the run's start keeps what was already spent.
    expect(remainingMs(pauseTimer(running, T0), T0 + 60 * MIN)).toBe(7 * MIN);
  });

  it('goes negative when over time', () => {
    const timer = startTimer(10 * MIN, T0);
    expect(remainingMs(timer, T0 + 11 * MIN + 30_000)).toBe(-90_000);
    expect(formatCountdown(remainingMs(timer, T0 + 11 * MIN + 30_000))).toBe('-1:30');
  });
});

describe('timer as a client sees it', () => {
  it('carries what was elapsed at the server’s clock', () => {
    const view = viewTimer(startTimer(10 * MIN, T0), T0 + 2 * MIN);
    expect(view).toEqual({
      status: 'running',
      durationMs: 10 * MIN,
      elapsedMs: 2 * MIN,
      serverTime: T0 + 2 * MIN,
    });
  });

  it('counts only the time since the view was received, whatever the client’s clock says', () => {
    const view = viewTimer(startTimer(10 * MIN, T0), T0 + 2 * MIN);
    // The client's clock is hours off the server's: only the 30 s since receipt count.
    const receivedAt = 5_000;
    expect(remainingFromView(view, receivedAt, receivedAt)).toBe(8 * MIN);
    expect(remainingFromView(view, receivedAt, receivedAt + 30_000)).toBe(8 * MIN - 30_000);
  });

  it('does not count down a paused view, nor go up if the client clock goes back', () => {
    const paused = viewTimer(pauseTimer(startTimer(10 * MIN, T0), T0 + 2 * MIN), T0 + 5 * MIN);
    expect(paused.elapsedMs).toBe(2 * MIN);
    expect(remainingFromView(paused, 1000, 1000 + 10 * MIN)).toBe(8 * MIN);
    const running = viewTimer(startTimer(10 * MIN, T0), T0);
    expect(remainingFromView(running, 50_000, 20_000)).toBe(10 * MIN);
  });
});

describe('countdown text', () => {
  it('shows minutes and two-digit seconds', () => {
    expect(formatCountdown(12 * MIN + 5_000)).toBe('12:05');
    expect(formatCountdown(9_000)).toBe('0:09');
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(-90_000)).toBe('-1:30');
    expect(formatCountdown(60 * MIN)).toBe('60:00');
  });

  it('rounds a partial second up before zero and never shows "-0:00"', () => {
    expect(formatCountdown(8_001)).toBe('0:09');
    expect(formatCountdown(59_500)).toBe('1:00');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(-1)).toBe('0:00');
    expect(formatCountdown(-999)).toBe('0:00');
    expect(formatCountdown(-1_000)).toBe('-0:01');
  });
});
