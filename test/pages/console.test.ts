import { expect } from '@open-wc/testing';
import { inShadow, Page, startSite, waitFor } from './support.ts';

/**
 * What a newcomer sees first after `npm start`: each demo page opens with a
 * clean console — no failed request (the icon was the one that used to 404)
 * and no error.
 */
describe('the demo pages, as a newcomer opens them', () => {
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  const opened: Page[] = [];
  before(async () => {
    site = await startSite();
  });
  after(async () => {
    for (const page of opened) await page.close();
    await site?.stop();
  });

  async function open(path: string, shown: string, what: string): Promise<Page> {
    const page = await Page.open(`${site!.origin}${path}`);
    opened.push(page);
    await page.waitFor(shown, what);
    expect(await page.eval(`document.querySelector('link[rel="icon"]')?.href`)).to.equal(`${site!.origin}/favicon.svg`);
    return page;
  }

  async function expectCleanLog(page: Page, script: string): Promise<void> {
    const log = await page.log();
    // The log heard this page's own requests: a clean log is not the log of a page that loaded nothing.
    expect(log.responses.find((r) => new URL(r.url).pathname === script)?.status).to.equal(200);
    expect(log.responses.filter((r) => r.status >= 400)).to.deep.equal([]);
    expect(log.errors).to.deep.equal([]);
  }

  it('/ shows the studio, the browser fetches its icon, and nothing fails', async function () {
    this.timeout(60_000);
    const page = await open('/', `document.getElementById('studio').editor?.manifest`, 'the studio with its template');
    // The site is new to this browser, so it asks for the icon here (later pages may take it from the cache).
    const icon = await waitFor(async () => (await page.log()).responses.find((r) => new URL(r.url).pathname === '/favicon.svg'), 'the icon requested');
    expect(icon.status).to.equal(200);
    await expectCleanLog(page, '/dist/co-design-studio.js');
  });

  it('/gallery, /dashboard and /social.html open with no failed request and no console error', async function () {
    this.timeout(60_000);
    await expectCleanLog(await open('/gallery', inShadow('co-design-gallery', '.empty'), 'the empty gallery'), '/dist/gallery.js');
    await expectCleanLog(await open('/dashboard', inShadow('co-design-dashboard', '.sign-in'), 'the sign-in'), '/dist/dashboard.js');
    const social = await open('/social.html', `document.getElementById('status').dataset.storage`, 'the framed studio ready');
    await expectCleanLog(social, '/social.js');
  });
});
