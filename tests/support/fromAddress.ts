import http from 'node:http';
import type { ApiResponse } from './api.js';
import type { ServerProcess } from './serverProcess.js';

export interface RawRequestOptions {
  /** Sent as JSON unless it is already a string. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The client's own address: any of 127.0.0.0/8 reaches the server on 127.0.0.1 (Linux), so a
   * test can be several clients with distinct addresses without trusting proxy headers.
   */
  from?: string;
}

/**
 * One HTTP request over its own connection with node:http, which (unlike fetch) lets a test pick
 * the source address and send any Host header. The body is parsed as JSON when it says it is JSON.
 */
export function rawRequest<T = unknown>(
  server: ServerProcess,
  method: string,
  path: string,
  options: RawRequestOptions = {},
): Promise<ApiResponse<T>> {
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const headers: Record<string, string> = {
    ...(body === undefined
      ? {}
      : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path,
        headers,
        localAddress: options.from,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined) continue;
            for (const v of Array.isArray(value) ? value : [value]) responseHeaders.append(name, v);
          }
          const isJson = res.headers['content-type']?.includes('application/json') ?? false;
          resolve({
            status: res.statusCode ?? 0,
            headers: responseHeaders,
            body: (isJson ? JSON.parse(text) : text) as T,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
