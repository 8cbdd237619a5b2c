// Reading a step's CPU profile and trace: the functions with the most self
// time, a 100 ms timeline of the main thread, and, from the trace, where each
// thread spent its time (script, style, layout, paint, raster, decode, GC),
// which a JavaScript profile cannot show.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const where = (f: ProfileNode['callFrame']) => `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;

/** The `top` functions by self time, and per 100 ms the three stacks the main thread was in most. */
export function cpuReport(profile: CpuProfile, top = 30): string {
  const lines: string[] = [];
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = where(byId.get(id)!.callFrame);
    self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  lines.push('self time by function:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${v.toFixed(1).padStart(8)} ms  ${k}`);
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
  lines.push('', 'main thread per 100 ms (the three stacks with most samples):');
  for (const [b, m] of buckets) {
    const busiest = [...m].sort((x, y) => y[1] - x[1]).slice(0, 3);
    lines.push(`${String(b * 100).padStart(6)} ${busiest.map(([k, v]) => `${v.toFixed(0)}ms ${k.slice(0, 80)}`).join(' | ')}`);
  }
  return lines.join('\n');
}

export interface TraceEvent {
  ph: string;
  name: string;
  cat: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/** Trace categories that show a frame's work on every thread. */
export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'cc', 'toplevel', 'blink.user_timing', 'benchmark'];

/**
 * Self time per event name on each of the renderer's threads (a complete
 * event's duration less its children's), the `top` names per thread. Task
 * wrappers (RunTask, ThreadControllerImpl…) keep only what nothing inside
 * them explains.
 */
export function traceReport(events: TraceEvent[], pid: number, top = 12): string {
  const threadName = new Map<number, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.pid === pid) threadName.set(e.tid, e.args?.name ?? String(e.tid));
  const byThread = new Map<number, TraceEvent[]>();
  for (const e of events) if (e.pid === pid && e.ph === 'X' && e.dur !== undefined) (byThread.get(e.tid) ?? byThread.set(e.tid, []).get(e.tid)!).push(e);
  const lines: string[] = [];
  const totals = [...byThread].map(([tid, list]) => ({ tid, list, busy: selfTimes(list) }));
  for (const { tid, busy } of totals.sort((a, b) => sum(b.busy) - sum(a.busy))) {
    const all = sum(busy);
    if (all < 5) continue;
    lines.push(`${threadName.get(tid) ?? tid}: ${all.toFixed(0)} ms busy`);
    for (const [name, ms] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`${ms.toFixed(1).padStart(9)} ms  ${name}`);
  }
  return lines.join('\n');
}

function sum(m: Map<string, number>): number {
  return [...m.values()].reduce((n, v) => n + v, 0);
}

interface Sweep {
  /** Self time (ms) by name over the whole thread. */
  self: Map<string, number>;
  /** Each outermost event (a task), with its own self time by name. */
  tasks: { e: TraceEvent; self: Map<string, number> }[];
}

/** Walks one thread's nested complete events: each event's duration less its children's. */
function sweep(list: TraceEvent[]): Sweep {
  const sorted = [...list].sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const out: Sweep = { self: new Map(), tasks: [] };
  const stack: { e: TraceEvent; children: number }[] = [];
  const add = (m: Map<string, number>, name: string, ms: number) => m.set(name, (m.get(name) ?? 0) + ms);
  const close = (upTo: number) => {
    while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= upTo) {
      const { e, children } = stack.pop()!;
      const ms = (e.dur! - children) / 1000;
      add(out.self, e.name, ms);
      add(out.tasks.at(-1)!.self, e.name, ms);
      if (stack.length) stack.at(-1)!.children += e.dur!;
    }
  };
  for (const e of sorted) {
    close(e.ts);
    if (!stack.length) out.tasks.push({ e, self: new Map() });
    stack.push({ e, children: 0 });
  }
  close(Infinity);
  return out;
}

function selfTimes(list: TraceEvent[]): Map<string, number> {
  return sweep(list).self;
}

interface ResourceEvent extends TraceEvent {
  args?: { name?: string; data?: { url?: string; requestId?: string } };
}

/**
 * In time order from the step's start: the main thread's tasks of `minMs`
 * or more (with the two names that took most of them), and each request's
 * send → finish, so a waterfall of lazy chunks or art shows as one.
 */
export function traceTimeline(events: ResourceEvent[], pid: number, startTs: number, minMs = 8): string {
  const main = events.find((e) => e.ph === 'M' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid;
  const rows: { ts: number; text: string }[] = [];
  for (const { e, self } of sweep(events.filter((e) => e.pid === pid && e.tid === main && e.ph === 'X' && e.dur !== undefined)).tasks) {
    if (e.ts < startTs || e.dur! < minMs * 1000) continue;
    const most = [...self].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([n, ms]) => `${n} ${ms.toFixed(0)}`);
    rows.push({ ts: e.ts, text: `task ${(e.dur! / 1000).toFixed(0).padStart(4)} ms  ${most.join(', ')}` });
  }
  const sent = new Map<string, { ts: number; url: string }>();
  for (const e of events) {
    const data = e.args?.data;
    if (e.pid !== pid || !data?.requestId || e.ts < startTs) continue;
    if (e.name === 'ResourceSendRequest' && data.url) sent.set(data.requestId, { ts: e.ts, url: data.url });
    const s = e.name === 'ResourceFinish' ? sent.get(data.requestId) : undefined;
    if (s) rows.push({ ts: s.ts, text: `load ${((e.ts - s.ts) / 1000).toFixed(0).padStart(4)} ms  ${new URL(s.url).pathname}` });
  }
  return rows
    .sort((a, b) => a.ts - b.ts)
    .map((r) => `${((r.ts - startTs) / 1000).toFixed(0).padStart(6)} ms  ${r.text}`)
    .join('\n');
}
