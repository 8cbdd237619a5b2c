// What a page took over the wire, from the DevTools protocol's Network
// events: each request's bytes as received (encodedDataLength: headers and
// body as sent, compressed if the server compressed), sorted into the kinds
// issue 13 asks for.
import type { CDPSession, Protocol } from 'puppeteer-core';

export const KINDS = ['bundle JS', 'template JSON', 'art', 'fonts', 'other'] as const;
export type Kind = (typeof KINDS)[number];

export interface WireRequest {
  path: string;
  kind: Kind;
  status: number | 'failed';
  /** The response's Content-Encoding, '' when it came uncompressed. */
  encoding: string;
  bytes: number;
  /** When it was sent and when it finished, in ms after the page's own request went out. */
  startedMs: number;
  finishedMs: number;
  beforeReady: boolean;
}

/** The widget's build, the product template, its art (SVG and images under /templates/), fonts; the page's own files are "other". */
export function kindOf(path: string, mime: string): Kind {
  if (/^font\//.test(mime) || /\.(woff2?|ttf|otf)$/.test(path)) return 'fonts';
  if (path.startsWith('/dist/') && path.endsWith('.js')) return 'bundle JS';
  if (path.startsWith('/templates/')) return path.endsWith('.json') ? 'template JSON' : 'art';
  return 'other';
}

interface Pending {
  at: number;
  path: string;
  mime: string;
  status: number;
  encoding: string;
}

const QUIET_MS = 1000;
const SETTLE_BOUND_MS = 20_000;

/** Starts listening (Network.enable); `settled` waits for the network to go quiet and lists every request. */
export async function trackRequests(cdp: CDPSession): Promise<{ settled(readyMs: number): Promise<WireRequest[]> }> {
  const pending = new Map<string, Pending>();
  const done: (Omit<WireRequest, 'beforeReady' | 'startedMs' | 'finishedMs'> & { sent: number; at: number })[] = [];
  let origin = NaN;
  let lastActivity = Date.now();
  cdp.on('Network.requestWillBeSent', (e: Protocol.Network.RequestWillBeSentEvent) => {
    if (Number.isNaN(origin) && e.type === 'Document') origin = e.timestamp;
    pending.set(e.requestId, { at: e.timestamp, path: new URL(e.request.url).pathname, mime: '', status: 0, encoding: '' });
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e: Protocol.Network.ResponseReceivedEvent) => {
    const p = pending.get(e.requestId);
    if (!p) return;
    const header = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    Object.assign(p, { mime: e.response.mimeType, status: e.response.status, encoding: header?.[1] ?? '' });
  });
  const finish = (id: string, at: number, bytes: number, failed: boolean) => {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    lastActivity = Date.now();
    done.push({ path: p.path, kind: kindOf(p.path, p.mime), status: failed ? 'failed' : p.status, encoding: p.encoding, bytes, sent: p.at, at });
  };
  cdp.on('Network.loadingFinished', (e: Protocol.Network.LoadingFinishedEvent) => finish(e.requestId, e.timestamp, e.encodedDataLength, false));
  cdp.on('Network.loadingFailed', (e: Protocol.Network.LoadingFailedEvent) => finish(e.requestId, e.timestamp, 0, true));
  await cdp.send('Network.enable');

  return {
    async settled(readyMs) {
      const bound = Date.now() + SETTLE_BOUND_MS;
      while ((pending.size > 0 || Date.now() - lastActivity < QUIET_MS) && Date.now() < bound) await new Promise((r) => setTimeout(r, 100));
      return done.map(({ sent, at, ...r }) => {
        const finishedMs = (at - origin) * 1000;
        return { ...r, startedMs: (sent - origin) * 1000, finishedMs, beforeReady: finishedMs <= readyMs };
      });
    },
  };
}

/** Bytes and requests per kind, of the requests that pass `keep`. */
export function byKind(requests: WireRequest[], keep: (r: WireRequest) => boolean = () => true): Record<Kind, { count: number; bytes: number }> {
  const out = Object.fromEntries(KINDS.map((k) => [k, { count: 0, bytes: 0 }])) as Record<Kind, { count: number; bytes: number }>;
  for (const r of requests.filter(keep)) {
    out[r.kind].count++;
    out[r.kind].bytes += r.bytes;
  }
  return out;
}
