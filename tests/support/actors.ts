import { randomBytes } from 'node:crypto';
import type {
  CreatedApiTokenDto,
  CreatedInviteDto,
  CreateInviteBody,
  IcpFunction,
  MeDto,
  Role,
  UserDto,
  WorkspaceDto,
} from '@bullseye/shared';
import { request, type ApiResponse, type Credentials } from './api.js';
import type { ServerProcess } from './serverProcess.js';

/** The password of every person the tests create (long enough for the server's rules). */
export const MEMBER_PASSWORD = 'member password 42';

/** Someone who can sign up: name, a unique email, a password. */
export interface Person {
  name: string;
  email: string;
  password: string;
}

/** A person with an account: a signed-in session and a personal API token. */
export interface Account extends Person {
  user: UserDto;
  /** The session's `Cookie` header value. */
  cookie: string;
  /** An API token, for `Authorization: Bearer`. */
  token: string;
}

/** A fresh person; the email is unique so tests never collide on one server. */
export function newPerson(name: string): Person {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '.');
  return { name, email: `${slug}.${randomBytes(4).toString('hex')}@example.com`, password: MEMBER_PASSWORD };
}

/** The `Cookie` header a browser sends back after a response's Set-Cookie lines. */
export function cookieFrom(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A signed-in browser tab: the session cookie, and the Origin of the server's own pages. */
export function browser(server: ServerProcess, cookie: string): Credentials {
  return { cookie, origin: server.origin };
}

/** Throws with the server's answer unless it has the expected status. */
export function expectStatus<T>(response: ApiResponse<T>, status: number, what: string): T {
  if (response.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}

/** Creates an invite link (as the provisioned owner unless `as` says otherwise). */
export async function createInvite(
  server: ServerProcess,
  workspaceId: string,
  body: CreateInviteBody,
  as?: Credentials,
): Promise<CreatedInviteDto> {
  const response = await request<CreatedInviteDto>(server, 'POST', `/api/workspaces/${workspaceId}/invites`, {
    body,
    as,
  });
  return expectStatus(response, 201, 'creating an invite');
}

/** Opens an invite link signed out and signs up in the same step, as the invite page does. */
export async function acceptWithSignUp(
  server: ServerProcess,
  inviteToken: string,
  person: Person,
): Promise<{ user: UserDto; cookie: string; workspace: WorkspaceDto }> {
  const response = await request<{ workspace: WorkspaceDto }>(
    server,
    'POST',
    `/api/invites/${inviteToken}/accept`,
    { body: person, as: null },
  );
  const { workspace } = expectStatus(response, 201, `accepting an invite as ${person.email}`);
  const cookie = cookieFrom(response.headers);
  const me = await request<MeDto>(server, 'GET', '/api/me', { as: { cookie } });
  return { user: expectStatus(me, 200, 'reading /api/me').user, cookie, workspace };
}

/** Creates an API token in a signed-in session and returns its secret. */
export async function createToken(server: ServerProcess, cookie: string, name = 'tests'): Promise<string> {
  const response = await request<CreatedApiTokenDto>(server, 'POST', '/api/tokens', {
    body: { name },
    as: browser(server, cookie),
  });
  return expectStatus(response, 201, 'creating an API token').secret;
}

export interface MemberOptions {
  /** The owner's workspace by default. */
  workspaceId?: string;
  function?: IcpFunction;
  approver?: boolean;
  name?: string;
  /** Who creates the invite link (an admin of the workspace); the provisioned owner by default. */
  as?: Credentials;
}

/**
 * A new person who joined a workspace with `role` through an invite link, as people do: an admin
 * makes the link, the person signs up with it; then they create an API token.
 */
export async function addMember(
  server: ServerProcess,
  role: Role,
  options: MemberOptions = {},
): Promise<Account> {
  const workspaceId = options.workspaceId ?? server.admin?.workspaceId;
  if (!workspaceId) throw new Error('addMember needs a workspaceId on a server without an admin');
  const invite = await createInvite(
    server,
    workspaceId,
    { role, function: options.function ?? null, approver: options.approver ?? false },
    options.as,
  );
  const person = newPerson(options.name ?? `${role} ${randomBytes(2).toString('hex')}`);
  const { user, cookie } = await acceptWithSignUp(server, invite.token, person);
  return { ...person, user, cookie, token: await createToken(server, cookie) };
}

/** POST /api/session: signs in with email and password (no cookie, so no Origin needed). */
export function signIn(server: ServerProcess, email: string, password: string): Promise<ApiResponse> {
  return request(server, 'POST', '/api/session', { body: { email, password }, as: null });
}

/** One signer per function and a leader who approves: the cross-functional team a review needs. */
export interface ReviewTeam {
  signers: Record<IcpFunction, Account>;
  approver: Account;
}

/**
 * Sam (sales), Mia (marketing), Pat (product) and Cal (customer success) sign for their functions,
 * as commenters unless `roles` says otherwise; Lee approves.
 */
export async function addReviewTeam(
  server: ServerProcess,
  roles: Partial<Record<IcpFunction, Role>> = {},
): Promise<ReviewTeam> {
  const signer = (fn: IcpFunction, name: string) =>
    addMember(server, roles[fn] ?? 'commenter', { name, function: fn });
  return {
    signers: {
      sales: await signer('sales', 'Sam Sales'),
      marketing: await signer('marketing', 'Mia Marketing'),
      product: await signer('product', 'Pat Product'),
      customer_success: await signer('customer_success', 'Cal Success'),
    },
    approver: await addMember(server, 'commenter', { name: 'Lee Leader', approver: true }),
  };
}
