import { useEffect, useState } from 'react';
import type { WorkshopDto } from '@bullseye/shared';
import { asApiError, type ApiError } from '../../api/apiError.js';
import { workshopApi } from '../../api/workshopApi.js';

/** One workshop session, once (the summary page: an ended session does not change). */
export function useWorkshopDetail(workshopId: string): {
  workshop: WorkshopDto | null;
  error: ApiError | null;
} {
  const [state, setState] = useState<{ id: string; workshop: WorkshopDto | null; error: ApiError | null }>({
    id: workshopId,
    workshop: null,
    error: null,
  });
  useEffect(() => {
    let cancelled = false;
    workshopApi.get(workshopId).then(
      (workshop) => !cancelled && setState({ id: workshopId, workshop, error: null }),
      (e: unknown) => !cancelled && setState({ id: workshopId, workshop: null, error: asApiError(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [workshopId]);
  return state.id === workshopId ? state : { workshop: null, error: null };
}
