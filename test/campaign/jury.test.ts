import { expect } from '@open-wc/testing';
import { juryTranslator } from '../../src/jury/i18n/index.ts';
import { Page, startSite } from '../pages/support.ts';
import { campaignInput, enter, expectNoViolationsIn, overflowX } from './support.ts';

const jury = (selector: string) => `document.querySelector('co-design-jury')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;
const text = (expr: string) => `(${expr})?.textContent?.replace(/\\s+/g, ' ').trim()`;
const en = juryTranslator(['en']);

describe('/jury', () => {
  const pages: Page[] = [];
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    for (const p of pages) await p.close();
    await site?.stop();
  });
  const open = async (url: string) => {
    const page = await Page.open(url, { width: 390, height: 844 });
    pages.push(page);
    return page;
  };

  it('lets two jurors score on a phone, each seeing only their own scores; says when a link is missing, unknown, revoked or early', async function () {
    this.timeout(120_000);
    site = await startSite();
    const api = site;
    const id = (await api.admin('POST', '/campaigns', campaignInput('Jury Roadster'))).body.id as string;
    const ada = await enter(api.endpoint, id, 'Ada', '#c33');
    const bob = await enter(api.endpoint, id, 'Bob', '#33c');
    for (const design of [ada, bob]) expect((await api.admin('POST', `/designs/${design}/approve`)).status).to.equal(200);
    const invite = async (name: string) => (await api.admin('POST', `/campaigns/${id}/jurors`, { name })).body as { id: string; link: string };
    const juno = await invite('Juno');
    const kai = await invite('Kai');
    expect((await api.admin('POST', `/campaigns/${id}/advance`, { from: 'entries' })).status).to.equal(200);

    const missing = await open(`${site.origin}/jury`);
    await missing.waitFor(`${text(jury('[role="alert"]'))} === ${JSON.stringify(en('noKey'))}`, 'no key');
    const unknown = await open(`${site.origin}/jury#key=${'x'.repeat(32)}`);
    await unknown.waitFor(`${text(jury('[role="alert"]'))} === ${JSON.stringify(en('unknown'))}`, 'an unknown key');

    // In voting: the entries, but no scoring yet.
    const junoPage = await open(`${site.origin}${juno.link}`);
    await junoPage.waitFor(`${text(jury('.phase'))} === ${JSON.stringify(en('notOpen', { phase: en('phaseVoting') }))}`, 'judging not open');
    expect(await junoPage.eval(`${jury('fieldset.criterion')}.disabled`)).to.equal(true);
    expect(await junoPage.eval(`${jury('.entry .save')}.disabled`)).to.equal(true);

    expect((await api.admin('POST', `/campaigns/${id}/advance`, { from: 'voting' })).status).to.equal(200);
    await junoPage.reload();
    await junoPage.waitFor(`${text(jury('.phase'))} === ${JSON.stringify(en('open'))}`, 'judging open');
    expect(await junoPage.eval(`${jury('.entry h3')}.textContent`)).to.equal('Entry 1: Ada');

    // Ada's entry: originality by the mouse (8), craft by the keyboard (a click on 1, then → four times: 5).
    const entry = `.entry[data-id="${ada}"]`;
    const saveOnly = await junoPage.eval<string>(`${jury(`${entry} .save`)}.textContent.trim()`);
    expect(saveOnly).to.equal(en('save'));
    await junoPage.clickOn(jury(`${entry} .save`));
    await junoPage.waitFor(`${text(jury(`${entry} .note`))} === ${JSON.stringify(en('incomplete', { missing: 'Originality, Craft' }))}`, 'the missing criteria named');
    await junoPage.clickOn(jury(`${entry} [data-criterion="craft"] input[value="1"]`));
    for (let i = 0; i < 4; i++) await junoPage.press('ArrowRight');
    await junoPage.waitFor(`${jury(`${entry} [data-criterion="craft"] input:checked`)}?.value === '5'`, 'craft 5 by the arrow keys');
    await junoPage.clickOn(jury(`${entry} [data-criterion="originality"] input[value="8"]`));
    await junoPage.clickOn(jury(`${entry} .save`));
    await junoPage.waitFor(`${text(jury(`${entry} .note`))} === ${JSON.stringify(en('saved'))}`, 'the scores saved');
    const ranking = (await api.admin('GET', `/campaigns/${id}/ranking`)).body as { entries: { id: string; jury: number | null; jurors: number }[] };
    // (2 · 8 + 1 · 5) / 3 = 7
    expect(ranking.entries.find((e) => e.id === ada)).to.include({ jury: 7, jurors: 1 });
    expect(await overflowX(junoPage)).to.be.at.most(0);
    await expectNoViolationsIn(junoPage, `document`, "the jury page with an entry scored");

    // Kai sees Ada's entry unscored; Juno, after a reload, sees her own scores.
    const kaiPage = await open(`${site.origin}${kai.link}`);
    await kaiPage.waitFor(`${text(jury(`${entry} .note`))} === ${JSON.stringify(en('notScored'))}`, "Kai's page");
    expect(await kaiPage.eval(`${jury(`${entry} input:checked`)}`)).to.equal(null);
    await junoPage.reload();
    await junoPage.waitFor(`${jury(`${entry} [data-criterion="originality"] input:checked`)}?.value === '8'`, "Juno's own score kept");

    // Revoked: Kai's link stops at once.
    expect((await api.admin('POST', `/campaigns/${id}/jurors/${kai.id}/revoke`, {})).status).to.equal(200);
    await kaiPage.reload();
    await kaiPage.waitFor(`${text(jury('[role="alert"]'))} === ${JSON.stringify(en('revoked'))}`, 'a revoked link');
    await expectNoViolationsIn(kaiPage, `document`, 'a revoked link');
  });

  it('speaks en, de, es, it and nl, by ?lang= or the browser, with <html lang> set', async function () {
    this.timeout(60_000);
    site ??= await startSite();
    const api = site;
    const id = (await api.admin('POST', '/campaigns', campaignInput('Locale Roadster'))).body.id as string;
    const juror = (await api.admin('POST', `/campaigns/${id}/jurors`, { name: 'Lin' })).body as { link: string };
    const [path, hash] = juror.link.split('#');
    const seen = new Set<string>();
    for (const lang of ['en', 'de', 'es', 'it', 'nl']) {
      const t = juryTranslator([lang]);
      const page = await open(`${site.origin}${path}?lang=${lang}#${hash}`);
      await page.waitFor(`${text(jury('.welcome'))} === ${JSON.stringify(t('welcome', { name: 'Lin', campaign: 'Locale Roadster' }))}`, `the ${lang} welcome`);
      expect(await page.eval('document.documentElement.lang')).to.equal(lang);
      const phase = await page.eval<string>(text(jury('.phase')));
      expect(phase).to.equal(t('notOpen', { phase: t('phaseEntries') }));
      seen.add(phase);
      await page.close();
      pages.pop();
    }
    expect(seen.size).to.equal(5);
  });
});
