import { expect } from '@open-wc/testing';
import { get } from 'idb-keyval';
import type { CoDesignMetricsEvent } from '../../src/element/events/metrics.ts';
import type { Metrics } from '../../src/protocol/metrics.ts';
import type { Submission } from '../../src/protocol/submission.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { draftsStore, nextSave, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, submitDialog, type TestStudio } from '../support/studio.ts';
import { hideAndShow } from '../support/visibility.ts';
import { waitFor } from '../support/wait.ts';

/** One pencil stroke with the real mouse, `dy` design units below the view's centre. */
async function stroke(s: TestStudio, dy: number): Promise<void> {
  const p = geometry(s.editor.manifest!.views[0]).centre(20);
  await s.drag([[p[0], p[1] + dy], [p[0] + 90, p[1] + dy + 10]], { steps: 6 });
}

/** Submits through the studio's own dialog with real clicks; resolves with what was posted, once the backend stored it. */
async function submitByHand(s: TestStudio): Promise<Submission> {
  const posted: Submission[] = [];
  s.el.addEventListener('co-design-submit', (e) => posted.push(e.submission), { once: true });
  const stored = new Promise((resolve) => s.el.addEventListener('co-design-submitted', resolve, { once: true }));
  await clickIn(s.shadow('[data-action="submit"]'));
  const dialog = await submitDialog(s.el);
  await clickIn(dialog.querySelector('input[name="consent"]')!);
  await waitFor(() => dialog.querySelector<HTMLInputElement>('input[name="consent"]')!.checked, 'the consent ticked');
  await clickIn(dialog.querySelector('[data-action="send"]')!);
  await stored;
  // The customer closes the dialog once it says the design was sent.
  const close = await waitFor(() => (/Sent!/.test(dialog.querySelector('.submit-status')!.textContent ?? '') ? dialog.querySelector('[data-action="cancel-submit"]') : null), 'Sent!');
  await clickIn(close);
  await waitFor(() => !dialog.open, 'the dialog closed');
  return posted[0];
}

describe('<co-design-studio metrics="off">', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    s = undefined;
    await api?.stop();
    api = undefined;
  });

  it('paints, saves and submits, but measures, keeps and sends no time on task; switched on, counts only what follows', async function () {
    this.timeout(60_000);
    api = await startApiServer();
    s = await mountStudio({ draftKey: uniqueKey('privacy'), attributes: { metrics: 'off' } });
    s.el.setAttribute('endpoint', api.endpoint);
    s.el.author = 'Ada';
    const flushes: Array<{ event: CoDesignMetricsEvent; at: number }> = [];
    s.el.addEventListener('co-design-metrics', (event) => flushes.push({ event, at: performance.now() }));
    let hides = 0;
    const countHide = () => document.visibilityState === 'hidden' && hides++;
    document.addEventListener('visibilitychange', countHide);

    try {
      await s.tool('pencil');
      const saved = nextSave(s.el);
      await stroke(s, 0);
      await stroke(s, 30);
      // Drafts are what the customer asked for: they keep working.
      const { draft } = await saved;
      const submission = await submitByHand(s);
      expect(submission.draft).to.equal(draft);
      expect('metrics' in submission, 'the submission carries no figures').to.equal(false);

      await hideAndShow();
      expect(hides, 'the page was hidden while the studio listened').to.equal(1);
      expect(flushes, 'no co-design-metrics').to.deep.equal([]);
      let server = await api.state();
      expect(server.requests.filter((r) => r === 'POST /api/designs'), 'the submission reached the server').to.have.length(1);
      expect(server.designs.map((d) => [d.draft, d.metrics])).to.deep.equal([[draft, null]]);
      expect(await get(['metrics', draft], draftsStore()), 'no figures in IndexedDB').to.equal(undefined);
      expect(((await get(['body', draft], draftsStore())) as { metrics: unknown }).metrics).to.equal(null);

      // The visitor consents: a fresh session from here on.
      const switchedAt = performance.now();
      s.el.metrics = 'on';
      await s.el.updateComplete;
      await stroke(s, 60);
      await hideAndShow();
      expect(hides).to.equal(2);
      const hidden = flushes.find((f) => f.event.reason === 'hidden');
      expect(hidden, 'co-design-metrics on hide, once switched on').to.not.equal(undefined);
      // Figures are whole ms, rounded.
      const elapsed = Math.ceil(hidden!.at - switchedAt);
      const { current, total } = hidden!.event;
      expect([current.strokes, current.sessions], 'only the stroke after the switch').to.deep.equal([1, 1]);
      expect(current.engagedMs).to.be.greaterThan(0);
      expect(current.engagedMs).to.be.at.most(elapsed);
      expect(current.wallMs).to.be.at.most(elapsed);
      expect([total.strokes, total.sessions, total.wallMs], 'nothing from before the switch in the total').to.deep.equal([1, 1, current.wallMs]);

      const report = await waitFor(() => api!.state().then((st) => st.reports.find((r) => r.draft === draft)), 'the beacon at the server');
      expect(report.current.strokes).to.equal(1);
      expect(report.current.engagedMs).to.equal(current.engagedMs);
      expect(report.total.strokes).to.equal(1);
      server = await api.state();
      // Every metrics request the server ever got is a report of the session after the switch.
      expect(server.requests.filter((r) => r === 'POST /api/metrics')).to.have.length(server.accepted);
      expect(new Set(server.reports.map((r) => r.session))).to.deep.equal(new Set([report.session]));
      const kept = await waitFor(() => get<Metrics>(['metrics', draft], draftsStore()), 'the figures kept with the draft');
      expect([kept.strokes, kept.sessions]).to.deep.equal([1, 1]);
    } finally {
      document.removeEventListener('visibilitychange', countHide);
    }
  });
});
