/**
 * The fault server as the widget's tests will use it: started from Chromium
 * through test/server/wtr-plugin.mjs, on another site (127.0.0.1) than the
 * test page (localhost). Part of the main browser suite (`npm test`).
 */
import { expect } from '@open-wc/testing';
import { startApiServer, type ApiServer } from './client.ts';
import { waitFor } from '../support/wait.ts';

const PNG_1X1 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const METRICS = { format: 'co-design-metrics', version: 1, engagedMs: 1500, visibleMs: 2000, wallMs: 3000, tools: [], strokes: 1, undos: 0, redos: 0, sessions: 1, firstStrokeMs: 700 };

const submission = () => ({
  format: 'co-design-submission',
  version: 1,
  draft: 'draftA',
  design: {
    format: 'co-design-document',
    version: 1,
    template: { id: 'roadster', version: '1' },
    meta: { created: '2026-01-01T00:00:00Z', updated: '2026-01-01T00:00:00Z' },
    views: [{ view: 'side', layers: [] }],
  },
  previews: [{ view: 'side', png: PNG_1X1 }],
  author: { name: 'Ada' },
  consent: { termsVersion: '1', licence: 'Licence text', acceptedAt: '2026-01-01T00:00:00Z' },
  metrics: METRICS,
});

describe('reference backend on cue, from the browser', () => {
  let api: ApiServer;
  afterEach(() => api?.stop());

  it('answers 503, then 429 with a readable Retry-After, loses the reply after committing, then replays: one design', async () => {
    api = await startApiServer({ faults: { designs: [503, { status: 429, retryAfter: 1 }, 'commit-then-drop-connection'] } });
    const body = JSON.stringify(submission());
    const send = () => fetch(`${api.endpoint}/designs`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'browser-key-1' }, body });
    expect((await send()).status).to.equal(503);
    const limited = await send();
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal('1');
    const lost = await send().then(
      () => 'answered',
      (error: unknown) => (error instanceof TypeError ? 'network error' : String(error)),
    );
    expect(lost).to.equal('network error');
    const replay = await send();
    expect(replay.status).to.equal(201);
    expect(replay.headers.get('idempotent-replayed')).to.equal('true');
    expect((await api.state()).designs).to.have.length(1);
  });

  it('receives a text/plain beacon across sites with its figures', async () => {
    api = await startApiServer();
    const report = { format: 'co-design-metrics-report', version: 1, draft: 'draftA', session: 's1', seq: 1, template: { id: 'roadster', version: '1' }, sent: '2026-01-01T00:00:00Z', current: METRICS, total: METRICS, submitted: false };
    expect(navigator.sendBeacon(`${api.endpoint}/metrics`, JSON.stringify(report))).to.equal(true);
    const state = await waitFor(async () => {
      const now = await api.state();
      return now.reports.length > 0 ? now : null;
    }, 'the beacon at the backend');
    expect(state.reports.map((r) => [r.session, r.total.engagedMs])).to.deep.equal([['s1', 1500]]);
  });
});
