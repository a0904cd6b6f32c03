import {
  FUNCTIONS,
  ICP_SECTIONS,
  type IcpFunction,
  type SectionKey,
  type WorkshopCoverageDto,
  type WorkshopParticipantDto,
} from '@bullseye/shared';

export interface CoverageCell {
  function: IcpFunction;
  edits: number;
  notes: number;
  votes: number;
  total: number;
}

export interface CoverageRow {
  section: SectionKey;
  title: string;
  cells: CoverageCell[];
  /** Functions that contributed to the section. */
  contributors: IcpFunction[];
  /** Touched by one function only: the "ivory tower" warning. */
  singleFunction: boolean;
}

export interface CoverageView {
  rows: CoverageRow[];
  /** Functions with no contribution to any section yet. */
  silent: IcpFunction[];
  /** Functions with at least one participant present in the ICP now. */
  present: IcpFunction[];
  /** Functions with no participant at all. */
  missing: IcpFunction[];
}

/**
 * The coverage grid: per section and function what was contributed (edits, notes, votes), which
 * sections only one function touched, which functions contributed nothing, and which functions are
 * in the room now (participants whose presence is in the ICP).
 */
export function coverageView(
  coverage: WorkshopCoverageDto,
  participants: readonly WorkshopParticipantDto[],
  presentUserIds: ReadonlySet<string>,
): CoverageView {
  const bySection = new Map(coverage.map((c) => [c.section, c.byFunction]));
  const totals = new Map<IcpFunction, number>(FUNCTIONS.map((fn) => [fn, 0]));
  const rows = ICP_SECTIONS.map((section) => {
    const found = bySection.get(section.key) ?? [];
    const cells = FUNCTIONS.map((fn) => {
      const c = found.find((f) => f.function === fn) ?? { edits: 0, notes: 0, votes: 0 };
      const total = c.edits + c.notes + c.votes;
      totals.set(fn, (totals.get(fn) ?? 0) + total);
      return { function: fn, edits: c.edits, notes: c.notes, votes: c.votes, total };
    });
    const contributors = cells.filter((c) => c.total > 0).map((c) => c.function);
    return {
      section: section.key,
      title: section.title,
      cells,
      contributors,
      singleFunction: contributors.length === 1,
    };
  });
  const joined = new Set(participants.flatMap((p) => (p.function ? [p.function] : [])));
  const here = new Set(
    participants.flatMap((p) => (p.function && presentUserIds.has(p.id) ? [p.function] : [])),
  );
  return {
    rows,
    silent: FUNCTIONS.filter((fn) => totals.get(fn) === 0),
    present: FUNCTIONS.filter((fn) => here.has(fn)),
    missing: FUNCTIONS.filter((fn) => !joined.has(fn)),
  };
}
