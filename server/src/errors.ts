import type { ErrorRequestHandler } from 'express';
import type { ErrorEnvelope } from '@bullseye/shared';

/** An error with an HTTP status and a stable snake_case code, rendered as the one envelope. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
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
export const unsupportedMediaType = () =>
  new HttpError(415, 'unsupported_media_type', 'Send the body as application/json', 'body');

/** Turns any error into the JSON envelope; unexpected ones are logged and answered with 500. */
export function errorHandler(limit: number): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    const error = toHttpError(err, limit);
    if (error.status >= 500) console.error('request failed', err);
    const body: ErrorEnvelope = { error: { code: error.code, message: error.message } };
    if (error.field) body.error.field = error.field;
    res.status(error.status).json(body);
  };
}

function toHttpError(err: unknown, limit: number): HttpError {
  if (err instanceof HttpError) return err;
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return payloadTooLarge(limit);
  if (type === 'entity.parse.failed') {
    // The strict JSON parser also refuses valid JSON that is not an object or array (`42`, `"x"`):
    // that is well-formed input of the wrong shape, not broken JSON.
    return isJson((err as { body?: unknown }).body)
      ? invalidInput('body', 'must be a JSON object')
      : invalidJson();
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return unsupportedMediaType();
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
