import { expect } from '@open-wc/testing';
import { createDocument } from '../../src/document/create.ts';
import { duration } from '../../src/dashboard/format.ts';
import type { Metrics } from '../../src/protocol/metrics.ts';
import type { CampaignStats } from '../../src/protocol/submission.ts';
import { inShadow, Page, startSite } from './support.ts';
import { bytesToBase64 } from '../../src/security/data-url.ts';

const board = (selector: string) => inShadow('co-design-dashboard', selector);

function metrics(engagedMs: number, strokes: number): Metrics {
  const pencil = Math.round(engagedMs * 0.75);
  return {
    format: 'co-design-metrics',
    version: 1,
    engagedMs,
    visibleMs: engagedMs * 2,
    wallMs: engagedMs * 3,
    tools: [
      { tool: 'pencil', engagedMs: pencil, visibleMs: pencil * 2, wallMs: pencil * 3 },
      { tool: 'spray', engagedMs: engagedMs - pencil, visibleMs: (engagedMs - pencil) * 2, wallMs: (engagedMs - pencil) * 3 },
    ],
    strokes,
    undos: 0,
    redos: 0,
    sessions: 1,
    firstStrokeMs: strokes ? 1000 : null,
  };
}

async function pngBase64(): Promise<string> {
  const canvas = new OffscreenCanvas(64, 32);
  canvas.getContext('2d')!.fillRect(0, 0, 64, 32);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  return bytesToBase64(bytes);
}

describe('/dashboard', () => {
  let page: Page | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('draws the engaged-time histogram, the funnel and time per tool from the real /stats', async function () {
    this.timeout(60_000);
    site = await startSite();
    const api = site.endpoint;
    // Six drafts across the buckets: three only opened, two drew, one submitted.
    const engaged = [4_000, 20_000, 45_000, 90_000, 400_000, 3 * 3600_000];
    for (const [i, ms] of engaged.entries()) {
      const report = {
        format: 'co-design-metrics-report',
        version: 1,
        draft: `dashdraft${i}`,
        session: `dashsession${i}`,
        seq: 1,
        template: { id: 'roadster', version: '1' },
        sent: new Date().toISOString(),
        current: metrics(ms, i >= 3 ? 4 : 0),
        total: metrics(ms, i >= 3 ? 4 : 0),
        submitted: false,
      };
      const res = await fetch(`${api}/metrics`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(report) });
      expect(res.status).to.equal(204);
    }
    const png = await pngBase64();
    const submission = {
      format: 'co-design-submission',
      version: 1,
      draft: 'dashdraft5',
      design: createDocument({ id: 'roadster', version: '1', viewIds: ['side', 'top'] }, new Date()),
      previews: [
        { view: 'side', png },
        { view: 'top', png },
      ],
      author: { name: 'Grace' },
      consent: { termsVersion: '2026-11', licence: 'Licence', acceptedAt: new Date().toISOString() },
      metrics: metrics(engaged[5], 4),
    };
    const sent = await fetch(`${api}/designs`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'dashboard-test-1' }, body: JSON.stringify(submission) });
    expect(sent.status).to.equal(201);

    page = await Page.open(`${site.origin}/dashboard`);
    await page.fill(board('input[name="token"]'), 'not-the-token');
    await page.clickOn(board('.sign-in button[type="submit"]'));
    await page.waitFor(`${board('.sign-in [role="alert"]')}?.textContent === 'That token was refused.'`, 'a wrong token refused');
    expect(await page.eval(`sessionStorage.getItem('co-design-dashboard-token')`)).to.equal(null);
    await page.fill(board('input[name="token"]'), site.adminToken);
    await page.clickOn(board('.sign-in button[type="submit"]'));
    await page.waitFor(board('.histogram rect.bar'), 'the histogram');
    const stats = await page.eval<CampaignStats>(`fetch('/api/stats', { headers: { Authorization: 'Bearer ${site.adminToken}' } }).then((r) => r.json())`);
    expect(stats.funnel).to.deep.equal({ opened: 6, drew: 3, submitted: 1 });

    // One bar per bucket, each carrying its count, heights in proportion.
    const bars = await page.eval<Array<{ drafts: number; height: number }>>(
      `[...${board('.histogram')}.querySelectorAll('rect.bar')].map((r) => ({ drafts: Number(r.dataset.drafts), height: Number(r.getAttribute('height')) }))`,
    );
    expect(bars.length).to.equal(stats.engaged.buckets.length);
    expect(bars.map((b) => b.drafts)).to.deep.equal(stats.engaged.buckets.map((b) => b.drafts));
    const unit = bars.find((b) => b.drafts === 1)!.height;
    for (const bar of bars) expect(bar.height).to.be.closeTo(bar.drafts * unit, 0.01);
    expect(await page.eval(`${board('.median')}.textContent`)).to.equal(duration(stats.engaged.medianMs));
    expect(await page.eval(`${board('.p90')}.textContent`)).to.equal(duration(stats.engaged.p90Ms));

    // The funnel shows its numbers, with each step's share of the opened drafts.
    const steps = await page.eval<string[]>(`[...${board('.funnel')}.querySelectorAll('.step .value')].map((t) => t.textContent)`);
    expect(steps).to.deep.equal(['6 (100%)', '3 (50%)', '1 (17%)']);
    const widths = await page.eval<number[]>(`[...${board('.funnel')}.querySelectorAll('.step rect')].map((r) => Number(r.getAttribute('width')))`);
    expect(widths[1] / widths[0]).to.be.closeTo(0.5, 0.01);

    // Time per tool: one bar per tool the stats name, longest first.
    const tools = await page.eval<string[]>(`[...${board('.tools')}.querySelectorAll('g.tool')].map((g) => g.dataset.tool)`);
    expect(tools).to.deep.equal(stats.tools.map((t) => t.tool));
    expect(await page.eval(`${board('.histogram')}.getAttribute('role')`)).to.equal('img');
    expect(await page.eval(`${board('.funnel')}.getAttribute('aria-label')`)).to.equal('Funnel: Opened 6, Drew 3, Submitted 1.');
  });
});
