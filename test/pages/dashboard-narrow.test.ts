import { expect } from '@open-wc/testing';
import type { Metrics } from '../../src/protocol/metrics.ts';
import { controlsOffScreen, expectNoViolationsIn, overflowX, overlappingControls } from '../campaign/support.ts';
import { inShadow, Page, startSite } from './support.ts';

const board = (selector: string) => inShadow('co-design-dashboard', selector);

function metrics(engagedMs: number): Metrics {
  return {
    format: 'co-design-metrics',
    version: 1,
    engagedMs,
    visibleMs: engagedMs,
    wallMs: engagedMs,
    tools: [{ tool: 'eyedropper', engagedMs, visibleMs: engagedMs, wallMs: engagedMs }],
    strokes: 3,
    undos: 0,
    redos: 0,
    sessions: 1,
    firstStrokeMs: 1000,
  };
}

/** Pairs of a chart's texts whose boxes on screen overlap, by their text; the boxes of every chart's labels. */
const OVERLAPS = `[...${board('.figures')}.querySelectorAll('svg.chart')].flatMap((chart) => {
  const boxes = [...chart.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => [t.textContent, t.getBoundingClientRect()]);
  const out = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, p] = boxes[i];
      const [b, q] = boxes[j];
      if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(a + ' × ' + b);
    }
  return out;
})`;

describe('/dashboard at 390 px', () => {
  let page: Page | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('holds: no horizontal scroll, and no chart label over another, with a draft in every bucket', async function () {
    this.timeout(60_000);
    site = await startSite();
    // A draft in most of the eleven buckets, more in the middle: the median and the 90th percentile fall close.
    const engaged = [
      5e3, 20e3, 45e3, 90e3, 90e3, 200e3, 200e3, 400e3, 400e3, 400e3, 1000e3, 2400e3, 5000e3, 9000e3, 20000e3,
    ];
    for (const [i, ms] of engaged.entries()) {
      const report = {
        format: 'co-design-metrics-report',
        version: 1,
        draft: `narrowdraft${i}`,
        session: `narrowsession${i}`,
        seq: 1,
        template: { id: 'roadster', version: '1' },
        sent: new Date().toISOString(),
        current: metrics(ms),
        total: metrics(ms),
        submitted: false,
      };
      const res = await fetch(`${site.endpoint}/metrics`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain' },
        body: JSON.stringify(report),
      });
      expect(res.status).to.equal(204);
    }
    page = await Page.open(`${site.origin}/dashboard`, { width: 390, height: 844 });
    await page.fill(board('input[name="token"]'), site.adminToken);
    await page.clickOn(board('.sign-in button[type="submit"]'));
    await page.waitFor(`${board('.histogram rect.bar')} && ${board('.tools g.tool')}`, 'the charts');
    const ticks = await page.eval<number>(`${board('.histogram')}.querySelectorAll('text.tick').length`);
    expect(ticks, 'a label per bucket (eleven) and two on the axis').to.equal(13);
    expect(await page.eval<string[]>(OVERLAPS)).to.deep.equal([]);
    expect(await overflowX(page)).to.be.at.most(0);
    expect(await overlappingControls(page)).to.deep.equal([]);
    expect(await controlsOffScreen(page)).to.deep.equal([]);
    await expectNoViolationsIn(page, `document.querySelector('co-design-dashboard')`, 'the charts at 390 px');
  });
});
