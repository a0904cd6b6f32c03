import { describe, expect, it, vi } from 'vitest';
import type { Request, Response } from 'express';
import { errorHandler, HttpError } from './errors.js';

/** An error as body-parser and raw-body raise them (http-errors: `status`, `expose`, `type`, ...). */
function createError(status: number, message: string | Error, props: Record<string, unknown> = {}) {
  const error = message instanceof Error ? message : new Error(message);
  return Object.assign(error, { status, statusCode: status, expose: status < 500, ...props });
}

/** What the handler answers for `err`: status, envelope and headers. */
function answer(err: unknown) {
  const headers = new Map<string, string>();
  let status = 0;
  let body: unknown;
  const res = {
    setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
    status(code: number) {
      status = code;
      return this;
    },
    json(value: unknown) {
      body = value;
      return this;
    },
  } as unknown as Response;
  const log = vi.spyOn(console, 'error').mockImplementation(() => {});
  errorHandler(1024)(err, {} as Request, res, () => {});
  const logged = log.mock.calls.length > 0;
  log.mockRestore();
  return { status, body, headers, logged };
}

describe('errorHandler', () => {
  it.each([
    [
      'a too large body',
      createError(413, 'too large', { type: 'entity.too.large' }),
      413,
      'payload_too_large',
    ],
    [
      'broken JSON',
      createError(400, 'bad', { type: 'entity.parse.failed', body: '{"a":' }),
      400,
      'invalid_json',
    ],
    [
      'JSON that is not an object',
      createError(400, 'bad', { type: 'entity.parse.failed', body: '42' }),
      400,
      'invalid_input',
    ],
    [
      'an unsupported Content-Encoding',
      createError(415, 'no', { type: 'encoding.unsupported', encoding: 'br' }),
      415,
      'unsupported_content_encoding',
    ],
    [
      'an unsupported charset',
      createError(415, 'no', { type: 'charset.unsupported', charset: 'latin1' }),
      415,
      'unsupported_media_type',
    ],
    ['an aborted upload', createError(400, 'aborted', { type: 'request.aborted' }), 400, 'request_aborted'],
    [
      'a body shorter than its Content-Length',
      createError(400, 'size', { type: 'request.size.invalid' }),
      400,
      'invalid_body',
    ],
    ['a refused body', createError(403, 'verify', { type: 'entity.verify.failed' }), 400, 'invalid_body'],
    ['a corrupt compressed body', createError(400, new Error('incorrect header check')), 400, 'bad_request'],
    [
      'an undecodable path parameter',
      Object.assign(new URIError('URI malformed'), { status: 400 }),
      404,
      'not_found',
    ],
  ])('answers %s with %i %s, in the envelope, without logging it', (_case, err, status, code) => {
    const result = answer(err);
    expect(result.status).toBe(status);
    expect(result.body).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(result.logged).toBe(false);
  });

  it('answers our own errors as they are, with Retry-After when they carry one', () => {
    const result = answer(new HttpError(429, 'rate_limited', 'slow down', undefined, 7));
    expect(result).toMatchObject({
      status: 429,
      body: { error: { code: 'rate_limited', message: 'slow down' } },
    });
    expect(result.headers.get('retry-after')).toBe('7');
  });

  it('answers anything else with a logged 500 that reveals nothing', () => {
    for (const err of [
      new Error('db down'),
      createError(500, 'stream encoding should not be set'),
      'a string',
    ]) {
      const result = answer(err);
      expect(result).toMatchObject({
        status: 500,
        logged: true,
        body: { error: { code: 'internal_error' } },
      });
      expect(JSON.stringify(result.body)).not.toMatch(/db down|stream/);
    }
  });
});
