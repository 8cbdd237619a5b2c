// Packages may map Node-only modules away for browsers in package.json's "browser" field (mediabunny maps
// `node:fs/promises`, used only by its file targets, to false). Bundlers honour that; the test server's
// resolver does not, and the page then fails to import the package. This serves an empty module in
// their place, as a bundler would, and only for imports of Node's own modules.
const EMPTY = '/__browser-field-empty.js';

export function browserFieldPlugin() {
  return {
    name: 'browser-field-empty',
    resolveImport({ source }) {
      return source.startsWith('node:') ? EMPTY : undefined;
    },
    serve(ctx) {
      return ctx.path === EMPTY ? { body: 'export {};', type: 'js' } : undefined;
    },
  };
}
