import { useCallback } from 'react';
import type { VersionDto } from '@bullseye/shared';
import { asApiError } from '../../api/apiError.js';
import { versionsApi, type RestoreResult } from '../../api/versionsApi.js';
import { useToast } from '../../ui/Toast.js';

/** Restores a version onto the live draft and says what was recorded; resolves to the result or null. */
export function useRestoreVersion() {
  const toast = useToast();
  return useCallback(
    async (version: Pick<VersionDto, 'id' | 'number'>): Promise<RestoreResult | null> => {
      try {
        const result = await versionsApi.restore(version.id);
        toast(
          result.before
            ? `Version ${version.number} is back on the draft. The draft before it was kept as version ${result.before.number}.`
            : `Version ${version.number} is back on the draft (recorded as version ${result.after.number}).`,
        );
        return result;
      } catch (e) {
        toast(`Could not restore version ${version.number}: ${asApiError(e).message}`, { tone: 'error' });
        return null;
      }
    },
    [toast],
  );
}
