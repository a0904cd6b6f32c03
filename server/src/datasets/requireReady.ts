import type { DatasetRow } from '../db/datasetStore.js';
import { conflict } from '../errors.js';

/** Reading a dataset's accounts needs its first import committed (409 `dataset_not_ready` before). */
export function requireReady(dataset: DatasetRow): void {
  if (dataset.state !== 'ready') {
    throw conflict(
      'dataset_not_ready',
      'This dataset has no committed accounts yet; its first import is not finished',
    );
  }
}
