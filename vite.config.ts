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
      entry: 'src/index.ts',
      formats: ['es'],
      fileName: () => 'co-design-studio.js',
    },
    rollupOptions: {
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
