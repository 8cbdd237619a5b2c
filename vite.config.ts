import { defineConfig } from 'vite';

// Library build: one ES module entry; lazy chunks are emitted beside it so a
// host can load `dist/co-design-studio.js` from a plain <script type="module">.
export default defineConfig({
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      // The element, and the host page's bridge helper (`co-design-studio/parent`), which shares only pure-data chunks with it.
      entry: { 'co-design-studio': 'src/index.ts', parent: 'src/parent/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
