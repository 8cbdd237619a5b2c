import { expect } from '@open-wc/testing';
import { Page, startSite, waitFor } from '../pages/support.ts';
import { campaignInput, enter, expectNoViolationsIn, overflowX } from './support.ts';

describe('/results/:id', () => {
  let page: Page | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('says when results come, then lists the winners with credits at 390 px, axe clean, each linking to its share page', async function () {
    this.timeout(60_000);
    site = await startSite();
    const api = site;
    const id = (await api.admin('POST', '/campaigns', campaignInput('Results Roadster'))).body.id as string;
    const ada = await enter(api.endpoint, id, 'Ada', '#c33');
    const bob = await enter(api.endpoint, id, 'Bob', '#33c');
    for (const design of [ada, bob]) expect((await api.admin('POST', `/designs/${design}/approve`)).status).to.equal(200);

    page = await Page.open(`${site.origin}/results/${id}`, { width: 390, height: 844 });
    expect(await page.eval(`document.querySelector('.when').textContent`)).to.match(/^The results of “Results Roadster” will be shown on .+ UTC\.$/);
    await expectNoViolationsIn(page, 'document', 'the results not out yet');

    for (const from of ['entries', 'voting']) expect((await api.admin('POST', `/campaigns/${id}/advance`, { from })).status).to.equal(200);
    expect((await api.admin('PUT', `/campaigns/${id}/winners`, { winners: [bob, ada] })).status).to.equal(200);
    expect((await api.admin('POST', `/campaigns/${id}/advance`, { from: 'judging' })).status).to.equal(200);
    await page.reload();
    const winners = await page.waitFor<string[]>(
      `[...document.querySelectorAll('.winner')].map((w) => w.querySelector('h2').textContent + ' ' + w.querySelector('.credit').textContent)`,
      'the winners',
    );
    expect(winners).to.deep.equal(['1st place by Bob', '2nd place by Ada']);
    await page.waitFor(`[...document.images].every((i) => i.complete && i.naturalWidth > 0)`, 'the previews loaded');
    expect(await overflowX(page)).to.be.at.most(0);
    await expectNoViolationsIn(page, 'document', 'the winners');

    await page.clickOn(`document.querySelector('.winner p:last-child a')`);
    // Read while the page navigates: an evaluation cut off by the navigation counts as "not yet".
    const now = (expression: string) => () => page!.eval<boolean>(expression).catch(() => false);
    await waitFor(now(`location.pathname === '/d/${bob}' && document.readyState === 'complete'`), "Bob's share page");
    await page.waitFor(`document.querySelector('.campaign')?.textContent === 'Place 1 in Results Roadster.'`, 'the place on the share page');
  });
});
