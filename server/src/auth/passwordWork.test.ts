import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors.js';
import { PasswordWork } from './passwordWork.js';

/** A unit of work that finishes when the test says so, recording when it started. */
function gate(log: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    work: async () => {
      log.push(name);
      await done;
      return name;
    },
    finish,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('PasswordWork', () => {
  it('runs at most `concurrency` at once and starts the next as one finishes', async () => {
    const work = new PasswordWork({ concurrency: 2, maxQueuedPerClient: 10, maxQueued: 10 });
    const log: string[] = [];
    const jobs = ['a1', 'a2', 'a3'].map((name) => gate(log, name));
    const results = jobs.map((job) => work.run('a', job.work));
    await settle();
    expect(log).toEqual(['a1', 'a2']);
    expect(work.stats).toEqual({ running: 2, queued: 1 });
    jobs[0]!.finish();
    await settle();
    expect(log).toEqual(['a1', 'a2', 'a3']);
    jobs[1]!.finish();
    jobs[2]!.finish();
    expect(await Promise.all(results)).toEqual(['a1', 'a2', 'a3']);
    expect(work.stats).toEqual({ running: 0, queued: 0 });
  });

  it('serves waiting clients round-robin: a newcomer does not wait behind a flood', async () => {
    const work = new PasswordWork({ concurrency: 1, maxQueuedPerClient: 10, maxQueued: 20 });
    const log: string[] = [];
    const flood = Array.from({ length: 6 }, (_, i) => gate(log, `spray${i}`));
    const floodDone = flood.map((job) => work.run('sprayer', job.work));
    const legit = gate(log, 'legit');
    const legitDone = work.run('someone else', legit.work);
    await settle();
    expect(log).toEqual(['spray0']);
    flood[0]!.finish();
    await settle();
    // The newcomer goes next, ahead of the sprayer's five waiting attempts.
    expect(log).toEqual(['spray0', 'legit']);
    legit.finish();
    expect(await legitDone).toBe('legit');
    for (const job of flood) job.finish();
    await Promise.all(floodDone);
    expect(log).toEqual(['spray0', 'legit', 'spray1', 'spray2', 'spray3', 'spray4', 'spray5']);
  });

  it('refuses at once when a client has too many waiting (429) or everyone does (503)', async () => {
    const work = new PasswordWork({ concurrency: 1, maxQueuedPerClient: 2, maxQueued: 3 });
    const log: string[] = [];
    const running = gate(log, 'running');
    const first = work.run('a', running.work);
    const waiting = [work.run('a', async () => 'w1'), work.run('a', async () => 'w2')];
    const tooMany = await work.run('a', async () => 'never').catch((error: unknown) => error);
    expect(tooMany).toBeInstanceOf(HttpError);
    expect(tooMany).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 1 });
    waiting.push(work.run('b', async () => 'w3'));
    const full = await work.run('c', async () => 'never').catch((error: unknown) => error);
    expect(full).toMatchObject({ status: 503, code: 'server_busy', retryAfterSeconds: 1 });
    running.finish();
    expect(await first).toBe('running');
    expect(await Promise.all(waiting)).toEqual(['w1', 'w2', 'w3']);
    expect(log).toEqual(['running']);
  });

  it('gives the slot back when the work fails, and a release twice counts once', async () => {
    const work = new PasswordWork({ concurrency: 1, maxQueuedPerClient: 2, maxQueued: 2 });
    await expect(
      work.run('a', async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const release = await work.acquire('a');
    release();
    release();
    expect(work.stats).toEqual({ running: 0, queued: 0 });
    expect(await work.run('a', async () => 'ok')).toBe('ok');
  });
});
