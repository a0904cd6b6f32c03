import { useEffect, useState } from 'react';
import type { BestCustomerDefinition } from '@bullseye/shared';
import { insightsApi } from '../../api/insightsApi.js';
import { comparisonLabel, definitionWords } from './format.js';
import '../../styles/insights.css';

interface BestCustomersSummaryProps {
  definition: BestCustomerDefinition;
  /** The dataset's name when the version itself tells it (from a criterion's evidence). */
  datasetName: string | null;
  /** Lets the summary look the dataset's name up when the version does not tell it. */
  workspaceId?: string;
}

/** The best-customer definition a version was derived from, in words (read-only versions). */
export function BestCustomersSummary({ definition, datasetName, workspaceId }: BestCustomersSummaryProps) {
  const [looked, setLooked] = useState<{ id: string; name: string | null } | null>(null);
  const needsLookup = datasetName === null && workspaceId !== undefined;

  useEffect(() => {
    if (!needsLookup || !workspaceId) return;
    let live = true;
    insightsApi.listDatasets(workspaceId).then(
      (list) => {
        if (live)
          setLooked({
            id: definition.datasetId,
            name: list.find((d) => d.id === definition.datasetId)?.name ?? null,
          });
      },
      () => {
        if (live) setLooked({ id: definition.datasetId, name: null });
      },
    );
    return () => {
      live = false;
    };
  }, [needsLookup, workspaceId, definition.datasetId]);

  const name = datasetName ?? (looked?.id === definition.datasetId ? looked.name : null);
  return (
    <section
      className="version-best-customers"
      aria-label="Best customers"
      data-testid="version-best-customers"
    >
      <h2>Best customers</h2>
      <p>
        <strong>{definitionWords(definition.conditions)}</strong>
      </p>
      <p className="muted small">
        Compared with {comparisonLabel(definition.comparison)}
        {name ? <> in the dataset “{name}”</> : ' in a customer dataset'}. The criteria marked with a lift
        were derived from this definition.
      </p>
    </section>
  );
}
