import { useEffect, useMemo, useState } from 'react';
import {
  coachDatasetChoice,
  definitionOf,
  driftInsightsBody,
  driftOf,
  driftQueries,
  matchShareOfCoverage,
  readBestCustomers,
  type BestCustomerDefinition,
  type CanonicalIcp,
  type CoachDataset,
  type CoachDatasetRef,
  type CoachDrift,
  type ProfileCriteria,
} from '@bullseye/shared';
import type * as Y from 'yjs';
import { insightsApi } from '../../api/insightsApi.js';
import { versionsApi } from '../../api/versionsApi.js';
import type { IcpSession } from '../../collab/IcpSession.js';
import { useReconnected } from '../../collab/useReconnected.js';
import { useSettledDocValue } from '../../collab/useSettledDocValue.js';
import { INSIGHTS_DEBOUNCE_MS } from '../insights/insightsContext.js';
import { hasCriteria, readDraftCriteria, toProfileCriteria } from '../insights/profileCriteria.js';

/** Edits are gathered this long before the criteria are read again (as the coach reads the draft). */
const SETTLE_MS = 300;

/** What of the live draft the dataset figures depend on. */
interface DraftReading {
  criteria: ProfileCriteria;
  /** Whether any criterion could be checked against data (an empty draft matches everything). */
  checkable: boolean;
  definition: BestCustomerDefinition | null;
}

const readDraft = (doc: Y.Doc): DraftReading => {
  const draft = readDraftCriteria(doc);
  return {
    criteria: toProfileCriteria(draft),
    checkable: hasCriteria(draft),
    definition: readBestCustomers(doc),
  };
};

const sameReading = (a: DraftReading, b: DraftReading) => JSON.stringify(a) === JSON.stringify(b);

/**
 * What the workspace's customer data says about the live draft, for the coach's data rules: the
 * share of all accounts the draft's criteria match (the coverage route's breadth), on the dataset
 * the ICP's best-customer definition names or else the newest ready one (as the Data tab picks it),
 * asked once the criteria have settled and not again until they change; and how the approved
 * version's evidence-backed criteria drifted on the datasets re-imported since (their insights,
 * asked when the approved version, the datasets or the definition change). Null without a ready
 * dataset (the rules then stay quiet); a failed request counts as no figures, never an error.
 * The list of datasets is read again as `refreshKey` changes (the coach's minute clock) and after a
 * reconnection.
 */
export function useCoachDataset(
  session: IcpSession,
  workspaceId: string,
  approvedVersionId: string | null,
  refreshKey: number,
): CoachDataset | null {
  // ---------- the ready datasets, newest first ----------
  const [ready, setReady] = useState<CoachDatasetRef[] | null>(null);
  const [reconnects, setReconnects] = useState(0);
  useReconnected(session, () => setReconnects((n) => n + 1));
  useEffect(() => {
    let live = true;
    insightsApi.listDatasets(workspaceId).then(
      (list) => {
        if (!live) return;
        const next = list.filter((d) => d.state === 'ready').map((d) => ({ id: d.id, revision: d.revision }));
        setReady((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
      },
      // Without the list the coach goes on without figures; the next refresh tries again.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [workspaceId, refreshKey, reconnects]);

  // ---------- the draft's criteria and definition, once edits settle ----------
  const draft = useSettledDocValue(session, readDraft, SETTLE_MS, sameReading);
  const definition = draft?.definition ?? null;
  const dataset = ready ? coachDatasetChoice(definition?.datasetId, ready) : null;

  // ---------- breadth: the share of all accounts the criteria match ----------
  const coverageKey =
    dataset && draft?.checkable
      ? JSON.stringify({ datasetId: dataset.id, revision: dataset.revision, criteria: draft.criteria })
      : null;
  const [share, setShare] = useState<{ datasetId: string; share: number | null } | null>(null);
  useEffect(() => {
    if (!coverageKey) return;
    const { datasetId, criteria } = JSON.parse(coverageKey) as {
      datasetId: string;
      criteria: ProfileCriteria;
    };
    let live = true;
    const timer = window.setTimeout(() => {
      // Breadth does not depend on the best customers: no conditions to send.
      insightsApi.getCoverage(datasetId, { comparison: 'all', conditions: [], criteria }).then(
        (coverage) => {
          if (live) setShare({ datasetId, share: matchShareOfCoverage(coverage) });
        },
        () => {
          if (live) setShare(null);
        },
      );
    }, INSIGHTS_DEBOUNCE_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [coverageKey]);
  // While a newer answer loads, the last one for the same dataset stands (no flicker while typing).
  const matchShareOfAll = coverageKey && dataset && share?.datasetId === dataset.id ? share.share : null;

  // ---------- drift: the approved version's evidence against the latest imports ----------
  const [approved, setApproved] = useState<{ id: string; content: CanonicalIcp } | null>(null);
  useEffect(() => {
    if (!approvedVersionId) return;
    let live = true;
    versionsApi.get(approvedVersionId).then(
      (version) => {
        if (live) setApproved({ id: approvedVersionId, content: version.content as CanonicalIcp });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [approvedVersionId]);
  const approvedContent = approved && approved.id === approvedVersionId ? approved.content : null;

  const queries = useMemo(
    () =>
      approvedContent && ready
        ? driftQueries(approvedContent, [definitionOf(approvedContent), definition], ready)
        : [],
    [approvedContent, definition, ready],
  );
  const driftKey = queries.length > 0 ? JSON.stringify(queries) : null;
  const [drift, setDrift] = useState<{ key: string; drift: CoachDrift[] } | null>(null);
  useEffect(() => {
    if (!driftKey) return;
    const asked = JSON.parse(driftKey) as typeof queries;
    let live = true;
    void Promise.all(
      asked.map((query) =>
        insightsApi.getInsights(query.datasetId, driftInsightsBody(query)).then(
          // A re-import since the list was read only makes the answer newer: still later than the evidence.
          (insights) => driftOf(query.criteria, insights.traits),
          () => [] as CoachDrift[],
        ),
      ),
    ).then((answers) => {
      if (live) setDrift({ key: driftKey, drift: answers.flat() });
    });
    return () => {
      live = false;
    };
  }, [driftKey]);
  const driftSinceApproval = driftKey && drift?.key === driftKey ? drift.drift : NO_DRIFT;

  const datasetId = dataset?.id ?? null;
  return useMemo(
    () => (datasetId ? { matchShareOfAll, driftSinceApproval } : null),
    [datasetId, matchShareOfAll, driftSinceApproval],
  );
}

const NO_DRIFT: CoachDrift[] = [];
