// A CPU profile of one studio step at one size, for finding hot paths:
//   npx tsx bench/profile.ts --strokes 10000 [--step restore|seed] [--out /tmp/x.cpuprofile]
// Prints the functions with the most self time. Needs `npm run build` first.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.ts';
import { buildPages } from './build-pages.ts';
import { startServer } from './server.ts';
import { generateStrokes, toDesignDocument } from './strokes.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const option = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const strokes = Number(option('strokes', '10000'));
const step = option('step', 'restore');
const out = option('out', '');

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

async function main(): Promise<void> {
  const manifest = JSON.parse(readFileSync(join(root, 'templates', 'roadster.json'), 'utf8')) as { id: string; templateVersion: string; views: { id: string }[] };
  const template = { id: manifest.id, version: manifest.templateVersion, views: manifest.views.map((v) => v.id) };
  const doc = JSON.stringify(toDesignDocument(generateStrokes(strokes, 1), template));
  const pages = await buildPages();
  const server = await startServer({ '/dist/': join(root, 'dist'), '/templates/': join(root, 'templates'), '/pages/': pages }, (n) => (n === 'doc.json' ? doc : undefined));
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/pages/studio.html`, { waitUntil: 'load' });
    const call = (m: string, ...a: unknown[]) => page.evaluate((m, a) => (window as any).bench[m](...a), m, a);
    await call('mount', '/templates/roadster.json');
    await call('fetchData', '/data/doc.json');
    if (step === 'restore') {
      await call('seed');
      await call('settle');
      await call('save');
      // The drafts keep big layers' bitmaps in idle time after a save.
      await new Promise((r) => setTimeout(r, 4000));
      await page.reload({ waitUntil: 'load' });
      await call('mount', '/templates/roadster.json');
      await new Promise((r) => setTimeout(r, 1000));
    }
    const cdp = await page.createCDPSession();
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    const result = await call(step === 'restore' ? 'restore' : 'seed');
    const wall = Date.now() - t0;
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (out) writeFileSync(out, JSON.stringify(profile));
    const self = new Map<string, number>();
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const f = byId.get(id)!.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
      self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
    });
    console.log(step, JSON.stringify(result), `wall ${wall} ms`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(v.toFixed(1).padStart(8), 'ms ', k);
    // A timeline: per 100 ms, where the main thread was (the top three stacks).
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const buckets = new Map<number, Map<string, number>>();
    let t = 0;
    profile.samples.forEach((id, i) => {
      t += profile.timeDeltas[i] / 1000;
      const stack: string[] = [];
      for (let n = byId.get(id); n; n = byId.get(parent.get(n.id) ?? -1)) if (n.callFrame.functionName) stack.push(n.callFrame.functionName);
      const key = stack.slice(0, 4).join('<') || '(idle)';
      const m = buckets.get(Math.floor(t / 100)) ?? new Map<string, number>();
      m.set(key, (m.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
      buckets.set(Math.floor(t / 100), m);
    });
    for (const [b, m] of buckets) console.log(String(b * 100).padStart(6), [...m].sort((x, y) => y[1] - x[1]).slice(0, 3).map(([k, v]) => `${v.toFixed(0)}ms ${k.slice(0, 80)}`).join(' | '));
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
