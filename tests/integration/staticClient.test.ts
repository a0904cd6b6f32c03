import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useServer } from '../support/harness.js';

/** The built client the server serves (the integration setup builds one if there is none). */
const clientDist = path.resolve(import.meta.dirname, '../../client/dist');
const ACCEPT = { 'accept-encoding': 'gzip, br' };
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The hashed script and stylesheet index.html loads, e.g. `/assets/index-Ab12Cd34.js`. */
function assetsOf(html: string): { script: string; stylesheet: string } {
  const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  const stylesheet = /<link[^>]+href="(\/assets\/[^"]+\.css)"/.exec(html)?.[1];
  if (!script || !stylesheet) throw new Error(`index.html names no hashed script or stylesheet:\n${html}`);
  return { script, stylesheet };
}

describe('the built client', () => {
  const handle = useServer('sqlite', {}, { provision: false });
  const get = (urlPath: string, headers: Record<string, string> = ACCEPT) =>
    fetch(handle.server.url + urlPath, { headers });

  it('serves index.html precompressed with brotli and revalidated on every load', async () => {
    for (const urlPath of ['/', '/index.html', '/icp/some-id?thread=t1']) {
      const response = await get(urlPath);
      expect(response.status, urlPath).toBe(200);
      expect(response.headers.get('content-encoding'), urlPath).toBe('br');
      expect(response.headers.get('vary'), urlPath).toMatch(/accept-encoding/i);
      expect(response.headers.get('content-type'), urlPath).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control'), urlPath).toBe('no-cache');
      // fetch decodes the body: it is the app shell.
      expect(await response.text(), urlPath).toContain('<div id="root"></div>');
    }
  });

  it('serves hashed assets compressed (brotli, else gzip, else plain) and cached for a year', async () => {
    const { script, stylesheet } = assetsOf(await (await get('/')).text());
    for (const [asset, type] of [
      [script, /^text\/javascript/],
      [stylesheet, /^text\/css/],
    ] as const) {
      const br = await get(asset);
      expect(br.status, asset).toBe(200);
      expect(br.headers.get('content-encoding'), asset).toBe('br');
      expect(br.headers.get('content-type'), asset).toMatch(type);
      expect(br.headers.get('cache-control'), asset).toBe(IMMUTABLE);
      expect(br.headers.get('vary'), asset).toMatch(/accept-encoding/i);
      const plain = fs.readFileSync(path.join(clientDist, asset));
      expect(Number(br.headers.get('content-length')), asset).toBeLessThan(plain.byteLength / 2);
      expect(Buffer.from(await br.arrayBuffer()).equals(plain), asset).toBe(true);

      const gzip = await get(asset, { 'accept-encoding': 'gzip' });
      expect(gzip.headers.get('content-encoding'), asset).toBe('gzip');
      expect(gzip.headers.get('cache-control'), asset).toBe(IMMUTABLE);
      expect(Buffer.from(await gzip.arrayBuffer()).equals(plain), asset).toBe(true);

      const identity = await get(asset, { 'accept-encoding': 'identity' });
      expect(identity.headers.get('content-encoding'), asset).toBeNull();
      expect(Number(identity.headers.get('content-length')), asset).toBe(plain.byteLength);
      await identity.arrayBuffer();
    }
  });

  it('never serves source maps, and a missing asset is a 404 rather than the app shell', async () => {
    const { script } = assetsOf(await (await get('/')).text());
    // The build keeps the map on disk (hidden: not referenced from the bundle); the server refuses it.
    expect(fs.existsSync(path.join(clientDist, `${script}.map`))).toBe(true);
    expect(fs.readFileSync(path.join(clientDist, script), 'utf8')).not.toContain('sourceMappingURL');
    for (const urlPath of [`${script}.map`, '/assets/index-00000000.js', '/assets/missing.css.map']) {
      const response = await get(urlPath);
      expect(response.status, urlPath).toBe(404);
      expect(response.headers.get('cache-control'), urlPath).not.toBe(IMMUTABLE);
      await response.arrayBuffer();
    }
  });
});
