import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '../..');
/** The built server, as production runs it (`npm run build -w server`; the integration setup builds it). */
export const serverEntry = path.join(repoRoot, 'server/dist/index.js');

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
  /**
   * Run the first-run setup on the first start (default true): an owner, their workspace and an
   * API token, in `admin`. Tests of the setup itself pass false.
   */
  provision?: boolean;
}

/** The owner the harness set up on a fresh server: an admin of `workspaceId`. */
export interface AdminIdentity {
  userId: string;
  email: string;
  password: string;
  workspaceId: string;
  /** A personal API token of the owner, for `Authorization: Bearer`. */
  token: string;
}

export const ADMIN_PASSWORD = 'correct horse battery staple';

/**
 * The real server as its own OS process (so tests can SIGKILL it), on 127.0.0.1 and port 0.
 * Resolves once it prints its "listening" line; `url`/`wsUrl` point at it.
 */
export class ServerProcess {
  readonly dataDir: string;
  port = 0;
  pid = 0;
  /** Set after the first start unless `provision: false`; kept across restarts. */
  admin: AdminIdentity | undefined;
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

  /** The Origin this server's own pages send: PUBLIC_URL's origin when set, else `url`. */
  get origin(): string {
    const publicUrl = this.options.env?.PUBLIC_URL;
    return publicUrl ? new URL(publicUrl).origin : this.url;
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
    if (!fs.existsSync(serverEntry))
      throw new Error(`${serverEntry} does not exist: build the server first (npm run build -w server)`);
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), serverEntry], {
      cwd: repoRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.pid = child.pid ?? 0;
    this.port = await new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /listening on \S*:(\d+)/.exec(this.output);
        if (match) resolve(Number(match[1]));
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code, signal) =>
        reject(new Error(`server exited before listening (code ${code}, signal ${signal}):\n${this.output}`)),
      );
    });
    if (this.options.provision !== false && !this.admin) this.admin = await this.provision();
    return this;
  }

  /** `Authorization` for the provisioned owner, plus any extra headers. */
  adminHeaders(extra: Record<string, string> = {}): Record<string, string> {
    if (!this.admin) throw new Error('this server was started without provisioning an admin');
    return { authorization: `Bearer ${this.admin.token}`, ...extra };
  }

  /** First-run setup over HTTP, then an API token for the owner. */
  private async provision(): Promise<AdminIdentity> {
    const email = 'owner@example.com';
    const origin = { origin: this.origin, 'content-type': 'application/json' };
    const setup = await fetch(`${this.url}/api/setup`, {
      method: 'POST',
      headers: origin,
      body: JSON.stringify({ name: 'Olive Owner', email, password: ADMIN_PASSWORD, workspaceName: 'Acme' }),
    });
    if (setup.status !== 201) throw new Error(`setup failed: ${setup.status} ${await setup.text()}`);
    const me = (await setup.json()) as { user: { id: string }; workspaces: { id: string }[] };
    const cookie = setup.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const created = await fetch(`${this.url}/api/tokens`, {
      method: 'POST',
      headers: { ...origin, cookie },
      body: JSON.stringify({ name: 'test harness' }),
    });
    if (created.status !== 201) throw new Error(`token failed: ${created.status} ${await created.text()}`);
    const { secret } = (await created.json()) as { secret: string };
    return {
      userId: me.user.id,
      email,
      password: ADMIN_PASSWORD,
      workspaceId: me.workspaces[0]!.id,
      token: secret,
    };
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
