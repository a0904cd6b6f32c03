import type { IcpDto } from '@bullseye/shared';
import { icpApi } from '../../api/icpApi.js';
import { asApiError } from '../../api/apiError.js';

/**
 * Marks the ICP as the workspace's primary one, or removes the mark; the answer, or the server's
 * reason for refusing (e.g. a negative or archived ICP).
 */
export async function setPrimary(
  icp: Pick<IcpDto, 'id'>,
  primary: boolean,
): Promise<{ ok: true; icp: IcpDto } | { ok: false; message: string }> {
  try {
    return { ok: true, icp: await (primary ? icpApi.markPrimary(icp.id) : icpApi.unmarkPrimary(icp.id)) };
  } catch (e) {
    return { ok: false, message: asApiError(e).message };
  }
}
