/**
 * How long a legitimate sign-in takes while one address sprays wrong passwords over many emails
 * (issue 9: password spraying once starved sign-in for 42 s). Prints a table; asserts nothing.
 *
 *   npx tsx tests/bench/signInSpray.ts          (SPRAY=150 SAMPLES=10 by default)
 *
 * Runs the server as the integration tests do (build it first: `npm run build -w server` where the
 * server runs from its build). The spray comes from 127.0.0.3, the bystander from 127.0.0.2.
 */
import { addMember } from '../support/actors.js';
import { rawRequest } from '../support/fromAddress.js';
import { ServerProcess } from '../support/serverProcess.js';
import { percentile } from './percentile.js';
import { fixed, formatTable } from './table.js';

const SPRAY = Number(process.env.SPRAY ?? 150);
const SAMPLES = Number(process.env.SAMPLES ?? 10);

async function signInMs(server: ServerProcess, from: string, email: string, password: string) {
  const started = performance.now();
  const response = await rawRequest(server, 'POST', '/api/session', { body: { email, password }, from });
  if (response.status !== 200) throw new Error(`bystander sign-in got ${response.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  // Limits high enough that the spray is stopped by the hashing queue alone, then by the defaults.
  const rows: string[][] = [];
  for (const [label, env] of [
    ['defaults (LOGIN_MAX_PER_ADDRESS=50)', {}],
    ['no per-address limit (queue only)', { LOGIN_MAX_PER_ADDRESS: '100000' }],
  ] as const) {
    const server = new ServerProcess({ env: { ...env } });
    await server.start();
    try {
      const member = await addMember(server, 'viewer');
      const quiet: number[] = [];
      for (let i = 0; i < SAMPLES; i++)
        quiet.push(await signInMs(server, '127.0.0.2', member.email, member.password));

      const sprayStarted = performance.now();
      const statuses = new Map<number, number>();
      let sprayDone = false;
      const spray = Promise.all(
        Array.from({ length: SPRAY }, (_, i) =>
          rawRequest(server, 'POST', '/api/session', {
            body: { email: `victim${i}@example.com`, password: 'Summer2024!' },
            from: '127.0.0.3',
          }).then((r) => statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1)),
        ),
      ).then(() => {
        sprayDone = true;
        return performance.now() - sprayStarted;
      });
      const during: number[] = [];
      while (!sprayDone && during.length < SAMPLES) {
        during.push(await signInMs(server, '127.0.0.2', member.email, member.password));
      }
      const sprayMs = await spray;
      rows.push([
        label,
        fixed(percentile(quiet, 0.5), 0),
        fixed(percentile(during, 0.5), 0),
        fixed(Math.max(...during), 0),
        String(during.length),
        [...statuses].map(([status, count]) => `${count}×${status}`).join(' '),
        fixed(sprayMs, 0),
      ]);
    } finally {
      await server.dispose();
    }
  }
  console.log(`\nSign-in during a spray of ${SPRAY} wrong passwords over distinct emails from one address\n`);
  console.log(
    formatTable(
      [
        { header: 'server' },
        { header: 'quiet p50 ms', align: 'right' },
        { header: 'during spray p50 ms', align: 'right' },
        { header: 'during max ms', align: 'right' },
        { header: 'samples', align: 'right' },
        { header: 'spray answers' },
        { header: 'spray total ms', align: 'right' },
      ],
      rows,
    ),
  );
}

await main();
