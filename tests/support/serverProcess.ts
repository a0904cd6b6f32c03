import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const entry = path.join(repoRoot, 'server/src/index.ts');

export interface ServerProcessOptions {
  /** Reused across restarts so the same data is served; a fresh temp dir by default. */
  dataDir?: string;
  /** `postgres://...` to run on PostgreSQL instead of SQLite. */
  databaseUrl?: string;
  /** Port to bind; 0 (default) lets the OS pick one. Restarts keep the first port chosen. */
  port?: number;
  env?: Record<string, string>;
  /** Extra arguments for node itself, e.g. `['--cpu-prof']` when profiling the server. */
  nodeArgs?: string[];
}

/**
 * The real server as its own OS process (so tests can SIGKILL it), on 127.0.0.1 and port 0.
 * Resolves once it prints its "listening" line; `url`/`wsUrl` point at it.
 */
export class ServerProcess {
  readonly dataDir: string;
  port = 0;
  pid = 0;
  private child: ChildProcess | undefined;
  private output = '';

  constructor(private readonly options: ServerProcessOptions = {}) {
    this.dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bullseye-test-'));
    this.port = options.port ?? 0;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Everything the process printed so far (for failure messages). */
  get log(): string {
    return this.output;
  }

  async start(): Promise<this> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATA_DIR: this.dataDir,
      UNLOAD_DELAY_MS: '200',
      ...this.options.env,
    };
    delete env.DATABASE_URL;
    if (this.options.databaseUrl) env.DATABASE_URL = this.options.databaseUrl;
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), '--import', 'tsx', entry], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.pid = child.pid ?? 0;
    this.port = await new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /listening on http:\/\/[^:]+:(\d+)/.exec(this.output);
        if (match) resolve(Number(match[1]));
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) =>
        reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${this.output}`)),
      );
    });
    return this;
  }

  /** SIGTERM and wait: the graceful path. */
  async stop(): Promise<number | null> {
    return this.signal('SIGTERM');
  }

  /** SIGKILL and wait: a crash with no chance to flush anything. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Starts again on the same port and data directory. */
  async restart(): Promise<this> {
    return this.start();
  }

  private async signal(signal: NodeJS.Signals): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    const code = await exited;
    this.child = undefined;
    return code;
  }

  /** Stops the process (if running) and deletes a data directory this object created. */
  async dispose(): Promise<void> {
    await this.signal('SIGKILL');
    if (!this.options.dataDir) fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
