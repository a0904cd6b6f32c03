import { useCallback, useEffect, useState } from 'react';
import type { ApiTokenDto } from '@bullseye/shared';
import { tokensApi } from '../../api/tokensApi.js';
import { asApiError, type ApiError } from '../../api/apiError.js';

/** The signed-in person's API tokens. */
export function useApiTokens() {
  const [tokens, setTokens] = useState<ApiTokenDto[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const reload = useCallback(
    () =>
      tokensApi.list().then(
        (list) => {
          setTokens(list);
          setError(null);
        },
        (e: unknown) => setError(asApiError(e)),
      ),
    [],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const add = useCallback((token: ApiTokenDto) => setTokens((list) => list && [token, ...list]), []);
  const forget = useCallback(
    (tokenId: string) => setTokens((list) => list && list.filter((t) => t.id !== tokenId)),
    [],
  );
  return { tokens, error, reload, add, forget };
}
