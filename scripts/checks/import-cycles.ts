/**
 * Fails when modules under a folder import each other in a circle. Every
 * static import and re-export counts, type-only ones too (they tie the
 * files together for a reader as much as for the compiler); a dynamic
 * `import()` is a lazy chunk's boundary and does not count.
 *
 *   npx tsx scripts/checks/import-cycles.ts src/editor [src/drafts …]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Strongly connected components with more than one module (Tarjan). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const meta = new Map<string, { index: number; low: number; onStack: boolean }>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    const m = { index, low: index, onStack: true };
    index++;
    meta.set(v, m);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      const n = meta.get(w);
      if (!n) {
        visit(w);
        m.low = Math.min(m.low, meta.get(w)!.low);
      } else if (n.onStack) m.low = Math.min(m.low, n.index);
    }
    if (m.low !== m.index) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      meta.get(w)!.onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!meta.has(v)) visit(v);
  return found;
}

export function importGraph(root: string): Map<string, string[]> {
  const all = files(root);
  const inside = new Set(all);
  const graph = new Map<string, string[]>();
  for (const file of all) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), m[1])).filter((t) => inside.has(t));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

const roots = process.argv.slice(2);
if (roots.length) {
  let failed = false;
  for (const root of roots) {
    const found = cycles(importGraph(resolve(root)));
    for (const c of found) console.error(`import circle in ${root}: ${c.map((f) => relative(process.cwd(), f)).join(' → ')}`);
    if (!found.length) console.log(`${root}: no import circle`);
    failed ||= found.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
