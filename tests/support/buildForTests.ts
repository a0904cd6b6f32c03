import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Vitest global setup of the integration project: the tests run the server and the admin CLI as
 * production does, from the build. The server build takes well under a second, so it is redone on
 * every run (never a stale server); the client is built only if there is none (`npm test` and
 * `npm run build` build it fresh; the static-asset test needs some build, not the latest one).
 */
export default function buildForTests(): void {
  execFileSync(process.execPath, [path.join(repoRoot, 'server/build.mjs')], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (!fs.existsSync(path.join(repoRoot, 'client/dist/index.html'))) {
    console.log('integration setup: no client build found, building it once (npm run build -w client)');
    execFileSync('npm', ['run', 'build', '-w', 'client'], { cwd: repoRoot, stdio: 'inherit' });
  }
}
