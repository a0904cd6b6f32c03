import { scoringModelResponseSchema, type ModelSourceDto, type ScoringModel } from '@bullseye/shared';
import { ApiError } from './apiError.js';
import { request } from './request.js';

const icpBase = (icpId: string) => `/icps/${encodeURIComponent(icpId)}`;

/** A scoring model the server compiled, and which version it was compiled from. */
export interface ScoringModelAnswer {
  source: ModelSourceDto;
  model: ScoringModel;
}

/** Fit scoring of an ICP: the models the server scores with. */
export const scoringApi = {
  /**
   * The model of the approved version (`approved`, the default), the draft (`draft`), or a
   * version by number or id.
   * Nothing approved yet is 409 `no_approved_version`. The answer is checked against the shared
   * schema before anything scores with it (`unreadable_answer` otherwise).
   */
  getModel: async (icpId: string, version: string | number = 'approved'): Promise<ScoringModelAnswer> => {
    const query = new URLSearchParams({ version: String(version) });
    const parsed = scoringModelResponseSchema.safeParse(
      await request<unknown>('GET', `${icpBase(icpId)}/scoring-model?${query.toString()}`),
    );
    if (!parsed.success) {
      throw new ApiError(
        0,
        'unreadable_answer',
        'The server answered a scoring model this page cannot read.',
      );
    }
    return parsed.data;
  },
};
