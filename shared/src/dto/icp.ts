/** An ICP as the HTTP API presents it. */
export interface IcpDto {
  id: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** The one error envelope of the HTTP API. */
export interface ErrorEnvelope {
  error: { code: string; message: string; field?: string };
}
