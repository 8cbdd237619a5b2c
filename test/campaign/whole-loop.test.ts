import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { loadTemplate } from '../../src/template/load.ts';
import { geometry } from '../support/geometry.ts';
import { inShadow, Page, startSite, waitFor, type Pt } from '../pages/support.ts';
import { expectNoViolationsIn, participantToken } from './support.ts';

const studio = (selector: string) => inShadow('co-design-studio', selector);
const board = (selector: string) => inShadow('co-design-dashboard', selector);
const camp = (selector: string) =>
  `document.querySelector('co-design-dashboard')?.shadowRoot?.querySelector('co-design-campaigns')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;
const gallery = (selector: string) => inShadow('co-design-gallery', selector);
const jury = (selector: string) => inShadow('co-design-jury', selector);
const text = (expr: string) => `(${expr})?.textContent?.replace(/\\s+/g, ' ').trim()`;

/** Paints one stroke with the real mouse on the demo page's studio, `dy` below the view's centre. */
async function paint(page: Page, dy: number): Promise<void> {
  await page.waitFor(`document.getElementById('studio').editor?.manifest`, 'the studio with its template');
  await page.clickOn(studio('.toolbar [data-tool="pencil"]'));
  const canvas = await page.eval<{ left: number; top: number; vpt: number[] }>(
    `(() => { const c = document.getElementById('studio').editor.canvas; const r = c.upperCanvasEl.getBoundingClientRect(); return { left: r.left, top: r.top, vpt: [...c.viewportTransform] }; })()`,
  );
  const view = (await loadTemplate('/templates/roadster.json')).manifest.views[0];
  const [z, , , , tx, ty] = canvas.vpt;
  const onPage = ([x, y]: Pt): Pt => [Math.round(canvas.left + x * z + tx), Math.round(canvas.top + y * z + ty)];
  const p = geometry(view).centre(20);
  const marks = await page.eval<number>(`document.getElementById('studio').getDesign().views.flatMap((v) => v.layers).reduce((n, l) => n + (l.marks?.length ?? 0), 0)`);
  await page.front();
  await page.drag([onPage([p[0], p[1] + dy]), onPage([p[0] + 80, p[1] + dy + 10]), onPage([p[0] + 160, p[1] + dy])]);
  await page.waitFor(`document.getElementById('studio').getDesign().views.flatMap((v) => v.layers).reduce((n, l) => n + (l.marks?.length ?? 0), 0) > ${marks}`, `a stroke ${dy} px below the centre in the design`);
}

/** Sends through the studio's own dialog (consent ticked with the mouse); the button's label first. */
async function submit(page: Page): Promise<string> {
  await page.waitFor(`!${studio('[data-action="submit"]')}?.disabled`, 'the submit button on');
  const label = await page.eval<string>(text(studio('[data-action="submit"]')));
  await page.clickOn(studio('[data-action="submit"]'));
  const previews = `[...${studio('dialog.submit[open]')}?.querySelectorAll('.previews img') ?? []]`;
  await page.waitFor(`${previews}.length > 0 && ${previews}.every((i) => i.complete && i.naturalWidth > 0)`, 'the submit dialog');
  const author = studio('dialog.submit input[name="author"]');
  if (await page.eval(`!!${author} && !${author}.value`)) await page.fill(author, 'Someone');
  await page.clickOn(studio('dialog.submit input[name="consent"]'));
  await page.waitFor(`${studio('dialog.submit input[name="consent"]')}.checked`, 'the consent box ticked');
  await page.eval(`document.getElementById('log').textContent = ''`);
  await page.clickOn(studio('dialog.submit [data-action="send"]'));
  await page.waitFor(`/Sent!/.test(document.getElementById('log').textContent)`, 'the entry sent');
  await page.clickOn(studio('dialog.submit[open] [data-action="close-submit"]'));
  await page.waitFor(`!${studio('dialog.submit[open]')}`, 'the dialog closed');
  return label;
}

describe('a co-creation campaign end to end', () => {
  const opened: Page[] = [];
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    for (const page of opened) await page.close();
    await site?.stop();
  });
  const track = (page: Page) => (opened.push(page), page);

  it('brief → two participants (one updates) → votes → two jurors → winners → public results and CSV', async function () {
    this.timeout(240_000);
    site = await startSite();
    const api = site;
    const origin = site.origin;

    // The team creates the campaign in the dashboard.
    const team = track(await Page.open(`${origin}/dashboard`));
    await team.fill(board('input[name="token"]'), site.adminToken);
    await team.clickOn(board('.sign-in button[type="submit"]'));
    await team.clickOn(camp('.new-campaign'));
    for (const [field, value] of [
      ['input[name="name"]', 'Loop Roadster'],
      ['input[name="title"]', 'Paint it loud'],
      ['textarea[name="text"]', 'Street art on a roadster.'],
      ['input[name="version"]', 'loop-1'],
      ['textarea[name="licence"]', 'You let us show it.'],
      ['textarea[name="reward"]', 'A painted car.'],
    ]) await team.fill(camp(field), value);
    await team.clickOn(camp('button.save'));
    await team.waitFor(`${text(camp('.current-phase'))} === 'entries'`, 'the campaign open for entries');
    const id = await team.eval<string>(text(camp('.campaign-id')));

    // Two participants, each in a browser of their own, with a token their (here: the demo's) backend signed.
    const people: { name: string; page: Page }[] = [];
    for (const name of ['Ada', 'Bob']) {
      const page = track(await Page.isolated(`${origin}/?campaign=${id}`));
      const token = await participantToken(api.endpoint, id, name);
      // The demo's own (anonymous) token first, so that it cannot land after ours; then ours, as a host would sign.
      await page.waitFor(`document.getElementById('studio').getAttribute('participant')`, 'the demo token');
      await page.eval(`localStorage.setItem('co-design-demo-participant:${id}', '${token}')`);
      await page.reload();
      await page.waitFor(`document.getElementById('studio').getAttribute('participant') === '${token}'`, `${name}'s token on the studio`);
      await page.waitFor(`${text(studio('.campaign-status'))}?.startsWith('Entries close')`, 'the campaign line');
      expect(await page.eval(text(`document.getElementById('campaign-line')`))).to.equal('Campaign: Loop Roadster (entries) · results');
      people.push({ name, page });
    }
    for (const [i, { page }] of people.entries()) {
      await paint(page, i * 20);
      expect(await submit(page)).to.equal('Submit');
    }
    const pending = async () =>
      ((await api.admin('GET', `/designs?campaign=${id}&status=pending`)).body.items as { id: string; author: string }[]);
    const first = (await pending()).find((d) => d.author === 'Ada')!.id;
    // Ada changes her design and sends again: still one entry of hers, the new one.
    await paint(people[0].page, 40);
    expect(await submit(people[0].page)).to.equal('Update your entry');
    const entries = await pending();
    expect(entries.map((d) => d.author).sort()).to.deep.equal(['Ada', 'Bob']);
    const ada = entries.find((d) => d.author === 'Ada')!.id;
    const bob = entries.find((d) => d.author === 'Bob')!.id;
    expect(ada).to.not.equal(first);
    const adaDesign = (await api.admin('GET', `/designs/${ada}`)).body;
    expect(adaDesign.design.views.flatMap((v: { layers: { marks?: unknown[] }[] }) => v.layers).reduce((n: number, l: { marks?: unknown[] }) => n + (l.marks?.length ?? 0), 0)).to.equal(2);

    // The team approves both (the queue filtered to the campaign) and opens voting.
    await team.clickOn(board('.refresh'));
    await team.waitFor(`${board(`.design[data-id="${ada}"] button[data-action="approve"]`)}`, "Ada's entry in the queue");
    for (const design of [ada, bob]) {
      await team.clickOn(board(`.design[data-id="${design}"] button[data-action="approve"]`));
      await team.waitFor(`!${board(`.design[data-id="${design}"]`)}`, 'the entry approved');
    }
    await team.clickOn(camp('button.advance'));
    await team.waitFor(`${text(camp('.current-phase'))} === 'voting'`, 'voting open');

    // Three visitors vote; one votes twice (not counted).
    const card = (design: string, s: string) => gallery(`.card[data-id="${design}"] ${s}`);
    const visitors: Page[] = [];
    // A visitor votes from the keyboard: the button focused, then Enter. A click on a gallery page that had
    // just been brought to the front was, once in a while, not taken (the page said nothing at all).
    const vote = async (visitor: Page, button: string) => {
      await visitor.waitFor(`(() => { const b = ${button}; if (!b || b.disabled) return false; b.focus(); return true; })()`, 'the vote button');
      await visitor.press('Enter');
    };
    for (const [i, design] of [ada, ada, bob].entries()) {
      const visitor = track(await Page.isolated(`${origin}/gallery`));
      visitors.push(visitor);
      await visitor.waitFor(card(design, 'button.vote'), `visitor ${i + 1}'s gallery`);
      await vote(visitor, card(design, 'button.vote'));
      await visitor.waitFor(`${text(gallery('.status'))}?.includes('counted.')`, `visitor ${i + 1}'s vote counted`).catch(async (error) => {
        throw new Error(`${error.message}; the gallery said ${JSON.stringify(await visitor.eval(text(gallery('.status'))))}`);
      });
    }
    await vote(visitors[0], card(ada, 'button.vote'));
    await visitors[0].waitFor(`${text(gallery('.status'))}?.includes('did not count again')`, 'the repeated vote not counted');
    const votes = async (design: string) => (await api.admin('GET', `/designs/${design}`)).body.votes as number;
    expect([await votes(ada), await votes(bob)]).to.deep.equal([2, 1]);

    // Judging: a vote now is refused, with the server's reason.
    await team.clickOn(camp('button.advance'));
    await team.waitFor(`${text(camp('.current-phase'))} === 'judging'`, 'judging open');
    await vote(visitors[2], card(ada, 'button.vote'));
    await visitors[2].waitFor(`${text(gallery('.status'))}?.startsWith('Your vote could not be sent')`, 'a vote after voting refused');
    expect(await votes(ada)).to.equal(2);

    // Two jurors through their private links; neither sees the other's scores.
    const links: string[] = [];
    for (const name of ['Juno', 'Kai']) {
      await team.fill(camp('input[name="juror"]'), name);
      await team.clickOn(camp('.invite button'));
      links.push(await team.waitFor<string>(`${camp('.invited')}?.textContent.includes('${name}') && ${camp('.juror-link')}.value`, `${name}'s link`));
    }
    const scoreAll = async (page: Page, scores: Record<string, number>) => {
      for (const [design, score] of Object.entries(scores)) {
        for (const criterion of ['originality', 'fit', 'craft']) {
          await page.clickOn(jury(`.entry[data-id="${design}"] [data-criterion="${criterion}"] input[value="${score}"]`));
        }
        await page.clickOn(jury(`.entry[data-id="${design}"] .save`));
        await page.waitFor(`${text(jury(`.entry[data-id="${design}"] .note`))} === 'Your scores are saved.'`, 'the scores saved');
      }
    };
    const juno = track(await Page.isolated(links[0], { width: 390, height: 844 }));
    await scoreAll(juno, { [ada]: 4, [bob]: 9 });
    const kai = track(await Page.isolated(links[1], { width: 390, height: 844 }));
    await kai.waitFor(`${text(jury(`.entry[data-id="${bob}"] .note`))} === 'Not scored yet.'`, "Kai's page");
    expect(await kai.eval(`${jury('input:checked')}`)).to.equal(null);
    await scoreAll(kai, { [ada]: 6, [bob]: 9 });
    await juno.reload();
    await juno.waitFor(`${jury(`.entry[data-id="${ada}"] [data-criterion="craft"] input:checked`)}?.value === '4'`, "Juno's own scores, not Kai's");
    await expectNoViolationsIn(juno, 'document', 'the jury page');

    // The team reads the ranking and picks the winners in its order.
    await team.clickOn(board('.refresh'));
    await team.waitFor(`${text(camp('.juror-list'))}?.includes('2 scored')`, 'the jurors’ counts');
    const rows = await team.waitFor<string[][]>(
      `(() => { const rows = [...${camp('.ranking tbody')}?.querySelectorAll('tr') ?? []].map((tr) => [...tr.children].slice(0, 6).map((c) => c.textContent.replace(/\\s+/g, ' ').trim())); return rows.length === 2 && rows.every((r) => r[3].includes('(2 jurors)')) && rows; })()`,
      'the ranking with both jurors',
    );
    // Bob: jury 9, community 1/2 → 0.7 · 0.9 + 0.3 · 0.5 = 0.78; Ada: jury 5, community 1 → 0.35 + 0.3 = 0.65.
    expect(rows).to.deep.equal([
      ['1', 'Bob', '1', '9.00 (2 jurors)', '0.50', '0.780'],
      ['2', 'Ada', '2', '5.00 (2 jurors)', '1.00', '0.650'],
    ]);
    await team.clickOn(camp(`tr[data-id="${bob}"] .pick`));
    await team.clickOn(camp(`tr[data-id="${ada}"] .pick`));
    await team.clickOn(camp('.save-winners'));
    await team.waitFor(`${text(camp('.save-winners'))} === 'Winners saved'`, 'the winners saved');

    // The CSV holds what the dashboard shows.
    const dir = await executeServerCommand<string, unknown>('downloads:allow');
    await team.clickOn(camp('.download'));
    const read = () => executeServerCommand<{ name: string; text: string }, { dir: string; timeout: number }>('downloads:read', { dir: dir!, timeout: 10_000 });
    const file = await waitFor(async () => { const f = (await read())!; return f.text.endsWith('\r\n') ? f : null; }, 'the CSV on disk');
    const lines = file.text.replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    const col = (name: string) => lines[0].indexOf(name);
    const current = lines.slice(1).filter((l) => l[col('status')] === 'approved');
    expect(current.map((l) => [l[col('author')], l[col('rank')], l[col('votes')], l[col('jurors')], l[col('place')]]).sort()).to.deep.equal([
      ['Ada', '2', '2', '2', '2'],
      ['Bob', '1', '1', '2', '1'],
    ]);
    expect(lines.length - 1, 'one row per current entry: not the replaced version').to.equal(2);

    // Results: the public page lists them in order with their credits.
    await team.clickOn(camp('button.advance'));
    await team.waitFor(`${text(camp('.current-phase'))} === 'results'`, 'results');
    const results = track(await Page.isolated(`${origin}/results/${id}`, { width: 390, height: 844 }));
    const winners = await results.eval<string[]>(
      `[...document.querySelectorAll('.winner')].map((w) => w.querySelector('h2').textContent + ' ' + w.querySelector('.credit').textContent)`,
    );
    expect(winners).to.deep.equal(['1st place by Bob', '2nd place by Ada']);
    await results.waitFor(`[...document.images].every((i) => i.complete && i.naturalWidth > 0)`, 'the winners’ previews');
    await expectNoViolationsIn(results, 'document', 'the results page');
    await expectNoViolationsIn(team, `document.querySelector('co-design-dashboard')`, 'the dashboard after results');
  });
});
