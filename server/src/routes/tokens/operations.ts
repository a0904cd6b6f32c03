import {
  apiTokenListDtoSchema,
  createdApiTokenDtoSchema,
  createTokenBodySchema,
  noContentSchema,
  tokenParamsSchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** Personal API tokens for scripts: `Authorization: Bearer <secret>` on HTTP and WebSocket. */
export const tokenOperations = {
  listTokens: {
    method: 'get',
    path: '/tokens',
    summary: "The caller's API tokens (never their secrets)",
    response: { status: 200, schema: apiTokenListDtoSchema },
    errors: [401],
  },
  createToken: {
    method: 'post',
    path: '/tokens',
    summary:
      'Create an API token with the caller’s rights (`scope: full`, the default) or limited to the ' +
      'read-only scoring API (`scope: scoring`, for CRM integrations); the secret is shown once',
    body: createTokenBodySchema,
    response: { status: 201, schema: createdApiTokenDtoSchema },
    errors: [400, 401],
  },
  revokeToken: {
    method: 'delete',
    path: '/tokens/{tokenId}',
    summary: 'Revoke an API token; sockets opened with it are closed',
    params: tokenParamsSchema,
    response: { status: 204, schema: noContentSchema },
    errors: [401, 404],
  },
} satisfies Record<string, Operation>;
