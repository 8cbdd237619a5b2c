// Builds the two harness pages (TypeScript, bare imports of fabric and
// idb-keyval) into a temporary folder with Vite, minified as a developer
// would ship them, so the baseline's bundle size is measured the same way.
import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const pages = join(dirname(fileURLToPath(import.meta.url)), 'pages');

/** Returns the folder holding both pages: their HTML, studio.js, baseline.js and a shared chunk. */
export async function buildPages(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'co-design-bench-'));
  await build({
    configFile: false,
    root: pages,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      modulePreload: false,
      rollupOptions: {
        input: { studio: join(pages, 'studio.ts'), baseline: join(pages, 'baseline.ts') },
        preserveEntrySignatures: 'allow-extension',
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  });
  for (const html of ['studio.html', 'baseline.html', 'replay.html']) await copyFile(join(pages, html), join(outDir, html));
  return outDir;
}
