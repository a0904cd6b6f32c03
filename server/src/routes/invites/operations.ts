import {
  inviteInfoDtoSchema,
  inviteTokenParamsSchema,
  joinedWorkspaceDtoSchema,
  signUpBodySchema,
} from '@bullseye/shared';
import type { Operation } from '../../openapi.js';

/** Opening and accepting invite links (the links' secret is the path parameter). */
export const inviteOperations = {
  getInvite: {
    method: 'get',
    path: '/invites/{token}',
    summary: 'What an invite link offers: workspace, role, function, expiry',
    params: inviteTokenParamsSchema,
    response: { status: 200, schema: inviteInfoDtoSchema },
    errors: [404],
  },
  acceptInvite: {
    method: 'post',
    path: '/invites/{token}/accept',
    summary:
      'Join the workspace: signed in, with an empty body; or sign up in the same step with { name, email, password }',
    params: inviteTokenParamsSchema,
    body: signUpBodySchema.partial(),
    response: { status: 200, schema: joinedWorkspaceDtoSchema },
    errors: [400, 404, 409, 429, 503],
  },
} satisfies Record<string, Operation>;
