import type { ImportDto } from '@bullseye/shared';

/** An import as the server answers it, for tests. */
export function importDto(patch: Partial<ImportDto> = {}): ImportDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    datasetId: '00000000-0000-4000-8000-000000000002',
    state: 'uploading',
    fileName: 'companies.csv',
    fileBytes: 100,
    receivedBytes: 0,
    encoding: null,
    encodingNotice: null,
    delimiter: null,
    headers: [],
    preview: [],
    mapping: null,
    progress: { bytesRead: 0, rowsRead: 0, rowsPerSecond: null, secondsLeft: null },
    report: null,
    error: null,
    createdBy: { id: 'u1', name: 'Ana' },
    createdAt: '2025-06-01T10:00:00.000Z',
    finishedAt: null,
    ...patch,
  };
}
