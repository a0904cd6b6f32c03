import { useEffect, useState } from 'react';
import type { AccountPageDto, DatasetDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { datasetsApi } from '../../api/datasetsApi.js';

export const ACCOUNTS_PAGE_SIZE = 50;

interface Loaded<T> {
  key: string;
  value: T | null;
  error: ApiError | null;
}

/** One dataset, read once per id. */
export function useDataset(id: string): { dataset: DatasetDto | null; error: ApiError | null } {
  const [loaded, setLoaded] = useState<Loaded<DatasetDto> | null>(null);
  useEffect(() => {
    let stopped = false;
    datasetsApi.get(id).then(
      (value) => !stopped && setLoaded({ key: id, value, error: null }),
      (e: unknown) => !stopped && setLoaded({ key: id, value: null, error: asApiError(e) }),
    );
    return () => {
      stopped = true;
    };
  }, [id]);
  const current = loaded?.key === id ? loaded : null;
  return { dataset: current?.value ?? null, error: current?.error ?? null };
}

export interface AccountsPage {
  page: AccountPageDto | null;
  error: ApiError | null;
  /** The shown page is not the one asked for yet (the previous one stays visible meanwhile). */
  loading: boolean;
  retry: () => void;
}

/** A page of a dataset's accounts (`after` = the previous page's `next`), filtered by `q`. */
export function useAccountsPage(
  datasetId: string,
  q: string,
  after: number | null,
  enabled: boolean,
): AccountsPage {
  const key = `${datasetId}|${q}|${after ?? ''}`;
  const [loaded, setLoaded] = useState<Loaded<AccountPageDto> | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let stopped = false;
    datasetsApi.listAccounts(datasetId, { limit: ACCOUNTS_PAGE_SIZE, after, q: q || undefined }).then(
      (value) => !stopped && setLoaded({ key, value, error: null }),
      (e: unknown) => !stopped && setLoaded({ key, value: null, error: asApiError(e) }),
    );
    return () => {
      stopped = true;
    };
  }, [datasetId, q, after, key, enabled, attempt]);

  const current = loaded?.key === key;
  return {
    // The previous page stays on screen while the next one loads, so the table does not jump.
    page: loaded?.value ?? null,
    error: current ? (loaded?.error ?? null) : null,
    loading: !current,
    retry: () => setAttempt((n) => n + 1),
  };
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
