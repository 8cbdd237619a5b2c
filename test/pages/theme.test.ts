import { expect } from '@open-wc/testing';
import { inShadow, Page, startSite } from './support.ts';

describe('/ theme switch', () => {
  let page: Page | undefined;
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  after(async () => {
    await page?.close();
    await site?.stop();
  });

  it('dresses the studio (and then the gallery) in the dark theme through the --co-design-* tokens only, and back', async function () {
    this.timeout(60_000);
    site = await startSite();
    page = await Page.open(`${site.origin}/`);
    await page.waitFor(`document.getElementById('studio').editor?.manifest`, 'the studio');
    // The studio paints its :host with the tokens: the element's own computed colours show them.
    const shell = `getComputedStyle(document.getElementById('studio'))`;
    const choose = (value: string) => page!.eval(`(() => { const s = document.getElementById('theme'); s.value = '${value}'; s.dispatchEvent(new Event('change')); return true; })()`);

    await choose('dark');
    expect(await page.eval(`document.getElementById('studio').style.getPropertyValue('--co-design-surface')`)).to.equal('#17191e');
    expect(await page.eval(`${shell}.backgroundColor`)).to.equal('rgb(23, 25, 30)');
    expect(await page.eval(`${shell}.color`)).to.equal('rgb(232, 234, 239)');
    expect(await page.eval(`document.documentElement.dataset.theme`)).to.equal('dark');

    // The gallery follows the theme picked here.
    const gallery = await Page.open(`${site.origin}/gallery`);
    try {
      expect(await gallery.waitFor(`document.querySelector('co-design-gallery').style.getPropertyValue('--co-design-surface')`, 'the gallery themed')).to.equal('#17191e');
    } finally {
      await gallery.close();
    }

    await choose('light');
    expect(await page.eval(`${shell}.backgroundColor`)).to.equal('rgb(255, 255, 255)');
    // The choice is remembered for the next visit.
    expect(await page.eval(`localStorage.getItem('co-design-demo-theme')`)).to.equal('light');
  });
});

describe('--co-design-ref-primary on the page', () => {
  let site: Awaited<ReturnType<typeof startSite>> | undefined;
  const opened: Page[] = [];
  after(async () => {
    for (const page of opened) await page.close();
    await site?.stop();
  });

  const BRAND = 'rgb(10, 88, 202)';
  const RED = 'rgb(228, 0, 43)';
  // One accented control each shows on arrival: the active tool, the pressed sort order, the sign-in button.
  const pages = [
    { path: '/', accented: `document.getElementById('studio').shadowRoot?.querySelector('.tool[aria-pressed="true"]')` },
    { path: '/gallery', accented: inShadow('co-design-gallery', 'button.sort[aria-pressed="true"]') },
    { path: '/dashboard', accented: inShadow('co-design-dashboard', '.sign-in button') },
  ];

  it('re-colours the accent of the studio, the gallery and the dashboard alike', async function () {
    this.timeout(60_000);
    site = await startSite();
    for (const { path, accented } of pages) {
      const page = await Page.open(`${site.origin}${path}`);
      opened.push(page);
      const background = `getComputedStyle(${accented}).backgroundColor`;
      await page.waitFor(accented, `the accented control of ${path}`);
      expect(await page.eval(background), `${path} before`).to.equal(BRAND);
      // What a brand's stylesheet does: one reference token on :root, no system token.
      await page.eval(`document.documentElement.style.setProperty('--co-design-ref-primary', '#e4002b')`);
      // The studio's buttons ease into a new background: wait for where they settle.
      await page.waitFor(`${background} === '${RED}'`, `${path} in the brand's red`, 5_000);
    }
  });
});
