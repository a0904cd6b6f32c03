import { spawn } from 'node:child_process';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The built CLI, as `npm run admin` runs it. */
const entry = path.join('server', 'dist', 'admin.js');

/** Where the CLI finds its data: the same variables the server reads. */
export interface CliData {
  dataDir: string;
  databaseUrl?: string;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** The last non-empty line of stdout: what scripts read (an id or a token). */
  lastLine: string;
}

/**
 * Runs `node server/dist/admin.js ...args` from the repository root, as
 * `npm run admin -- ...` does, and resolves when it exits. Killed after `timeoutMs`.
 */
export function runAdmin(data: CliData, args: string[], timeoutMs = 30_000): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: data.dataDir };
  delete env.DATABASE_URL;
  delete env.PUBLIC_URL;
  if (data.databaseUrl) env.DATABASE_URL = data.databaseUrl;
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`admin ${args.join(' ')} did not exit within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      resolve({ code, stdout, stderr, lastLine: lines.at(-1) ?? '' });
    });
  });
}
