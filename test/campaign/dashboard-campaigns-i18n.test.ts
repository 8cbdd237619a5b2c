import { expect } from '@open-wc/testing';
import { paramNames, parse } from '../../src/i18n/format.ts';
import { CAMPAIGNS_TABLES, campaignsTranslator } from '../../src/dashboard/campaigns/i18n/index.ts';
import { en } from '../../src/dashboard/campaigns/i18n/en.ts';
import { Page, startSite } from '../pages/support.ts';
import { campaignInput, enter, expectNoViolationsIn, overflowX } from './support.ts';

const camp = (selector: string) =>
  `document.querySelector('co-design-dashboard')?.shadowRoot?.querySelector('co-design-campaigns')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;
const board = (selector: string) =>
  `document.querySelector('co-design-dashboard')?.shadowRoot?.querySelector(${JSON.stringify(selector)})`;
const text = (expr: string) => `(${expr})?.textContent?.replace(/\\s+/g, ' ').trim()`;

describe('<co-design-dashboard> campaigns in five languages', () => {
  const pages: Page[] = [];
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    for (const p of pages) await p.close();
    await site?.stop();
  });

  it('has every key in every table, with the placeholders English uses', () => {
    const keys = Object.keys(en) as (keyof typeof en)[];
    const sorted = (s: Set<string>) => [...s].sort().join(',');
    for (const [id, table] of Object.entries(CAMPAIGNS_TABLES)) {
      expect(Object.keys(table).sort(), id).to.deep.equal([...keys].sort());
      const wrong = keys.filter(
        (k) => !table[k].trim() || sorted(paramNames(parse(en[k]))) !== sorted(paramNames(parse(table[k]))),
      );
      expect(wrong, `${id}: empty or other placeholders`).to.deep.equal([]);
    }
    expect(campaignsTranslator(['de-AT']).fixed(9, 2)).to.equal('9,00');
    expect(campaignsTranslator(['fr', 'nl']).lang).to.equal('nl');
  });

  it('speaks the language asked for, at 390 px, axe clean', async function () {
    this.timeout(120_000);
    site = await startSite();
    const id = (await site.admin('POST', '/campaigns', campaignInput('Strada Roadster'))).body.id as string;
    const ada = await enter(site.endpoint, id, 'Ada');
    expect((await site.admin('POST', `/designs/${ada}/approve`)).status).to.equal(200);

    const heard: Record<string, string[]> = {};
    for (const lang of ['de', 'es', 'it', 'nl', 'en']) {
      const page = await Page.open(`${site.origin}/dashboard?lang=${lang}`, { width: 390, height: 844 });
      pages.push(page);
      // The token is kept for this tab only: each page signs in.
      await page.fill(board('input[name="token"]'), site.adminToken);
      await page.clickOn(board('.sign-in button[type="submit"]'));
      await page.waitFor(camp(`.campaign-list li[data-id="${id}"] button.open`), 'the campaign list');
      await page.clickOn(camp(`.campaign-list li[data-id="${id}"] button.open`));
      await page.waitFor(`${camp('.ranking tbody tr')}`, 'the ranking');
      heard[lang] = await page.eval<string[]>(
        `[${[
          text(camp('#campaigns-title')),
          text(camp('.campaign-list .phase')),
          text(camp('button.advance')),
          text(camp('.ranking thead th')),
          text(camp('.ranking td.jury small')),
          `${camp('section.campaigns')}.lang`,
        ].join(', ')}]`,
      );
      if (lang === 'de') {
        expect(await overflowX(page)).to.be.at.most(0);
        await expectNoViolationsIn(page, `document.querySelector('co-design-dashboard')`, 'the campaigns in German');
      }
    }
    expect(heard).to.deep.equal({
      de: ['Kampagnen', 'Einreichung', 'Weiter zu: Abstimmung', 'Rang', '(0 Jurymitglieder)', 'de'],
      es: ['Campañas', 'participación', 'Pasar a votación', 'Puesto', '(0 miembros)', 'es'],
      it: ['Campagne', 'partecipazione', 'Passa a votazione', 'Posizione', '(0 giurati)', 'it'],
      nl: ['Campagnes', 'inzenden', 'Door naar stemmen', 'Plaats', '(0 juryleden)', 'nl'],
      en: ['Campaigns', 'entries', 'Move to voting', 'Rank', '(0 jurors)', 'en'],
    });
  });
});
