import {
  changePasswordBodySchema,
  instanceDtoSchema,
  meDtoSchema,
  sessionDtoSchema,
  noContentSchema,
  setupBodySchema,
  signInBodySchema,
  signUpBodySchema,
  updateInstanceBodySchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** Accounts and sessions, described once; the router and /api/openapi.json both read this. */
export const authOperations = {
  getInstance: {
    method: 'get',
    path: '/instance',
    summary: 'Whether this installation needs its first-run setup, and whether sign-up is open',
    response: { status: 200, schema: instanceDtoSchema },
    errors: [],
  },
  updateInstance: {
    method: 'patch',
    path: '/instance',
    summary: 'Open or close sign-up (the installation owner only)',
    body: updateInstanceBodySchema,
    response: { status: 200, schema: instanceDtoSchema },
    errors: [400, 401, 403],
  },
  setup: {
    method: 'post',
    path: '/setup',
    summary: 'First run: create the owner account and the first workspace; signs in',
    body: setupBodySchema,
    response: { status: 201, schema: meDtoSchema },
    errors: [400, 409, 429, 503],
  },
  signUp: {
    method: 'post',
    path: '/signup',
    summary: 'Create an account while the owner has opened sign-up; signs in',
    body: signUpBodySchema,
    response: { status: 201, schema: meDtoSchema },
    errors: [400, 403, 409, 429, 503],
  },
  signIn: {
    method: 'post',
    path: '/session',
    summary: 'Sign in with email and password; sets the session cookie (rate-limited)',
    body: signInBodySchema,
    response: { status: 200, schema: meDtoSchema },
    errors: [400, 401, 429, 503],
  },
  getSession: {
    method: 'get',
    path: '/session',
    summary:
      'Who is signed in (me is null without a valid session cookie or token) and what the installation allows; never 401',
    response: { status: 200, schema: sessionDtoSchema },
    errors: [],
  },
  signOut: {
    method: 'delete',
    path: '/session',
    summary: 'Sign out: ends this session and closes its collaboration sockets',
    response: { status: 204, schema: noContentSchema },
    errors: [],
  },
  getMe: {
    method: 'get',
    path: '/me',
    summary: 'The signed-in person, whether they own the installation, and their workspaces',
    response: { status: 200, schema: meDtoSchema },
    errors: [401],
  },
  changePassword: {
    method: 'post',
    path: '/me/password',
    summary: 'Change the password (signed in, not with an API token); other sessions are signed out',
    body: changePasswordBodySchema,
    response: { status: 204, schema: noContentSchema },
    errors: [400, 401, 403, 429, 503],
  },
} satisfies Record<string, Operation>;
