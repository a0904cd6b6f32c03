import type { ErrorRequestHandler } from 'express';
import type { ErrorEnvelope } from '@bullseye/shared';
import { isDatabaseUnavailable } from './db/unavailable.js';

/** An error with an HTTP status and a stable snake_case code, rendered as the one envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Sent as `Retry-After` (429, 503): when the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const invalidInput = (field: string, message: string) =>
  new HttpError(400, 'invalid_input', `${field}: ${message}`, field);
export const invalidJson = () =>
  new HttpError(400, 'invalid_json', 'The request body is not valid JSON', 'body');
export const notFound = (what = 'Resource') => new HttpError(404, 'not_found', `${what} not found`);
export const unauthenticated = () =>
  new HttpError(401, 'unauthenticated', 'Sign in, or send Authorization: Bearer <API token>');
export const forbidden = (ability: string) =>
  new HttpError(403, 'forbidden', `Your role does not allow this (${ability})`);
/** 403 from a rule about this record rather than the role alone (e.g. editing others' comments). */
export const notAllowed = (message: string) => new HttpError(403, 'forbidden', message);
/** 403 with its own code, for refusals the client tells apart (e.g. `not_your_function`). */
export const forbiddenBecause = (code: string, message: string) => new HttpError(403, code, message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
export const routeNotFound = () => new HttpError(404, 'route_not_found', 'No such API endpoint');
export const payloadTooLarge = (limit: number) =>
  new HttpError(413, 'payload_too_large', `The request body exceeds ${limit} bytes`, 'body');
export const unsupportedMediaType = (message = 'Send the body as application/json') =>
  new HttpError(415, 'unsupported_media_type', message, 'body');
export const unsupportedContentEncoding = (encoding: string) =>
  new HttpError(
    415,
    'unsupported_content_encoding',
    `Content-Encoding ${JSON.stringify(encoding)} is not accepted; send the body uncompressed`,
    'body',
  );

/** This process is at its limit for some kind of work right now: try again after `retryAfterSeconds`. */
export const serverBusy = (message: string, retryAfterSeconds: number) =>
  new HttpError(503, 'server_busy', message, undefined, retryAfterSeconds);

/** The database cannot be reached right now (a restart, a failover): try again shortly. */
export const databaseUnavailable = () =>
  new HttpError(
    503,
    'database_unavailable',
    'The database is not reachable right now; try again shortly',
    undefined,
    5,
  );

/** Turns any error into the JSON envelope; unexpected ones are logged and answered with 500. */
export function errorHandler(limit: number): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const error = toHttpError(err, limit);
    if (error.status >= 500 && error.code === 'internal_error') console.error('request failed', err);
    const body: ErrorEnvelope = { error: { code: error.code, message: error.message } };
    if (error.field) body.error.field = error.field;
    if (error.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(error.retryAfterSeconds));
    res.status(error.status).json(body);
  };
}

/** What body-parser, raw-body and express's router attach to the errors they raise. */
interface ParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  body?: unknown;
  encoding?: unknown;
  charset?: unknown;
  /** The body limit that was exceeded (routes may accept more than the default). */
  limit?: unknown;
}

/**
 * Every client mistake is a 4xx with the envelope, whatever layer noticed it: our own HttpErrors,
 * the JSON body parser (bad JSON, too large, unsupported Content-Encoding or charset, a body
 * shorter than its Content-Length, an aborted upload) and the router (a path parameter that is
 * not valid percent-encoding). Only the server's own failures are 500.
 */
function toHttpError(err: unknown, limit: number): HttpError {
  if (err instanceof HttpError) return err;
  // express's router could not percent-decode a path parameter (`/api/icps/%ff%fe`): like any
  // malformed id, it names nothing that exists.
  if (err instanceof URIError) return notFound();
  const parser = (typeof err === 'object' && err !== null ? err : {}) as ParserError;
  switch (parser.type) {
    case 'entity.too.large':
      return payloadTooLarge(typeof parser.limit === 'number' ? parser.limit : limit);
    case 'entity.parse.failed':
      // The strict JSON parser also refuses valid JSON that is not an object or array (`42`, `"x"`):
      // that is well-formed input of the wrong shape, not broken JSON.
      return isJson(parser.body) ? invalidInput('body', 'must be a JSON object') : invalidJson();
    case 'encoding.unsupported':
      return unsupportedContentEncoding(typeof parser.encoding === 'string' ? parser.encoding : 'unknown');
    case 'charset.unsupported':
      return unsupportedMediaType(
        `Charset ${JSON.stringify(typeof parser.charset === 'string' ? parser.charset : 'unknown')} is not accepted; send the body as UTF-8 JSON`,
      );
    case 'request.aborted':
      // The client went away mid-upload; nobody reads this answer, but it is not our failure.
      return new HttpError(400, 'request_aborted', 'The request body was not sent completely', 'body');
    case 'request.size.invalid':
      return new HttpError(400, 'invalid_body', 'The request body does not match its Content-Length', 'body');
    case 'entity.verify.failed':
      return new HttpError(400, 'invalid_body', 'The request body was refused', 'body');
  }
  // Any other error a library marked as the client's (http-errors sets `expose` on 4xx only).
  if (
    typeof parser.status === 'number' &&
    parser.status >= 400 &&
    parser.status < 500 &&
    parser.expose === true
  ) {
    return new HttpError(parser.status, 'bad_request', 'The request could not be understood');
  }
  if (isDatabaseUnavailable(err)) {
    // Not a bug to trace (one line, no stack); /readyz says the same until the database is back.
    console.error(`request failed: database unavailable (${(err as Error).message})`);
    return databaseUnavailable();
  }
  return new HttpError(500, 'internal_error', 'Something went wrong on our side');
}

function isJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
