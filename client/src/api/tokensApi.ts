import type { ApiTokenDto, CreatedApiTokenDto } from '@bullseye/shared';
import { request } from './request.js';

/** The signed-in person's API tokens. */
export const tokensApi = {
  list: () => request<{ tokens: ApiTokenDto[] }>('GET', '/tokens').then((r) => r.tokens),
  create: (name: string) => request<CreatedApiTokenDto>('POST', '/tokens', { name }),
  revoke: (tokenId: string) => request<void>('DELETE', `/tokens/${encodeURIComponent(tokenId)}`),
};
