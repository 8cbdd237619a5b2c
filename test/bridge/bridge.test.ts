import { expect } from '@open-wc/testing';
import { parseDesign } from '../../src/document/validate.ts';
import { connectStudio, type MetricsReport, type ReadyPayload, type StudioConnection, type Submission } from '../../src/parent/index.ts';
import { markCount } from '../fixtures/bridge/ask.ts';
import { ask, embed, envelope, frameUrl, HOST, OTHER, STUDIO, waitFor } from './support.ts';

interface Heard {
  ready: ReadyPayload[];
  heights: number[];
  errors: Array<{ code: string; message: string; re?: string }>;
  submissions: Submission[];
  metrics: MetricsReport[];
}

/** The studio on its own site in an iframe of this page, connected with the parent helper. */
async function connect(params: Record<string, string> = {}): Promise<{ iframe: HTMLIFrameElement; studio: StudioConnection; heard: Heard }> {
  const heard: Heard = { ready: [], heights: [], errors: [], submissions: [], metrics: [] };
  const iframe = document.createElement('iframe');
  iframe.style.cssText = 'border:0;display:block;width:920px;height:150px';
  iframe.src = frameUrl(STUDIO, params);
  const studio = connectStudio(iframe, {
    origin: STUDIO,
    onReady: (r) => heard.ready.push(r),
    onHeight: (h) => heard.heights.push(h),
    onError: (e) => heard.errors.push(e),
    onSubmission: (s) => void heard.submissions.push(s),
    onMetrics: (m) => heard.metrics.push(m),
  });
  document.body.append(iframe);
  await waitFor(() => heard.ready.length, 'the studio’s ready', 15_000);
  return { iframe, studio, heard };
}

/**
 * Every bridge-shaped message this page receives from now on: what a test
 * that expects the parent helper to ignore some checks arrived first. The
 * helper's listener was added before this one, so it has seen each of them.
 */
function listenToPage(): { seen: Array<{ source: MessageEventSource | null; origin: string; type: string; id: string }>; stop(): void } {
  const seen: Array<{ source: MessageEventSource | null; origin: string; type: string; id: string }> = [];
  const listen = (e: MessageEvent) => e.data?.source === 'co-design-studio' && seen.push({ source: e.source, origin: e.origin, type: e.data.type, id: String(e.data.id) });
  addEventListener('message', listen);
  return { seen, stop: () => removeEventListener('message', listen) };
}

async function roadsterDesign(): Promise<unknown> {
  return (await fetch('/test/fixtures/designs/roadster-v0.json')).json();
}

describe('co-design-studio/parent ↔ BridgeController across two sites', () => {
  let cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const fn of cleanup) fn();
    cleanup = [];
    for (const iframe of document.querySelectorAll('iframe')) iframe.remove();
  });

  it('runs on two real sites: the test page is localhost, the studio 127.0.0.1', () => {
    expect(location.origin).to.equal(HOST);
  });

  it('sizes the iframe from the studio’s height, takes commands, and receives the submission and metrics', async () => {
    const { iframe, studio, heard } = await connect();
    cleanup.push(() => studio.disconnect());
    expect(heard.ready[0].template.id).to.equal('roadster');
    // Chromium partitions a cross-site frame's storage: it keeps its own drafts.
    expect(heard.ready[0].storage).to.equal('available');
    const height = await waitFor(() => heard.heights.at(-1), 'a height');
    expect(height).to.be.greaterThan(400);
    expect(iframe.style.height).to.equal(`${height}px`);
    expect(Math.round(iframe.getBoundingClientRect().height)).to.equal(height);

    await studio.setAuthor('Ada Lovelace');
    await studio.setParticipant('cdsp1.payload.signature');
    await studio.loadDesign(parseDesign(await roadsterDesign()));
    expect((await ask(iframe)).author).to.equal('Ada Lovelace');
    expect((await ask(iframe)).participant, 'the host page signs the customer in through the bridge').to.equal('cdsp1.payload.signature');
    await studio.setParticipant(null);
    expect((await ask(iframe)).participant).to.equal(null);

    await studio.submit();
    const submission = await waitFor(() => heard.submissions[0], 'the submission');
    expect(submission.author.name).to.equal('Ada Lovelace');
    expect(submission.previews.map((p) => p.view)).to.deep.equal(submission.design.views.map((v) => v.view));
    expect(markCount({ design: submission.design })).to.equal(markCount({ design: parseDesign(await roadsterDesign()) }));
    const report = await waitFor(() => heard.metrics[0], 'the metrics report');
    expect(report.submitted).to.equal(true);
    expect(report.template.id).to.equal('roadster');
    expect(heard.errors).to.deep.equal([]);
  });

  it('refuses a design in the host page before it is sent, and the studio’s own refusals come back as rejections', async () => {
    const { studio } = await connect();
    cleanup.push(() => studio.disconnect());
    let refused: unknown;
    await studio.loadDesign({ format: 'co-design-document', version: 1, views: 'nope' } as never).catch((e) => (refused = e));
    expect((refused as { code: string }).code).to.equal('design-invalid');
    // Valid as a document, wrong for this template: only the studio can tell.
    const other = parseDesign(await roadsterDesign());
    other.template.id = 'sneaker';
    refused = undefined;
    await studio.loadDesign(other).catch((e) => (refused = e));
    expect((refused as { code: string }).code).to.match(/template/);
  });

  it('ignores a third frame, and the studio’s iframe once it shows another origin', async () => {
    const { iframe, studio, heard } = await connect();
    cleanup.push(() => studio.disconnect());
    const height = await waitFor(() => heard.heights.at(-1), 'a height');
    const page = listenToPage();
    cleanup.push(() => page.stop());
    // Same origin as the studio, another window: a second studio and a frame posting bridge messages with '*'.
    const second = await embed(frameUrl(STUDIO, { height: '900' }));
    const rogue = await embed(`${STUDIO}/test/fixtures/bridge/rogue.html?to=parent`);
    // The studio's own iframe, navigated to a look-alike: right window, wrong origin.
    iframe.src = frameUrl(OTHER, { height: '900' });
    await waitFor(() => ask(iframe, OTHER).then((s) => s.design, () => null), 'the look-alike studio');
    // Each of them did reach this page: the second studio's and the look-alike's ready, and all ten rounds of the
    // rogue frame's three messages (so nothing more comes from it).
    const from = (w: Window | null, type: string, origin = STUDIO) => page.seen.filter((m) => m.source === w && m.type === type && m.origin === origin).length;
    await waitFor(
      () => from(second.contentWindow, 'ready') > 0 && from(iframe.contentWindow, 'ready', OTHER) > 0 && page.seen.filter((m) => m.source === rogue.contentWindow && m.id.startsWith('rogue')).length === 30,
      () => `every message of the other windows at this page, seen ${JSON.stringify(page.seen.map((m) => `${m.origin} ${m.type}`))}`,
    );
    // Posted for the studio's origin, so the browser drops it at the look-alike: the frame's answer to the ask
    // below is posted after it would have been handled (messages from one window to another keep their order).
    void studio.setAuthor('Grace').catch(() => undefined);
    expect(heard.ready.length, 'ready messages heard').to.equal(1);
    expect(heard.heights.filter((h) => h !== height), 'heights from other windows').to.deep.equal([]);
    expect(heard.errors, 'errors from other windows').to.deep.equal([]);
    expect(iframe.style.height).to.equal(`${height}px`);
    // postMessage with the exact target origin: the browser drops what the look-alike would have read.
    expect((await ask(iframe, OTHER)).author).to.equal(null);
  });

  it('the studio ignores messages from a sibling frame and another site, and refuses invalid ones from its parent with an error', async () => {
    const { iframe, studio, heard } = await connect();
    cleanup.push(() => studio.disconnect());
    // Beside the studio: one frame of the host page's own origin, one of a third site, posting to frames[0].
    await embed(`${HOST}/test/fixtures/bridge/rogue.html?to=sibling&index=0`);
    await embed(`${OTHER}/test/fixtures/bridge/rogue.html?to=sibling&index=0`);
    // They reach the studio's window (its own listener hears what the frame's record shows); the studio decides
    // on each at once, and its answer to the ask is posted after any answer it would have given them.
    const rogueFrom = (origin: string, heardList: Array<{ id: string; origin: string; parent: boolean }>) => heardList.filter((m) => m.id.startsWith('rogue') && m.origin === origin && !m.parent).length;
    const arrived = await waitFor(
      () => ask(iframe).then((s) => (rogueFrom(HOST, s.heard) === 30 && rogueFrom(OTHER, s.heard) === 30 ? s : null)),
      'all rogue messages at the studio’s window',
    );
    expect(heard.errors.filter((e) => e.re?.startsWith('rogue')), 'answers to rogue messages').to.deep.equal([]);
    expect(arrived.author, 'the rogue set-author ignored').to.equal(null);

    // The same messages from the parent itself are heard, and the invalid ones refused.
    const post = (m: unknown) => iframe.contentWindow!.postMessage(m, STUDIO);
    post(envelope('load-design', { design: { format: 'nope' } }, 'badload'));
    post(envelope('set-author', { name: 'x'.repeat(500) }, 'longauthor'));
    post(envelope('set-author', { name: 'Ann', extra: true }, 'extrakey'));
    post(envelope('submit', JSON.parse('{"__proto__": {"polluted": true}}'), 'protokey'));
    post(envelope('load-design', { design: 'x'.repeat(9 * 1024 * 1024) }, 'hugedesign'));
    post(envelope('no-such-type', {}, 'unknowntype'));
    post({ source: 'someone-else', type: 'set-author', payload: { name: 'Nope' } });
    const refusedIds = ['badload', 'longauthor', 'extrakey', 'protokey', 'hugedesign'];
    await waitFor(() => refusedIds.every((id) => heard.errors.some((e) => e.re === id)), 'an error for each invalid message');
    for (const e of heard.errors.filter((x) => refusedIds.includes(x.re!))) expect(e.code).to.equal('bridge-invalid');
    expect(heard.errors.find((e) => e.re === 'badload')!.message).to.match(/design/);
    expect(heard.errors.find((e) => e.re === 'hugedesign')!.message).to.match(/larger than/);
    // The studio decides on each message as it arrives: once its answer to this ask is here, so is any answer to
    // the unknown type and the foreign message posted before it.
    const after = await ask(iframe);
    expect(after.heard.map((m) => m.id), 'the unknown type arrived').to.include('unknowntype');
    expect(heard.errors.some((e) => e.re === 'unknowntype'), 'an unknown type is ignored, not refused').to.equal(false);
    expect(after.author).to.equal(null);
    post(envelope('set-author', { name: 'Ann' }, 'goodauthor'));
    await waitFor(() => ask(iframe).then((s) => s.author === 'Ann'), 'the parent’s own set-author');
  });

  it('the parent refuses an invalid payload from the studio with an error the studio hears', async () => {
    const { iframe, studio, heard } = await connect();
    cleanup.push(() => studio.disconnect());
    await ask(iframe, STUDIO, 'post-invalid');
    const seen = await waitFor(() => ask(iframe).then((s) => s.error), 'the studio hearing the refusal');
    expect(seen.code).to.equal('bridge-invalid');
    expect(heard.errors.map((e) => e.code)).to.include('bridge-invalid');
    expect(heard.submissions).to.deep.equal([]);
  });

  it('refuses to connect without an exact origin', () => {
    const iframe = document.createElement('iframe');
    for (const origin of ['*', '', 'null', 'http://127.0.0.1:1/path', '127.0.0.1', 'javascript:alert(1)']) {
      expect(() => connectStudio(iframe, { origin }), origin).to.throw(TypeError);
    }
  });
});
