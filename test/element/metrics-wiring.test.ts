import { expect } from '@open-wc/testing';
import type { CoDesignMetricsEvent } from '../../src/element/events/metrics.ts';
import { cdp } from '../support/cdp.ts';
import { nextSave, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, type TestStudio } from '../support/studio.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { waitFor } from '../support/wait.ts';

async function hideAndShow(): Promise<void> {
  // Minimising the window is what really flips visibilityState in headless Chromium (docs/metrics.md).
  const { windowId } = await cdp<{ windowId: number }>({ method: 'Browser.getWindowForTarget' });
  await cdp({ method: 'Browser.setWindowBounds', params: { windowId, bounds: { windowState: 'minimized' } } });
  await waitFor(() => document.visibilityState === 'hidden', 'the page hidden');
  await cdp({ method: 'Browser.setWindowBounds', params: { windowId, bounds: { windowState: 'normal' } } });
  await waitFor(() => document.visibilityState === 'visible', 'the page visible again');
}

describe('<co-design-studio> time on task, wired', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    await api?.stop();
  });

  it('on hide: fires co-design-metrics, beacons the figures to {endpoint}/metrics, and keeps them with the draft', async function () {
    this.timeout(30_000);
    api = await startApiServer();
    const key = uniqueKey('metrics');
    s = await mountStudio({ draftKey: key });
    s.el.setAttribute('endpoint', api.endpoint);
    const flushes: CoDesignMetricsEvent[] = [];
    s.el.addEventListener('co-design-metrics', (e) => flushes.push(e));
    const p = geometry(s.editor.manifest!.views[0]).centre(20);
    await s.tool('pencil');
    const saved = nextSave(s.el);
    await s.drag([p, [p[0] + 80, p[1]]], { steps: 6 });
    await s.drag([p, [p[0], p[1] + 50]], { steps: 6 });
    const { draft } = await saved;
    await hideAndShow();

    const hidden = await waitFor(() => flushes.find((f) => f.reason === 'hidden'), 'a co-design-metrics event on hide');
    expect(hidden.current.strokes).to.equal(2);
    expect(hidden.current.engagedMs).to.be.greaterThan(0);
    expect(hidden.current.tools.find((t) => t.tool === 'pencil')?.engagedMs ?? 0).to.be.greaterThan(0);

    const report = await waitFor(async () => (await api!.state()).reports.find((r) => r.draft === draft), 'the beacon at the backend');
    expect(report.current.strokes).to.equal(2);
    expect(report.template.id).to.equal('roadster');
    expect(report.current.engagedMs).to.equal(hidden.current.engagedMs);

    // A second visit adds to the same draft's total.
    s.remove();
    s = await mountStudio({ draftKey: key });
    const total = (s.el as unknown as { parts: { timeOnTask: { total(): { sessions: number; strokes: number } } } }).parts.timeOnTask.total();
    expect(total.sessions).to.equal(2);
    expect(total.strokes).to.equal(2);
  });
});

describe('<co-design-studio> time on task across drafts', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  const totalOf = (t: TestStudio) =>
    (t.el as unknown as { parts: { timeOnTask: { total(): { strokes: number; sessions: number } } } }).parts.timeOnTask.total();
  const item = (t: TestStudio, id: string) => t.el.shadowRoot!.querySelector<HTMLElement>(`.draft[data-draft="${id}"]`);

  it('counts each draft on from its own total when the customer switches drafts in the list', async function () {
    this.timeout(40_000);
    s = await mountStudio({ draftKey: uniqueKey('metrics-switch') });
    const p = geometry(s.editor.manifest!.views[0]).centre(20);
    await s.tool('pencil');
    const savedA = nextSave(s.el);
    await s.drag([p, [p[0] + 80, p[1]]], { steps: 6 });
    await s.drag([p, [p[0], p[1] + 50]], { steps: 6 });
    const { draft: a } = await savedA;
    await waitFor(() => totalOf(s!).strokes === 2, 'two strokes counted for the first draft');

    // A new design from the drafts list starts from nothing: the first draft's strokes stay with it.
    await clickIn(s.shadow('[data-action="drafts"]'));
    const savedB = nextSave(s.el);
    await clickIn(await waitFor(() => s!.el.shadowRoot!.querySelector('dialog.drafts[open] [data-action="new-draft"]'), 'the drafts list'));
    const { draft: b } = await savedB;
    expect(b).to.not.equal(a);
    expect(totalOf(s).strokes, 'a new draft has no strokes of the one before').to.equal(0);
    const savedB2 = nextSave(s.el);
    await s.tool('pencil');
    await s.drag([p, [p[0] + 60, p[1] + 20]], { steps: 6 });
    await savedB2;
    expect(totalOf(s).strokes).to.equal(1);

    // Back to the first draft: it counts on from its own two strokes, not the new draft's one.
    await clickIn(s.shadow('[data-action="drafts"]'));
    const open = await waitFor(() => item(s!, a)?.querySelector<HTMLElement>('[data-action="open-draft"]'), 'the first draft in the list');
    await clickIn(open);
    const marks = () => s!.editor.design.views.flatMap((v) => v.layers).reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);
    await waitFor(() => !s!.el.shadowRoot!.querySelector('dialog.drafts[open]') && marks() === 2, 'the first draft on screen');
    await waitFor(() => totalOf(s!).strokes === 2, () => `the first draft's own two strokes (counted ${totalOf(s!).strokes})`);
  });
});
