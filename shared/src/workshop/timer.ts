/**
 * The shared countdown of a workshop step, owned by the server. It is stored as what was elapsed
 * before the current run plus when that run started, so it survives restarts and every client
 * computes the same remaining time from the server's clock. Remaining time may go below zero
 * (over time); the step only moves on when the facilitator says so.
 */
export interface StepTimer {
  status: 'running' | 'paused';
  /** The step's timebox, extensions included. */
  durationMs: number;
  /** Time elapsed in earlier runs (before the last resume). */
  elapsedMs: number;
  /** When the current run started (epoch ms); null while paused. */
  startedAt: number | null;
}

/** A fresh countdown for a step of `durationMs`, running from `now`. */
export function startTimer(durationMs: number, now: number): StepTimer {
  return { status: 'running', durationMs, elapsedMs: 0, startedAt: now };
}

/** Time spent on the step so far. A clock that went backwards never makes it shrink. */
export function elapsedMs(timer: StepTimer, now: number): number {
  const run = timer.status === 'running' && timer.startedAt !== null ? Math.max(0, now - timer.startedAt) : 0;
  return timer.elapsedMs + run;
}

/** Time left in the timebox; negative when over time. */
export function remainingMs(timer: StepTimer, now: number): number {
  return timer.durationMs - elapsedMs(timer, now);
}

export function pauseTimer(timer: StepTimer, now: number): StepTimer {
  if (timer.status === 'paused') return timer;
  return { ...timer, status: 'paused', elapsedMs: elapsedMs(timer, now), startedAt: null };
}

export function resumeTimer(timer: StepTimer, now: number): StepTimer {
  if (timer.status === 'running') return timer;
  return { ...timer, status: 'running', startedAt: now };
}

/** Adds time to the timebox (running or paused), never beyond `maxMs` in all. */
export function extendTimer(timer: StepTimer, addMs: number, maxMs: number): StepTimer {
  return { ...timer, durationMs: Math.min(maxMs, Math.max(0, timer.durationMs + addMs)) };
}

/** The timer as a client sees it at `now`: what it needs to count down on its own. */
export interface TimerView {
  status: 'running' | 'paused';
  durationMs: number;
  elapsedMs: number;
  /** The server's clock when this view was taken (epoch ms), to count from. */
  serverTime: number;
}

export function viewTimer(timer: StepTimer, now: number): TimerView {
  return {
    status: timer.status,
    durationMs: timer.durationMs,
    elapsedMs: elapsedMs(timer, now),
    serverTime: now,
  };
}

/**
 * Remaining time from a view received at `receivedAt` (client clock), read at `now` (client clock):
 * the client counts only the time since it received the view, so clock differences between
 * machines do not matter.
 */
export function remainingFromView(view: TimerView, receivedAt: number, now: number): number {
  const since = view.status === 'running' ? Math.max(0, now - receivedAt) : 0;
  return view.durationMs - view.elapsedMs - since;
}

/** "12:05", "0:09", "-1:30" (over time), from milliseconds; rounds towards the next second. */
export function formatCountdown(ms: number): string {
  const negative = ms < 0;
  const total = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${negative && total > 0 ? '-' : ''}${minutes}:${String(seconds).padStart(2, '0')}`;
}
