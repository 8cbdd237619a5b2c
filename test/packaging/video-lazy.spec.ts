/**
 * The time-lapse encoder (src/replay/video/, with the mediabunny muxer) is loaded only when someone asks for a
 * video: no module outside it imports it or mediabunny statically, and no built entry (dist/*.js) nor any chunk
 * an entry imports statically carries the muxer. docs/replay-video.md.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const VIDEO = join(root, 'src/replay/video');
// A message of mediabunny's encoder source, kept by minifiers: the muxer is in a file that contains it.
const MUXER_MARK = 'This specific encoder configuration';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return path === VIDEO ? [] : sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

/** The specifiers of a module's static imports and re-exports (`import(…)` is not one). */
function staticImports(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\s])(?:import|export)\s*(?:[^'"();]*?from\s*)?["']([^"']+)["']/g))
    found.push(m[1]!);
  return found;
}

describe('the time-lapse encoder stays out of first loads', () => {
  it('is imported by no module of src/ but dynamically', () => {
    const offenders: string[] = [];
    for (const file of sources(join(root, 'src'))) {
      for (const spec of staticImports(readFileSync(file, 'utf8'))) {
        const target = spec.startsWith('.') ? resolve(dirname(file), spec) : spec;
        if (target === 'mediabunny' || target.startsWith(VIDEO)) offenders.push(`${relative(root, file)} → ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it(
    'is in no built entry nor in what an entry loads before it runs',
    { skip: !existsSync(join(root, 'dist')) && 'no build in dist/' },
    () => {
      const dist = join(root, 'dist');
      const entries = readdirSync(dist).filter((f) => f.endsWith('.js'));
      assert.ok(entries.includes('co-design-studio.js'), 'the studio is built');
      const seen = new Set<string>();
      const visit = (file: string): string[] => {
        if (seen.has(file)) return [];
        seen.add(file);
        const code = readFileSync(file, 'utf8');
        const own = code.includes(MUXER_MARK) ? [relative(dist, file)] : [];
        const deps = staticImports(code).filter((s) => s.startsWith('.'));
        return [...own, ...deps.flatMap((s) => visit(resolve(dirname(file), s)))];
      };
      assert.deepEqual(
        entries.flatMap((e) => visit(join(dist, e))),
        [],
      );
      assert.ok(seen.size > entries.length, 'followed the entries into their chunks');
    },
  );
});
