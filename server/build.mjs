// Builds the server ahead of time: one ESM file per entry point in server/dist, so production starts
// with plain `node` (no TypeScript transpiler in the process). `@bullseye/shared` is TypeScript
// source consumed through its package exports, so it is bundled in; every other package (express,
// better-sqlite3's native addon, pg, better-auth, ...) stays an ordinary import from node_modules.
//
// Files are written to a temporary name and renamed into place, so a server or CLI starting while
// a build runs (tests, another terminal) reads either the old file or the new one, never half of one.
import console from 'node:console';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { build } from 'esbuild';

const root = import.meta.dirname;
const outdir = path.join(root, 'dist');

/** Bare imports stay external, except our own workspace packages, which are TypeScript source. */
const externalPackages = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@bullseye/') ? undefined : { path: args.path, external: true },
    );
  },
};

export async function buildServer() {
  const started = performance.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { index: 'src/index.ts', admin: 'src/cli/admin.ts', cluster: 'src/cli/cluster.ts' },
    outdir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: 'linked',
    // Stack traces keep function and class names.
    keepNames: true,
    legalComments: 'none',
    plugins: [externalPackages],
    write: false,
    logLevel: 'warning',
  });
  fs.mkdirSync(outdir, { recursive: true });
  // Maps first, so a new bundle never points at an old map.
  const files = [...result.outputFiles].sort(
    (a, b) => Number(b.path.endsWith('.map')) - Number(a.path.endsWith('.map')),
  );
  for (const file of files) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, file.contents);
    fs.renameSync(temporary, file.path);
  }
  return { files: files.map((f) => path.relative(root, f.path)), ms: performance.now() - started };
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  const { files, ms } = await buildServer();
  console.log(`server built in ${Math.round(ms)} ms: ${files.filter((f) => !f.endsWith('.map')).join(', ')}`);
}
