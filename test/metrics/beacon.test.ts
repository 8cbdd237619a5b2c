import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { MetricsController } from '../../src/metrics/controller.ts';
import { emptyMetrics } from '../../src/metrics/time-on-task.ts';
import type { MetricsReport } from '../../src/protocol/metrics.ts';
import { beaconBody, MAX_BEACON_BYTES, sendMetricsBeacon } from '../../src/transport/beacon.ts';
import { cdp } from '../support/cdp.ts';
import { bareHost } from './host.ts';
import { waitFor } from '../support/wait.ts';
import { elapse } from './timeline.ts';

// Served by test/support/metrics-plugin.mjs (register it in web-test-runner.config.mjs).
const URL_ = '/__metrics-beacon';
type Received = { type: string; body: string };

/** What the server received since the last call: at least `count` beacons, waited for. */
async function received(count: number): Promise<Received[]> {
  const got: Received[] = [];
  const drained = async () => got.push(...((await executeServerCommand('metrics-beacons')) as Received[])) >= count;
  await waitFor(drained, `${count} beacon(s) at the server`, 10_000, 100);
  return got;
}

function report(over: Partial<MetricsReport> = {}): MetricsReport {
  const tools = (['pencil', 'spray', 'marker', 'eraser', 'fill', 'text', 'shape', 'image', 'sticker', 'select'] as const).map((tool, i) => ({ tool, engagedMs: i * 10, visibleMs: i * 20, wallMs: i * 30 }));
  const m = { ...emptyMetrics(), engagedMs: 450, visibleMs: 900, wallMs: 1350, sessions: 1, tools };
  return { format: 'co-design-metrics-report', version: 1, draft: 'd', session: 's', seq: 1, template: { id: 'roadster', version: '1' }, sent: new Date().toISOString(), current: m, total: m, submitted: false, ...over };
}

describe('metrics beacon', () => {
  it('queues a text/plain JSON report that the server receives as sent', async () => {
    await received(0);
    const r = report();
    expect(sendMetricsBeacon(URL_, r)).to.equal(true);
    const [got] = await received(1);
    expect(got.type).to.match(/^text\/plain/);
    expect(JSON.parse(got.body)).to.deep.equal(r);
  });

  it('trims per-tool rows, least engaged first, to stay under 60 KiB, and refuses what cannot fit', () => {
    const big = report({ draft: 'x'.repeat(MAX_BEACON_BYTES - 1500) });
    const body = beaconBody(big)!;
    expect(new TextEncoder().encode(body).length).to.be.lessThan(MAX_BEACON_BYTES);
    const parsed = JSON.parse(body) as MetricsReport;
    expect(parsed.total.tools.length).to.be.lessThan(10);
    expect(parsed.total.tools[0].tool).to.equal('select');
    expect(parsed.total.engagedMs, 'totals are never trimmed').to.equal(450);
    const huge = report({ draft: 'x'.repeat(MAX_BEACON_BYTES) });
    expect(beaconBody(huge)).to.equal(undefined);
    expect(sendMetricsBeacon(URL_, huge)).to.equal(false);
    expect(sendMetricsBeacon('javascript:alert(1)', report())).to.equal(false);
  });

  it('sends one on hide, with the figures of that moment', async function () {
    this.timeout(20_000);
    await received(0);
    const { host, connect, disconnect } = bareHost();
    let sentAt: MetricsReport | undefined;
    const ctrl: MetricsController = new MetricsController(host, {
      flushInterval: 0,
      onFlush: ({ reason }) => {
        if (reason !== 'hidden') return;
        sentAt = ctrl.report({ draft: 'd1', template: { id: 'roadster', version: '1' }, submitted: false });
        sendMetricsBeacon(URL_, sentAt);
      },
    });
    connect();
    try {
      // The session: 300 ms on the page, then hidden (its wall time is checked below).
      await elapse(300);
      const { windowId } = await cdp<{ windowId: number }>({ method: 'Browser.getWindowForTarget' });
      await cdp({ method: 'Browser.setWindowBounds', params: { windowId, bounds: { windowState: 'minimized' } } });
      await waitFor(() => document.visibilityState === 'hidden', 'the page hidden');
      await cdp({ method: 'Browser.setWindowBounds', params: { windowId, bounds: { windowState: 'normal' } } });
      await waitFor(() => document.visibilityState === 'visible', 'the page visible again');
      const got = await received(1);
      expect(got).to.have.length(1);
      const r = JSON.parse(got[0].body) as MetricsReport;
      expect(r).to.deep.equal(sentAt);
      expect([r.draft, r.seq, r.current.sessions]).to.deep.equal(['d1', 1, 1]);
      expect(r.current.wallMs).to.be.within(250, 2000);
    } finally {
      disconnect();
    }
  });
});
