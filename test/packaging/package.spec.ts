/**
 * What `npm publish` would ship: every path package.json points at (exports,
 * types, customElements, main, module) is in the tarball, the bundle's lazy
 * chunks load from beside it, and the types carry the event map.
 * Needs a build first (`npm test` runs one as `pretest`).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

/** Every file path a field of package.json names, as the tarball would hold it. */
function named(): string[] {
  const paths: string[] = [pkg.main, pkg.module, pkg.types, pkg.customElements];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') paths.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(pkg.exports);
  return [...new Set(paths.map((p) => p.replace(/^\.\//, '')))];
}

describe('package.json and the tarball', () => {
  let files: Set<string>;
  before(() => {
    assert.ok(existsSync(join(root, 'dist/co-design-studio.js')), 'dist/ is missing: run `npm run build` first');
    // --ignore-scripts: no prepack build; the JSON is npm's own list of what would be published.
    const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    files = new Set((JSON.parse(out)[0].files as { path: string }[]).map((f) => f.path));
  });

  it('exports ESM and types for ".", "./parent", "./print" and "./replay", types listed first', () => {
    for (const [entry, js, dts] of [
      ['.', './dist/co-design-studio.js', './dist/types/index.d.ts'],
      ['./parent', './dist/parent.js', './dist/types/parent/index.d.ts'],
      ['./print', './dist/print.js', './dist/types/print/index.d.ts'],
      ['./replay', './dist/replay.js', './dist/types/replay/index.d.ts'],
    ]) {
      assert.deepEqual(pkg.exports[entry], { types: dts, import: js }, entry);
      assert.equal(Object.keys(pkg.exports[entry])[0], 'types', `${entry}: "types" must come first to be seen`);
    }
    assert.equal(pkg.type, 'module');
    assert.equal(pkg.types, './dist/types/index.d.ts');
    assert.equal(pkg.customElements, 'custom-elements.json');
  });

  it('ships every path package.json names', () => {
    for (const path of named()) assert.ok(files.has(path), `${path} is named in package.json but not in the tarball`);
  });

  it('ships the lazy chunks, the templates and the manifest, and no sources or tests', () => {
    assert.ok([...files].some((f) => /^dist\/chunks\/.+\.js$/.test(f)), 'lazy chunks');
    assert.ok(files.has('templates/roadster.json'));
    assert.ok(files.has('custom-elements.json'));
    assert.deepEqual([...files].filter((f) => /^(src|test|server|demo|bench)\//.test(f)), []);
  });

  it("leaves out the build's .br/.gz copies: they are for the reference server; a CDN compresses by itself", () => {
    assert.ok(existsSync(join(root, 'dist/co-design-studio.js.br')), 'the build wrote them');
    assert.deepEqual([...files].filter((f) => /\.(br|gz)$/.test(f)), []);
  });

  it('loads every chunk the bundle imports by a relative URL that the tarball holds', () => {
    const seen = new Set<string>();
    const queue = ['dist/co-design-studio.js', 'dist/replay.js'];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      assert.ok(files.has(file), `${file} is imported but not shipped`);
      const dir = file.slice(0, file.lastIndexOf('/') + 1);
      // Top-level `import … from "x"` / `export … from "x"` lines and `import("x")` calls, as vite writes them.
      const text = read(file);
      const specs = [...text.matchAll(/^(?:import|export)\b[^;]*?["']([^"']+)["'];?$/gm), ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)];
      for (const m of specs) {
        const spec = m[1];
        assert.ok(spec.startsWith('./') || spec.startsWith('../'), `${file} imports "${spec}": only relative URLs load from beside the bundle`);
        queue.push(new URL(spec, `file:///${dir}`).pathname.slice(1));
      }
    }
    assert.ok(seen.size > 5, 'the walk found the chunks');
  });

  it('needs neither eval nor new Function (a strict CSP forbids both)', () => {
    for (const file of [...files].filter((f) => f.startsWith('dist/') && f.endsWith('.js'))) {
      assert.doesNotMatch(read(file), /\bnew Function\s*\(|[^.\w]eval\s*\(/, file);
    }
  });

  it('co-design-studio/print imports only Node, Skia and pdf-lib besides its own chunks, and makes a PDF', async () => {
    const text = read('dist/print.js');
    const bare = [...text.matchAll(/^import\b[^;]*?["']([^"'.][^"']*)["'];?$/gm)].map((m) => m[1]);
    assert.deepEqual([...new Set(bare)].sort(), ['@cantoo/pdf-lib', '@napi-rs/canvas']);
    const { renderPrintPdf } = await import(join(root, 'dist/print.js'));
    const template = JSON.parse(read('templates/skate-deck.json'));
    const design = {
      format: 'co-design-document',
      version: 1,
      template: { id: template.id, version: template.templateVersion },
      meta: { created: '2026-12-01T10:00:00.000Z', updated: '2026-12-01T10:00:00.000Z' },
      views: [{ view: 'top', layers: [] }],
    };
    const { pdf, report } = await renderPrintPdf(design, template);
    assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
    assert.equal(report.views.length, 2);
  });

  it('marks only the defining bundle and its chunks as having side effects', () => {
    assert.ok(pkg.sideEffects.includes('./dist/co-design-studio.js'));
    assert.ok(pkg.sideEffects.includes('./dist/replay.js'), 'co-design-studio/replay defines <co-design-replay>');
    assert.ok(!pkg.sideEffects.includes('./dist/parent.js'), 'co-design-studio/parent defines nothing');
  });

  it('types the events through HTMLElementEventMap in the shipped declarations', () => {
    const dts = read('dist/types/co-design-studio.d.ts');
    for (const type of ['ready', 'change', 'error', 'draft-saved', 'metrics', 'submit', 'submitted']) assert.match(dts, new RegExp(`'co-design-${type}': CoDesign\\w+Event`), type);
    assert.match(dts, /'co-design-studio': CoDesignStudio/);
  });
});
