import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { createStore } from 'idb-keyval';
import { createDocument } from '../../src/document/create.ts';
import { emptyMetrics } from '../../src/metrics/figures.ts';
import { connectStudio, type BridgeDraft, type MetricsReport, type StudioConnection } from '../../src/parent/index.ts';
import { keepDraft, readKeptDraft } from '../../src/parent/drafts.ts';
import { loadTemplate } from '../../src/template/load.ts';
import { geometry } from '../support/geometry.ts';
import type { Pt } from '../support/studio.ts';
import { hideAndShow } from '../support/visibility.ts';
import { ask, envelope, frameUrl, STUDIO, waitFor } from './support.ts';

interface Heard {
  metrics: MetricsReport[];
  errors: Array<{ code: string; message: string; re?: string }>;
  /** Every `metrics` message the frame posted, seen before the helper's own checks. */
  wire: unknown[];
}

/** The studio on its own site, in an iframe at the top of this page, connected with the parent helper. */
async function connect(params: Record<string, string>, metrics?: 'on' | 'off') {
  const heard: Heard = { metrics: [], errors: [], wire: [] };
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'border:0;display:block;width:780px;height:150px';
  const onWire = (e: MessageEvent) => e.source === iframe.contentWindow && e.data?.type === 'metrics' && heard.wire.push(e.data);
  addEventListener('message', onWire);
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const studio: StudioConnection = connectStudio(iframe, {
    origin: STUDIO,
    ...(metrics ? { metrics } : {}),
    onReady: () => ready(),
    onMetrics: (m) => heard.metrics.push(m),
    onError: (e) => heard.errors.push(e),
  });
  iframe.src = frameUrl(STUDIO, { key: `switch-${Math.random().toString(36).slice(2, 8)}`, width: '760', height: '460', ...params });
  document.body.prepend(iframe);
  await isReady;
  const close = () => (studio.disconnect(), iframe.remove(), removeEventListener('message', onWire));
  return { iframe, studio, heard, close };
}

/** One stroke with the real mouse in the studio inside the cross-site frame, at its place in this page. */
async function paint(iframe: HTMLIFrameElement, dy: number): Promise<void> {
  const state = await ask(iframe);
  const frame = iframe.getBoundingClientRect();
  const c = geometry((await loadTemplate('/templates/roadster.json')).manifest.views[0]).centre(20);
  const [z, , , , tx, ty] = state.canvas!.vpt;
  const at = ([x, y]: Pt): [number, number] => [Math.round(frame.left + state.canvas!.left + x * z + tx), Math.round(frame.top + state.canvas!.top + (y + dy) * z + ty)];
  await sendMouse({ type: 'move', position: at(c) });
  await sendMouse({ type: 'down' });
  await sendMouse({ type: 'move', position: at([c[0] + 60, c[1] + 10]) });
  await sendMouse({ type: 'move', position: at([c[0] + 140, c[1]]) });
  await sendMouse({ type: 'up' });
}

describe('the metrics switch across the iframe bridge', () => {
  let close: (() => void) | undefined;
  afterEach(() => {
    close?.();
    close = undefined;
  });

  it('connectStudio({ metrics: "off" }) keeps the framed studio from measuring; setMetrics("on") starts a fresh session', async function () {
    this.timeout(90_000);
    const c = await connect({ wiring: 'element' }, 'off');
    close = c.close;
    const { iframe, studio, heard } = c;
    await waitFor(() => ask(iframe).then((s) => s.metrics === 'off' && s.notice.keeper === 'device' && s.canvas), 'the switch applied in the frame');
    await paint(iframe, 0);
    await waitFor(() => ask(iframe).then((s) => s.notice.status === 'Saved on this device'), 'the draft kept in the frame');

    await hideAndShow();
    // The frame answers after its own hide was handled: anything posted then would have arrived before this answer.
    const hidden = await waitFor(() => ask(iframe).then((s) => (s.hides >= 1 ? s : null)), 'the frame saw its page hidden');
    expect(hidden.flushes, 'no co-design-metrics in the frame').to.deep.equal([]);
    expect(heard.wire, 'no metrics message left the frame').to.deep.equal([]);
    expect(heard.metrics).to.deep.equal([]);

    const switchedFrom = performance.now();
    await studio.setMetrics('on');
    expect((await ask(iframe)).metrics).to.equal('on');
    await paint(iframe, 40);
    await hideAndShow();
    const report = await waitFor(() => heard.metrics[0], 'the report after the switch');
    const elapsed = Math.ceil(performance.now() - switchedFrom);
    expect([report.current.strokes, report.current.sessions], 'only the stroke after the switch').to.deep.equal([1, 1]);
    expect(report.current.engagedMs).to.be.greaterThan(0);
    expect(report.current.wallMs).to.be.at.most(elapsed);
    expect([report.total.strokes, report.total.sessions]).to.deep.equal([1, 1]);
    expect(heard.wire).to.have.length(heard.metrics.length);
    expect(heard.errors).to.deep.equal([]);
  });

  it('checks the switch on both sides: a TypeError in the host page, bridge-invalid from the frame', async function () {
    this.timeout(60_000);
    const c = await connect({ metrics: 'off' });
    close = c.close;
    const { iframe, studio, heard } = c;
    expect((await ask(iframe)).metrics, 'set from the iframe’s URL by the frame’s page').to.equal('off');
    expect(() => studio.setMetrics('yes' as never)).to.throw(TypeError, /"on" or "off"/);
    expect(() => connectStudio(document.createElement('iframe'), { origin: STUDIO, metrics: 'maybe' as never })).to.throw(TypeError);

    // Past the helper's check, by hand: the frame refuses the message and stays off.
    iframe.contentWindow!.postMessage(envelope('set-metrics', { metrics: 'yes' }, 'badswitch1'), STUDIO);
    const refusal = await waitFor(() => heard.errors.find((e) => e.re === 'badswitch1'), 'the frame’s refusal');
    expect(refusal.code).to.equal('bridge-invalid');
    expect(refusal.message).to.equal('set-metrics: metrics: expected "on" or "off"');
    expect((await ask(iframe)).metrics).to.equal('off');

    await studio.setMetrics('on');
    expect((await ask(iframe)).metrics).to.equal('on');
  });

  it('keeps the figures of a kept draft when the frame sends none (its time on task is off)', async () => {
    const store = createStore(`switch-kept-${Math.random().toString(36).slice(2, 8)}`, 'drafts');
    const design = createDocument({ id: 'roadster', version: '1', viewIds: ['side', 'top'] });
    const draft = (name: string, metrics: BridgeDraft['metrics']): BridgeDraft => ({
      format: 'co-design-bridge-draft',
      version: 1,
      id: 'keptdraft',
      template: { id: 'roadster', version: '1' },
      key: 'k',
      name,
      updated: new Date().toISOString(),
      view: 'side',
      design,
      metrics,
    });
    const earlier = { ...emptyMetrics(), engagedMs: 1000, visibleMs: 2000, wallMs: 3000, strokes: 4, sessions: 1 };
    await keepDraft(STUDIO, draft('first', earlier), store);
    await keepDraft(STUDIO, draft('second', null), store);
    const kept = await readKeptDraft(STUDIO, 'roadster', 'k', store);
    expect([kept?.name, kept?.metrics]).to.deep.equal(['second', earlier]);
    const later = { ...earlier, strokes: 5, sessions: 2 };
    await keepDraft(STUDIO, draft('third', later), store);
    expect((await readKeptDraft(STUDIO, 'roadster', 'k', store))?.metrics).to.deep.equal(later);
  });
});
