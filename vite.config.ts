import { defineConfig } from 'vite';
import { precompress } from './scripts/precompress.ts';

// One library build into dist/ per entry, so none splits another into shared
// chunks (an extra request and worse compression for the studio):
//   vite build                   → dist/co-design-studio.js + its lazy chunks
//   vite build --mode parent     → dist/parent.js (`co-design-studio/parent`, no lit, no fabric)
//   vite build --mode gallery    → dist/gallery.js (<co-design-gallery>, the demo's /gallery; lit, no fabric)
//   vite build --mode dashboard  → dist/dashboard.js (<co-design-dashboard>, the demo's /dashboard)
//   vite build --mode jury       → dist/jury.js (<co-design-jury>, the reference server's /jury)
//   vite build --mode replay     → dist/replay.js (<co-design-replay>, `co-design-studio/replay`; lit, no fabric up front)
//   vite build --mode print      → dist/print.js (`co-design-studio/print`, for Node: Skia and pdf-lib stay imports)
const ENTRIES: Record<string, string> = {
  parent: 'src/parent/index.ts',
  gallery: 'src/gallery/index.ts',
  dashboard: 'src/dashboard/index.ts',
  jury: 'src/jury/index.ts',
  print: 'src/print/index.ts',
  replay: 'src/replay/index.ts',
};

// The print renderer runs in Node: its native canvas, its PDF library and Node's own modules are imported, not bundled.
const NODE_EXTERNAL = [/^@napi-rs\/canvas/, /^@cantoo\/pdf-lib/, /^node:/];

const DRAFT_CHECKS =
  /[\\/]src[\\/](drafts[\\/](meta-check|record-checks|rasters)|document[\\/](validate|schema|raw|issues|limits|rules|migrate|migrations[\\/]\w+)|element[\\/]design-checks)\.ts$/;

export default defineConfig(({ mode }) => {
  const extra = ENTRIES[mode];
  return {
    // .br and .gz beside each script, for servers that send them as they are (server/pages/assets.ts).
    plugins: [precompress()],
    build: {
      target: 'es2022',
      outDir: 'dist',
      // The later builds add to the first.
      emptyOutDir: !extra,
      sourcemap: true,
      lib: {
        entry: extra ?? 'src/index.ts',
        formats: ['es'],
        fileName: () => (extra ? `${mode}.js` : 'co-design-studio.js'),
      },
      rollupOptions: {
        external: mode === 'print' ? NODE_EXTERNAL : undefined,
        // Lets the bundler merge chunks shared with lazy code into the entry (one request, better
        // gzip: ~3.5 KB less than the same code in seven small chunks). The entry may then export
        // more than src/index.ts does; those extra names are internal.
        preserveEntrySignatures: 'allow-extension',
        output: {
          chunkFileNames: extra ? `chunks/${mode}-[name]-[hash].js` : 'chunks/[name]-[hash].js',
          // A stored draft's checks in one chunk: split by module they came as a chain (each chunk's imports
          // found only once it had arrived), about 150 ms of a phone's reopen. None of them is first-paint code.
          codeSplitting: extra
            ? undefined
            : { includeDependenciesRecursively: false, groups: [{ name: 'draft-checks', test: DRAFT_CHECKS }] },
        },
      },
    },
  };
});
