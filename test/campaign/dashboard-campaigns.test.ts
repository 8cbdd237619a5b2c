import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { Page, startSite, waitFor } from '../pages/support.ts';
import { campaignInput, enter, expectNoViolationsIn, overflowX, overlappingControls, participantToken } from './support.ts';

/** `selector` inside `<co-design-campaigns>`, itself inside the dashboard's shadow root. */
const camp = (selector: string) =>
  `document.querySelector('co-design-dashboard')?.shadowRoot?.querySelector('co-design-campaigns')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;
const all = (selector: string) =>
  `[...(document.querySelector('co-design-dashboard')?.shadowRoot?.querySelector('co-design-campaigns')?.shadowRoot?.querySelectorAll(${JSON.stringify(selector)}) ?? [])]`;
const board = (selector: string) => `document.querySelector('co-design-dashboard')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;
const text = (expr: string) => `(${expr})?.textContent?.replace(/\\s+/g, ' ').trim()`;

describe('<co-design-dashboard> campaigns', () => {
  let page: Page | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('creates a campaign, walks it through its phases, invites a juror, picks winners and exports the CSV, at 390 px', async function () {
    this.timeout(120_000);
    site = await startSite();
    const api = site;
    page = await Page.open(`${site.origin}/dashboard`, { width: 390, height: 844 });
    await page.fill(board('input[name="token"]'), site.adminToken);
    await page.clickOn(board('.sign-in button[type="submit"]'));
    await page.waitFor(camp('.new-campaign'), 'the campaigns section');

    // A campaign without a name: the server's message, and what was typed stays.
    await page.clickOn(camp('.new-campaign'));
    await page.fill(camp('input[name="title"]'), 'Paint it loud');
    await page.fill(camp('textarea[name="text"]'), 'Street art on a roadster.');
    await page.fill(camp('input[name="version"]'), 'camp-1');
    await page.fill(camp('textarea[name="licence"]'), 'You let us show it.');
    await page.fill(camp('textarea[name="reward"]'), 'A painted car.');
    await page.clickOn(camp('button.save'));
    await page.waitFor(`/^Not saved: name: expected a campaign name/.test(${text(camp('.campaign-form [role="alert"]'))})`, 'the server refusing an empty name');
    expect(await page.eval(`${camp('input[name="title"]')}.value`)).to.equal('Paint it loud');
    await page.fill(camp('input[name="name"]'), 'Street Roadster');
    await page.clickOn(camp('button.save'));
    await page.waitFor(`${text(camp('.current-phase'))} === 'entries'`, 'the new campaign, open for entries');
    expect(await page.eval(text(camp('.campaign-list li')))).to.equal('Street Roadster entries');
    const id = await page.eval<string>(text(camp('.campaign-id')));
    const stored = (await api.admin('GET', `/campaigns/${id}`)).body;
    expect(stored.brief).to.deep.equal({ title: 'Paint it loud', text: 'Street art on a roadster.', rules: [] });
    expect(stored.criteria.map((c: { id: string }) => c.id)).to.deep.equal(['originality', 'fit', 'craft']);
    expect(await overflowX(page)).to.be.at.most(0);
    await expectNoViolationsIn(page, `document.querySelector('co-design-dashboard')`, 'a campaign open');

    // Editing keeps the criteria ids and changes the weight.
    await page.clickOn(camp('button.edit'));
    await page.fill(camp('.criterion:nth-child(3) input[name="criterion-weight"]'), '3');
    await page.clickOn(camp('button.save'));
    await page.waitFor(`${text(camp('.status'))} === '“Street Roadster” saved.'`, 'the edit saved');
    expect((await api.admin('GET', `/campaigns/${id}`)).body.criteria[2]).to.deep.equal({ id: 'craft', name: 'Craft', weight: 3 });

    // Another campaign's entry, to prove the queue's filter.
    const other = (await api.admin('POST', '/campaigns', campaignInput('Another one'))).body.id as string;
    await enter(api.endpoint, other, 'Stranger', '#888');
    const ada = await enter(api.endpoint, id, 'Ada', '#c33');
    const bob = await enter(api.endpoint, id, 'Bob', '#33c');
    for (const design of [ada, bob]) expect((await api.admin('POST', `/designs/${design}/approve`)).status).to.equal(200);
    await page.clickOn(board('.refresh'));
    await page.waitFor(`${board('.campaign-filter')}?.options.length === 3`, 'the queue filter naming both campaigns');
    await page.clickOn(board('.campaign-filter'));
    await page.press('Escape');
    await page.type('Street');
    await page.waitFor(`${board('.campaign-filter')}.value === ${JSON.stringify(id)}`, 'the filter on the new campaign');
    await page.eval(`${board('select:not(.campaign-filter)')}.focus()`);
    await page.type('approved');
    await page.waitFor(
      `[...${board('.queue')}.querySelectorAll('.author')].map((a) => a.textContent).sort().join() === 'Ada,Bob'`,
      "only the campaign's entries",
    );

    // Phases by hand; votes in voting.
    await page.clickOn(camp('button.advance'));
    await page.waitFor(`${text(camp('.current-phase'))} === 'voting'`, 'the voting phase');
    for (const [voter, design] of [['V1', ada], ['V2', ada], ['V3', bob]]) {
      const participant = await participantToken(api.endpoint, id, voter);
      const r = await fetch(`${api.endpoint}/designs/${design}/votes`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ participant }) });
      expect(r.status).to.be.oneOf([200, 201]);
    }
    await page.clickOn(camp('button.advance'));
    await page.waitFor(`${text(camp('.current-phase'))} === 'judging'`, 'the judging phase');

    // A juror: the private link as an absolute URL, the scores counted.
    await page.fill(camp('input[name="juror"]'), 'Juno');
    await page.clickOn(camp('.invite button'));
    const link = await page.waitFor<string>(`${camp('.juror-link')}?.value`, "the juror's link");
    expect(link).to.match(new RegExp(`^${site.origin}/jury#key=[A-Za-z0-9_-]{32}$`));
    const key = link.split('#key=')[1];
    for (const [design, score] of [[ada, 4], [bob, 9]] as const) {
      const status = await page.eval<number>(`fetch('/api/jury/entries/${design}', { method: 'PUT', headers: { 'Content-Type': 'application/json', 'Juror-Key': '${key}' },
        body: JSON.stringify({ scores: [{ criterion: 'originality', score: ${score} }, { criterion: 'fit', score: ${score} }, { criterion: 'craft', score: ${score} }] }) }).then((r) => r.status)`);
      expect(status).to.equal(200);
    }
    await page.clickOn(board('.refresh'));
    await page.waitFor(`${text(camp('.juror .scored'))} === '2 scored'`, "the juror's count");

    // The ranking: Bob (jury 9, 1 vote) against Ada (jury 4, 2 votes) at 30 % community.
    const rows = () =>
      page!.eval<string[][]>(`${all('.ranking tbody tr')}.map((tr) => [...tr.children].slice(0, 6).map((c) => c.textContent.replace(/\\s+/g, ' ').trim()))`);
    expect(await rows()).to.deep.equal([
      ['1', 'Bob', '1', '9.00 (1 juror)', '0.50', '0.780'],
      ['2', 'Ada', '2', '4.00 (1 juror)', '1.00', '0.580'],
    ]);
    // The team picks Ada first against the ranking, then Bob, and saves.
    await page.clickOn(camp(`tr[data-id="${ada}"] .pick`));
    await page.clickOn(camp(`tr[data-id="${bob}"] .pick`));
    await page.clickOn(camp('.save-winners'));
    await page.waitFor(`${text(camp('.save-winners'))} === 'Winners saved'`, 'the winners saved');
    expect((await api.admin('GET', `/campaigns/${id}/results`)).body.winners.map((w: { author: string }) => w.author)).to.deep.equal(['Ada', 'Bob']);
    expect(await page.eval(`${all('.winners .winner-author')}.map((w) => w.textContent)`)).to.deep.equal(['Ada', 'Bob']);

    // The CSV holds what the table shows.
    // Downloads of the whole browser go to a fresh directory, read back from disk.
    const dir = await executeServerCommand<string, unknown>('downloads:allow');
    await page.clickOn(camp('.download'));
    // The file may show under its name before Chromium has written all of it: read until it ends its last line.
    const read = () => executeServerCommand<{ name: string; text: string }, { dir: string; timeout: number }>('downloads:read', { dir: dir!, timeout: 10_000 });
    const file = await waitFor(async () => { const f = (await read())!; return f.text.endsWith('\r\n') ? f : null; }, 'the whole CSV on disk');
    expect(file.name).to.equal(`campaign-${id}-entries.csv`);
    const csv = file.text;
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    const head = lines[0].split(',');
    const byAuthor = new Map(lines.slice(1).map((l) => { const cells = l.split(','); return [cells[head.indexOf('author')], cells]; }));
    for (const [author, rank, votes, place] of [['Bob', '1', '1', '2'], ['Ada', '2', '2', '1']]) {
      const cells = byAuthor.get(author)!;
      expect([cells[head.indexOf('rank')], cells[head.indexOf('votes')], cells[head.indexOf('place')]]).to.deep.equal([rank, votes, place]);
    }
    expect(await overflowX(page)).to.be.at.most(0);
    expect(await overlappingControls(page)).to.deep.equal([]);
    await expectNoViolationsIn(page, `document.querySelector('co-design-dashboard')`, 'the ranking and the winners');

    // Revoking the juror stops their link and leaves their scores out.
    await page.clickOn(camp('.juror .revoke'));
    await page.waitFor(`${text(camp('.juror .revoked'))} === 'revoked'`, 'the juror revoked');
    expect(await page.eval(`fetch('/api/jury', { headers: { 'Juror-Key': '${key}' } }).then((r) => r.status)`)).to.equal(401);
    await page.waitFor(`${text(camp(`tr[data-id="${ada}"] .jury`))}?.startsWith('–')`, 'the ranking without the revoked juror');
  });
  it('marks tied entries in the ranking, in text', async function () {
    this.timeout(60_000);
    const api = site!;
    const id = (await api.admin('POST', '/campaigns', campaignInput('Tied Roadster'))).body.id as string;
    for (const name of ['Ann', 'Ben']) {
      const design = await enter(api.endpoint, id, name);
      expect((await api.admin('POST', `/designs/${design}/approve`)).status).to.equal(200);
    }
    // The same tab as the first test: the token kept for the tab signs the team in again after the reload.
    await page!.reload();
    await page!.clickOn(`${all('.campaign-list .open')}.find((b) => b.textContent.trim() === 'Tied Roadster')`);
    // No votes and no jury scores yet: both score 0, both first.
    const ranks = await page!.waitFor<string[]>(
      `(() => { const r = ${all('.ranking tbody .rank')}.map((c) => c.textContent.replace(/\\s+/g, ' ').trim()); return r.length === 2 && r; })()`,
      'the ranking',
    );
    expect(ranks).to.deep.equal(['1 (tied)', '1 (tied)']);
    expect(await page!.eval(`${all('.ranking tbody tr.tied')}.length`)).to.equal(2);
  });
});
