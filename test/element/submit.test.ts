import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { submissionSchema } from '../../src/protocol/schema.ts';
import type { CoDesignSubmittedEvent } from '../../src/element/events/submitted.ts';
import { uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, submitDialog, type TestStudio } from '../support/studio.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { watchRequests } from '../support/requests.ts';
import { nextEvent, waitFor } from '../support/wait.ts';

const dialogOpen = (s: TestStudio) => submitDialog(s.el);

/** Ticks the consent box with the real mouse, and waits until it shows ticked. */
async function consent(dialog: HTMLDialogElement): Promise<void> {
  const box = dialog.querySelector<HTMLInputElement>('input[name="consent"]')!;
  await clickIn(box);
  await waitFor(() => box.checked, 'the consent box ticked');
}


async function paint(s: TestStudio): Promise<void> {
  const p = geometry(s.editor.manifest!.views[0]).centre(20);
  await s.tool('pencil');
  await s.drag([p, [p[0] + 100, p[1] + 10]], { steps: 4 });
}

describe('<co-design-studio> submit', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    await api?.stop();
    api = undefined;
  });

  it('shows the brief, terms and a preview per view; requires consent; sends once to the backend', async function () {
    this.timeout(30_000);
    api = await startApiServer();
    s = await mountStudio({ draftKey: uniqueKey('submit') });
    s.el.setAttribute('endpoint', api.endpoint);
    s.el.author = 'Ada';
    await paint(s);
    const submitted: CoDesignSubmittedEvent[] = [];
    s.el.addEventListener('co-design-submitted', (e) => submitted.push(e));

    await clickIn(s.shadow('[data-action="submit"]'));
    const dialog = await dialogOpen(s);
    const brief = s.editor.manifest!.brief!;
    expect(dialog.querySelector('h2')!.textContent).to.equal(brief.title);
    expect(dialog.querySelector('.terms')!.textContent).to.equal(brief.terms);
    expect(dialog.querySelectorAll('.rules li')).to.have.length(brief.rules.length);
    const previews = [...dialog.querySelectorAll<HTMLImageElement>('.previews img')];
    expect(previews.map((i) => i.alt)).to.deep.equal(s.editor.manifest!.views.map((v) => `Preview of the ${v.name} view`));
    expect(dialog.querySelector<HTMLInputElement>('input[name="author"]')!.value, 'the host pre-filled the author').to.equal('Ada');

    // The browser's own form validation stops a send without consent: the click lands on the send button,
    // the unticked box is reported invalid (that is the stop), and nothing goes out.
    const box = dialog.querySelector<HTMLInputElement>('input[name="consent"]')!;
    const requests = watchRequests();
    const toDesigns = () => requests.seen.filter((name) => name.startsWith(`${api!.endpoint}/designs`)).length;
    const refused = nextEvent(box, 'invalid');
    const clicked = nextEvent(dialog.querySelector('[data-action="send"]')!, 'click');
    await clickIn(dialog.querySelector('[data-action="send"]')!);
    await clicked;
    await refused;
    expect(box.validity.valueMissing, 'refused for the missing consent').to.equal(true);
    expect(dialog.querySelector('.submit-status')!.textContent, 'not sending').not.to.match(/Sending/);
    expect((await requests.settled()).filter((name) => name.startsWith(`${api!.endpoint}/designs`)), 'no request left the page').to.deep.equal([]);
    expect((await api.state()).designs).to.have.length(0);

    await consent(dialog);
    await clickIn(dialog.querySelector('[data-action="send"]')!);
    await waitFor(() => submitted.length > 0, 'co-design-submitted');
    expect(submitted).to.have.length(1);
    await waitFor(() => toDesigns() > 0, 'the request in the resource timing');
    requests.stop();
    expect(toDesigns(), 'one request').to.equal(1);
    const { designs } = await api.state();
    expect(designs).to.have.length(1);
    expect(designs[0].author).to.equal('Ada');
    expect(submitted[0].receipt.id).to.equal(designs[0].id);
    await s.el.updateComplete;
    expect(dialog.querySelector('.submit-status')!.textContent).to.match(/Sent!/);
  });

  it('lets the host take the submission over: a valid payload, nothing sent', async function () {
    this.timeout(30_000);
    api = await startApiServer();
    s = await mountStudio({ draftKey: uniqueKey('taken') });
    s.el.setAttribute('endpoint', api.endpoint);
    await paint(s);
    s.el.addEventListener('co-design-submit', (e) => e.preventDefault());
    const result = s.el.submit();
    const dialog = await dialogOpen(s);
    const name = dialog.querySelector<HTMLInputElement>('input[name="author"]')!;
    await clickIn(name);
    const { sendKeys } = await import('@web/test-runner-commands');
    await sendKeys({ type: 'Grace' });
    await consent(dialog);
    await clickIn(dialog.querySelector('[data-action="send"]')!);
    const r = await result;
    expect(r.state).to.equal('taken');
    if (r.state !== 'taken') return;
    expect(v.safeParse(submissionSchema, r.submission).success, 'the payload passes the protocol schema').to.equal(true);
    expect(r.submission.author.name).to.equal('Grace');
    expect(r.submission.previews.map((p) => p.view)).to.deep.equal(['side', 'top']);
    expect(r.submission.consent.termsVersion).to.equal(s.editor.manifest!.brief!.termsVersion);
    expect((await api.state()).designs).to.have.length(0);
  });

  it('shows the server’s message on a 400 and keeps the design; closing rejects with submit-cancelled', async function () {
    this.timeout(30_000);
    api = await startApiServer({ faults: { designs: [400] } });
    s = await mountStudio({ draftKey: uniqueKey('refused') });
    s.el.setAttribute('endpoint', api.endpoint);
    s.el.author = 'Lin';
    await paint(s);
    const design = JSON.stringify(s.design());
    // Its outcome is taken at once: a host page that awaits submit() later would see an unhandled rejection.
    const outcome = (submitting: Promise<unknown>) => submitting.then(() => undefined, (e: { code: string }) => e);
    const result = outcome(s.el.submit());
    const dialog = await dialogOpen(s);
    await consent(dialog);
    await clickIn(dialog.querySelector('[data-action="send"]')!);
    expect((await result)?.code).to.equal('submit-failed');
    await s.el.updateComplete;
    expect(dialog.querySelector('.submit-status')!.textContent).to.match(/could not be sent/);
    expect(JSON.stringify(s.design())).to.equal(design);

    const again = outcome(s.el.submit());
    // Wait for the dialog to start afresh (the failed one is still on screen until then).
    await waitFor(() => !/could not be sent/.test(dialog.querySelector('.submit-status')?.textContent ?? ''), 'the dialog started afresh');
    const reopened = await dialogOpen(s);
    await clickIn(reopened.querySelector('[data-action="cancel-submit"]')!);
    expect((await again)?.code).to.equal('submit-cancelled');
  });
});

describe('<co-design-studio> submit through the outbox', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    await api?.stop();
  });

  it('shows queued when the server is unavailable, then sends it once by itself and fires co-design-submitted', async function () {
    this.timeout(40_000);
    api = await startApiServer({ faults: { designs: [503, 503] } });
    s = await mountStudio({ draftKey: uniqueKey('queued') });
    s.el.setAttribute('endpoint', api.endpoint);
    s.el.author = 'Queued Quinn';
    await paint(s);
    const submitted: CoDesignSubmittedEvent[] = [];
    s.el.addEventListener('co-design-submitted', (e) => submitted.push(e));
    const result = s.el.submit();
    const dialog = await dialogOpen(s);
    await consent(dialog);
    await clickIn(dialog.querySelector('[data-action="send"]')!);
    expect((await result).state).to.equal('queued');
    await s.el.updateComplete;
    expect(dialog.querySelector('.submit-status')!.textContent).to.match(/queued/);
    await waitFor(() => submitted.length > 0, 'co-design-submitted after the retries', 30_000);
    expect(submitted, 'sent by itself after the retries, once').to.have.length(1);
    const { designs } = await api.state();
    expect(designs).to.have.length(1);
    expect(designs[0].author).to.equal('Queued Quinn');
    expect(submitted[0].receipt.id).to.equal(designs[0].id);
  });
});
