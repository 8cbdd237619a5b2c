import { expect } from '@open-wc/testing';
import { nextSave, storedAsShown, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, submitDialog, type TestStudio } from '../support/studio.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { waitFor } from '../support/wait.ts';

const DAY = 24 * 3600_000;

function campaignInput(schedule: { entries: number; voting: number }) {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    name: 'Paint the Roadster',
    template: 'roadster',
    brief: { title: 'Your roadster, your colours', text: 'Paint the side and the top.', rules: ['Your own work only'] },
    terms: { version: 'camp-1', licence: 'You let Aurelia show your design.', reward: 'The best five are painted on real cars.' },
    schedule: { entries: iso(schedule.entries), voting: iso(schedule.voting), judging: iso(schedule.voting + DAY), results: iso(schedule.voting + 2 * DAY) },
    hideVotes: false,
    criteria: [{ id: 'craft', name: 'Craft', weight: 1 }],
    communityWeight: 0.5,
  };
}

async function participant(api: ApiServer, campaign: string, name: string): Promise<string> {
  const response = await fetch(`${api.endpoint}/campaigns/${campaign}/demo-participant`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  expect(response.status).to.equal(201);
  return ((await response.json()) as { token: string }).token;
}

async function paint(s: TestStudio, dy = 0): Promise<void> {
  const p = geometry(s.editor.manifest!.views[0]).centre(20);
  await s.tool('pencil');
  await s.drag([[p[0], p[1] + dy], [p[0] + 100, p[1] + dy + 10]], { steps: 4 });
}

const status = (s: TestStudio) => s.el.shadowRoot!.querySelector('.campaign-status')?.textContent?.trim() ?? '';
const submitButton = (s: TestStudio) => s.el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="submit"]')!;

/** Fills in the dialog (the author is pre-filled by the host) and sends, with the real mouse. */
async function send(s: TestStudio): Promise<HTMLDialogElement> {
  await clickIn(submitButton(s));
  const dialog = await submitDialog(s.el);
  const box = dialog.querySelector<HTMLInputElement>('input[name="consent"]')!;
  await clickIn(box);
  await waitFor(() => box.checked, 'the consent box ticked');
  await clickIn(dialog.querySelector('[data-action="send"]')!);
  return dialog;
}

describe('<co-design-studio campaign>', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    s = undefined;
    await api?.stop();
    api = undefined;
  });

  it("shows the campaign's brief, terms, reward and countdown, and keeps one entry per participant", async function () {
    this.timeout(40_000);
    api = await startApiServer();
    const now = Date.now();
    const created = await api.admin('POST', '/campaigns', campaignInput({ entries: now - DAY, voting: now + 2 * DAY + 3600_000 }));
    expect(created.status).to.equal(201);
    const id = created.body.id as string;
    const token = await participant(api, id, 'Ada L.');
    s = await mountStudio({ draftKey: uniqueKey('campaign'), attributes: { endpoint: api.endpoint, campaign: id, participant: token } });
    s.el.author = 'Ada';

    await waitFor(() => /Entries close .* \(in 2 days\)\./.test(status(s!)), () => `the countdown, got "${status(s!)}"`);
    expect(s.el.shadowRoot!.querySelector('.brief-title')!.textContent).to.equal('Your roadster, your colours');
    expect(submitButton(s).textContent!.trim()).to.equal('Submit');

    await paint(s);
    const dialog = await send(s);
    expect(dialog.querySelector('.terms')!.textContent).to.equal('You let Aurelia show your design.');
    expect(dialog.querySelector('.reward')!.textContent).to.equal('The best five are painted on real cars.');
    await waitFor(() => /Sent!/.test(dialog.querySelector('.submit-status')!.textContent ?? ''), 'the first entry sent');
    await clickIn(dialog.querySelector('[data-action="close-submit"], [data-action="cancel-submit"]')!);
    await waitFor(() => submitButton(s!).textContent!.trim() === 'Update your entry', 'the button offers an update');

    await paint(s, 60);
    const second = await send(s);
    await waitFor(() => /Sent!/.test(second.querySelector('.submit-status')!.textContent ?? ''), 'the update sent');

    const { designs } = await api.state();
    expect(designs, 'the current designs: the update replaced the first entry').to.have.length(1);
    const entry = await fetch(`${api.endpoint}/campaigns/${id}/entry`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ participant: token }),
    }).then((r) => r.json());
    expect(entry.entered).to.equal(true);
    expect(entry.versions).to.equal(2);
    const pending = await api.admin('GET', `/designs?status=pending&campaign=${id}`);
    expect(pending.body.total, 'one entry for the participant: the newer one').to.equal(1);
    expect(pending.body.items[0].id).to.equal(entry.design.id);
    expect(pending.body.items[0].author).to.equal('Ada L.');
  });

  it('closes submit in front of the customer when entries close, and a late send is refused with the reason, the design kept', async function () {
    this.timeout(40_000);
    api = await startApiServer();
    const closes = Date.now() + 6000;
    const id = (await api.admin('POST', '/campaigns', campaignInput({ entries: Date.now() - DAY, voting: closes }))).body.id as string;
    s = await mountStudio({ draftKey: uniqueKey('closing'), attributes: { endpoint: api.endpoint, campaign: id } });
    s.el.author = 'Bo';
    await waitFor(() => /seconds\)\.$/.test(status(s!)), () => `a countdown in seconds, got "${status(s!)}"`);
    const saved = nextSave(s.el);
    await paint(s);
    const { draft } = await saved;

    // The dialog is open and filled in while the campaign closes.
    await clickIn(submitButton(s));
    const dialog = await submitDialog(s.el);
    const box = dialog.querySelector<HTMLInputElement>('input[name="consent"]')!;
    await clickIn(box);
    await waitFor(() => box.checked, 'the consent box ticked');
    await waitFor(() => submitButton(s!).disabled, 'submit closed when entries closed', 15_000);
    expect(status(s)).to.equal('Entries are closed. Voting is open.');
    expect(submitButton(s).getAttribute('aria-describedby')).to.equal('campaign-status');
    expect(submitButton(s).title).to.match(/Entries are closed: your design stays in your drafts\./);

    await clickIn(dialog.querySelector('[data-action="send"]')!);
    await waitFor(() => /entries for "Paint the Roadster" closed at/.test(dialog.querySelector('.submit-status')!.textContent ?? ''), () => `the reason, got "${dialog.querySelector('.submit-status')!.textContent}"`);
    expect((await api.state()).designs).to.have.length(0);
    await storedAsShown(s.el, draft);
  });

  it('says so when the host hands it a forged participant token', async function () {
    this.timeout(20_000);
    api = await startApiServer();
    const id = (await api.admin('POST', '/campaigns', campaignInput({ entries: Date.now() - DAY, voting: Date.now() + DAY }))).body.id as string;
    const forged = 'cdsp1.eyJjYW1wYWlnbiI6IngifQ.AAAA';
    s = await mountStudio({ draftKey: uniqueKey('forged'), attributes: { endpoint: api.endpoint, campaign: id, participant: forged } });
    await waitFor(() => /could not be loaded \(participant: /.test(status(s!)), () => `the refusal, got "${status(s!)}"`);
  });
});
