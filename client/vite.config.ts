import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const serverPort = process.env.PORT ?? '3000';
const serverUrl = `http://127.0.0.1:${serverPort}`;

/** In development Vite serves the client and forwards API and collaboration traffic to the server. */
export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': serverUrl,
      '/healthz': serverUrl,
      '/collab': { target: serverUrl.replace('http', 'ws'), ws: true },
    },
  },
  // Source maps are written for whoever debugs a production stack trace, but not referenced from
  // the bundles ('hidden') and never served (the server answers 404 for *.map).
  build: { outDir: 'dist', sourcemap: 'hidden', chunkSizeWarningLimit: 1200 },
});

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(html|js|mjs|css|svg|json|txt|webmanifest)$/;

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) next to every text file of the build, once, so the
 * server sends compressed files without compressing anything per request. A variant that would not
 * be smaller than the file is not written.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'bullseye-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // A bundle that failed wrote nothing: its own error is the one to report, not this one.
      const written = await fs.readdir(outDir, { recursive: true }).catch(() => null);
      if (!written) return;
      const files = written.map((file) => path.join(outDir, file)).filter((file) => COMPRESSIBLE.test(file));
      await Promise.all(
        files.map(async (file) => {
          const content = await fs.readFile(file);
          const [br, gz] = await Promise.all([
            brotli(content, {
              params: {
                [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
                [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.byteLength,
              },
            }),
            gzip(content, { level: zlib.constants.Z_BEST_COMPRESSION }),
          ]);
          if (br.byteLength < content.byteLength) await fs.writeFile(`${file}.br`, br);
          if (gz.byteLength < content.byteLength) await fs.writeFile(`${file}.gz`, gz);
        }),
      );
    },
  };
}
