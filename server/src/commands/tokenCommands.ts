import type { CreatedApiTokenDto, TokenScope } from '@bullseye/shared';
import { API_TOKEN_PREFIX, hashSecret, newSecret } from '../auth/secrets.js';
import type { CollabEvents } from '../collaboration/collabEvents.js';
import type { ApiTokenStore } from '../db/apiTokenStore.js';
import { notFound } from '../errors.js';
import { presentToken } from '../presenters/account.js';

/** Personal API tokens: the secret is shown once, only its hash is kept. */
export class TokenCommands {
  constructor(
    private readonly tokens: ApiTokenStore,
    private readonly access: CollabEvents,
  ) {}

  async create(userId: string, name: string, scope: TokenScope): Promise<CreatedApiTokenDto> {
    const secret = `${API_TOKEN_PREFIX}${newSecret()}`;
    const row = await this.tokens.create(userId, name, secret.slice(0, 12), hashSecret(secret), scope);
    return { token: presentToken(row), secret };
  }

  /** Revokes one of the user's tokens and closes the sockets opened with it. */
  async revoke(userId: string, tokenId: string): Promise<void> {
    if (!(await this.tokens.delete(userId, tokenId))) throw notFound('Token');
    this.access.credentialRevoked({ tokenId });
  }
}
