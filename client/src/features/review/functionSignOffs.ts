import {
  FUNCTION_LABELS,
  FUNCTIONS,
  latestDecisions,
  type IcpFunction,
  type SignOffDto,
} from '@bullseye/shared';

export type FunctionDecision = 'approve' | 'request_changes' | 'waiting';

export interface FunctionSignOff {
  fn: IcpFunction;
  label: string;
  decision: FunctionDecision;
  /** The latest sign-off of this function, if it signed. */
  signOff: SignOffDto | null;
}

/** One row per function, in the canonical order, with its latest decision or `waiting`. */
export function functionSignOffs(signOffs: readonly SignOffDto[]): FunctionSignOff[] {
  const latest = latestDecisions(signOffs);
  return FUNCTIONS.map((fn) => {
    const signOff = latest.get(fn) ?? null;
    return { fn, label: FUNCTION_LABELS[fn], decision: signOff?.decision ?? 'waiting', signOff };
  });
}
