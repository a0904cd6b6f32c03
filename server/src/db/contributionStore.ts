import { sql, type Kysely } from 'kysely';
import {
  FUNCTIONS,
  findSection,
  type IcpContributionsDto,
  type IcpFunction,
  type SectionKey,
} from '@bullseye/shared';
import type { Database } from './schema.js';

export interface SectionContribution {
  section: SectionKey;
  function: IcpFunction;
  edits: number;
  comments: number;
}

/**
 * Who contributed to which section of an ICP, by function: edits counted from committed updates
 * (kept here), and comments on the section's criteria and text (read from the comments, by the
 * author's function now).
 */
export class ContributionStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds counted edits (per ICP, person and section). */
  async addEdits(
    edits: readonly {
      icpId: string;
      userId: string;
      section: string;
      function: IcpFunction;
      count: number;
    }[],
  ): Promise<void> {
    if (edits.length === 0) return;
    await this.db
      .insertInto('icp_contributions')
      .values(
        edits.map((e) => ({
          icp_id: e.icpId,
          user_id: e.userId,
          section: e.section,
          function: e.function,
          edits: e.count,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['icp_id', 'user_id', 'section']).doUpdateSet((eb) => ({
          edits: eb(eb.ref('icp_contributions.edits'), '+', eb.ref('excluded.edits')),
          function: eb.ref('excluded.function'),
        })),
      )
      .execute();
  }

  /** What the contributions API answers: per section and function, and sign-off reasons per function. */
  async answer(icpId: string, db: Kysely<Database> = this.db): Promise<IcpContributionsDto> {
    const [contributions, signOffReasons] = await Promise.all([
      this.ofIcp(icpId, db),
      this.signOffReasons(icpId, db),
    ]);
    return { contributions, signOffReasons };
  }

  /** Sign-offs with a reason, per function (the function signed for), over every version. */
  async signOffReasons(
    icpId: string,
    db: Kysely<Database> = this.db,
  ): Promise<IcpContributionsDto['signOffReasons']> {
    const rows = await db
      .selectFrom('sign_offs')
      .select(['function', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('icp_id', '=', icpId)
      .where('reason', 'is not', null)
      .where('reason', '!=', '')
      .groupBy('function')
      .execute();
    return rows.flatMap((r) => {
      const fn = FUNCTIONS.find((x) => x === r.function);
      return fn ? [{ function: fn, count: Number(r.n) }] : [];
    });
  }

  /** Edits and comments per section and function (only what some function did). */
  async ofIcp(icpId: string, db: Kysely<Database> = this.db): Promise<SectionContribution[]> {
    const [edits, comments] = await Promise.all([
      db
        .selectFrom('icp_contributions')
        .select(['section', 'function', (eb) => eb.fn.sum<number | string>('edits').as('n')])
        .where('icp_id', '=', icpId)
        .groupBy(['section', 'function'])
        .execute(),
      sql<{ section: string; function: string; n: number | string }>`
        SELECT root.anchor_section AS section, m.function AS function, COUNT(*) AS n
        FROM comments c
        JOIN comments root ON root.id = COALESCE(c.thread_id, c.id)
        JOIN icps i ON i.id = c.icp_id
        JOIN memberships m ON m.workspace_id = i.workspace_id AND m.user_id = c.author_id
        WHERE c.icp_id = ${icpId} AND root.anchor_section IS NOT NULL AND m.function IS NOT NULL
        GROUP BY root.anchor_section, m.function`
        .execute(db)
        .then((r) => r.rows),
    ]);
    const cells = new Map<string, SectionContribution>();
    const cell = (section: string, fn: string): SectionContribution | undefined => {
      const key = findSection(section)?.key as SectionKey | undefined;
      const f = FUNCTIONS.find((x) => x === fn);
      if (!key || !f) return undefined;
      const id = `${key}|${f}`;
      let c = cells.get(id);
      if (!c) cells.set(id, (c = { section: key, function: f, edits: 0, comments: 0 }));
      return c;
    };
    for (const e of edits) {
      const c = cell(e.section, e.function);
      if (c) c.edits += Number(e.n);
    }
    for (const r of comments) {
      const c = cell(r.section, r.function);
      if (c) c.comments += Number(r.n);
    }
    return [...cells.values()];
  }
}
