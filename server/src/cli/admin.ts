import { parseArgs } from 'node:util';
import {
  emailSchema,
  functionSchema,
  newPasswordSchema,
  personNameSchema,
  roleSchema,
  tokenNameSchema,
  createTokenBodySchema,
  workspaceNameSchema,
} from '@bullseye/shared';
import type { z } from 'zod';
import { loadConfig } from '../env.js';
import { systemClock } from '../clock.js';
import { openDatabase } from '../db/database.js';
import { IcpStore } from '../db/icpStore.js';
import { createServices, type Services } from '../services.js';
import { noCollabEvents } from '../collaboration/collabEvents.js';
import { BACKUP_COMMANDS, runBackupCommand } from './backupCommands.js';

const USAGE = `Bullseye admin CLI (uses DATA_DIR / DATABASE_URL like the server)

  create-user --email E --name N --password P
  create-workspace --name N --owner E          prints the workspace id on its last line
  add-member --workspace W --email E --role admin|editor|commenter|viewer
             [--function sales|marketing|product|customer_success] [--approver]
  create-token --email E [--name N] [--scope full|scoring]
                                              prints the token on its last line
  backup FILE [--force]                       consistent copy while the server runs (SQLite: one
                                              self-contained file; PostgreSQL: pg_dump custom format),
                                              verified before it is kept; prints FILE on its last line
  restore FILE                                SQLite: replaces DATA_DIR's database with a backup (stop
                                              the server first; the old database is kept beside it)
`;

/** A mistake in the command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

function value<S extends z.ZodType>(schema: S, raw: string | undefined, flag: string): z.output<S> {
  if (raw === undefined) throw new UsageError(`--${flag} is required`);
  const result = schema.safeParse(raw);
  if (!result.success) throw new UsageError(`--${flag}: ${result.error.issues[0]?.message ?? 'invalid'}`);
  return result.data;
}

type Flags = Record<string, string | boolean | undefined>;
const text = (flags: Flags, name: string) => (typeof flags[name] === 'string' ? flags[name] : undefined);

async function userByEmail(services: Services, raw: string | undefined) {
  const email = value(emailSchema, raw, 'email');
  const user = await services.users.findByEmail(email);
  if (!user) throw new Error(`No user with email ${email}; create it with create-user first`);
  return user;
}

/** Runs one command and returns the lines to print; the last one is the result scripts read. */
async function run(command: string, flags: Flags, services: Services): Promise<string[]> {
  const commands = services.commands(noCollabEvents);
  switch (command) {
    case 'create-user': {
      const { user } = await services.auth.signUp({
        email: value(emailSchema, text(flags, 'email'), 'email'),
        name: value(personNameSchema, text(flags, 'name'), 'name'),
        password: value(newPasswordSchema, text(flags, 'password'), 'password'),
      });
      return [`Created user ${user.email}`, user.id];
    }
    case 'create-workspace': {
      const name = value(workspaceNameSchema, text(flags, 'name'), 'name');
      const owner = await userByEmail(services, text(flags, 'owner'));
      // Provisioning a fresh install by script makes this person its owner, as the setup page would.
      const first = await services.settings.claimOwner(owner.id);
      const { workspace } = await commands.accounts.createWorkspaceFor(owner.id, name, first);
      return [`Created workspace ${workspace.name} with ${owner.email} as admin`, workspace.id];
    }
    case 'add-member': {
      const workspaceId = text(flags, 'workspace');
      const workspace = workspaceId
        ? await services.workspaces.find(workspaceId).catch(() => undefined)
        : undefined;
      if (!workspace) throw new UsageError(`--workspace: no workspace with id ${workspaceId ?? ''}`);
      const user = await userByEmail(services, text(flags, 'email'));
      const role = value(roleSchema, text(flags, 'role'), 'role');
      const fn =
        text(flags, 'function') === undefined
          ? null
          : value(functionSchema, text(flags, 'function'), 'function');
      const member = { role, function: fn, approver: flags.approver === true };
      const added = await services.workspaces.addMember({
        workspaceId: workspace.id,
        userId: user.id,
        ...member,
      });
      if (!added) await commands.members.update(workspace.id, user.id, member);
      return [`${added ? 'Added' : 'Updated'} ${user.email} in ${workspace.name} as ${role}`, user.id];
    }
    case 'create-token': {
      const user = await userByEmail(services, text(flags, 'email'));
      const name = value(tokenNameSchema, text(flags, 'name') ?? 'Admin CLI', 'name');
      const scope = value(createTokenBodySchema.shape.scope, text(flags, 'scope') ?? 'full', 'scope');
      const { secret } = await commands.tokens.create(user.id, name, scope);
      return [`Created API token "${name}" for ${user.email}`, secret];
    }
    default:
      throw new UsageError(command ? `Unknown command ${command}` : 'Name a command');
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        password: { type: 'string' },
        owner: { type: 'string' },
        workspace: { type: 'string' },
        role: { type: 'string' },
        function: { type: 'string' },
        approver: { type: 'boolean' },
        force: { type: 'boolean' },
        help: { type: 'boolean' },
      },
    });
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command] = parsed.positionals;
  if (parsed.values.help || !command) {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  if (BACKUP_COMMANDS.has(command)) return backupCommand(command, parsed.positionals.slice(1), parsed.values);
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    sqliteSynchronous: config.sqliteSynchronous,
  });
  try {
    const services = await createServices(
      database,
      config,
      systemClock,
      new IcpStore(database.db, systemClock),
    );
    for (const line of await run(command, parsed.values, services)) console.log(line);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(error instanceof UsageError ? `${message}\n\n${USAGE}` : `Error: ${message}`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    await database.close();
  }
}

async function backupCommand(command: string, files: string[], flags: Flags): Promise<number> {
  const [file] = files;
  if (files.length !== 1 || !file) {
    console.error(`${command} needs exactly one file: ${command} FILE\n\n${USAGE}`);
    return 2;
  }
  try {
    const output = await runBackupCommand(command, file, flags.force === true, loadConfig());
    for (const warning of output.warnings) console.error(warning);
    for (const line of output.lines) console.log(line);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
