import type { ApiTokenDto, CreatedApiTokenDto, TokenScope } from '@bullseye/shared';
import { request } from './request.js';

/** The signed-in person's API tokens. */
export const tokensApi = {
  list: () => request<{ tokens: ApiTokenDto[] }>('GET', '/tokens').then((r) => r.tokens),
  /** `scoring`: the token may only score accounts and read scoring models (for CRM integrations). */
  create: (name: string, scope: TokenScope) =>
    request<CreatedApiTokenDto>('POST', '/tokens', { name, scope }),
  revoke: (tokenId: string) => request<void>('DELETE', `/tokens/${encodeURIComponent(tokenId)}`),
};
