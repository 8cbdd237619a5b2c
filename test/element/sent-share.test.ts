import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { entryUrl } from '../../src/features/submit/sent-share.ts';
import { expectNoViolations } from '../a11y/axe.ts';
import { cdp } from '../support/cdp.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, submitDialog, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

async function paintAndSend(s: TestStudio, author: string): Promise<HTMLDialogElement> {
  const p = geometry(s.editor.manifest!.views[0]).centre(20);
  await s.tool('pencil');
  await s.drag([p, [p[0] + 100, p[1] + 10]], { steps: 4 });
  await clickIn(s.shadow('[data-action="submit"]'));
  const dialog = await submitDialog(s.el);
  const name = dialog.querySelector<HTMLInputElement>('input[name="author"]')!;
  await clickIn(name);
  await sendKeys({ type: author });
  const box = dialog.querySelector<HTMLInputElement>('input[name="consent"]')!;
  await clickIn(box);
  await waitFor(() => box.checked, 'the consent box ticked');
  await waitFor(() => !dialog.querySelector<HTMLButtonElement>('[data-action="send"]')!.disabled, 'the previews drawn');
  await clickIn(dialog.querySelector('[data-action="send"]')!);
  await waitFor(() => dialog.querySelector('.sent-share'), 'the entry’s link after "Sent!"');
  return dialog;
}

describe('<co-design-studio> after "Sent!"', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    await api?.stop();
    api = undefined;
  });

  it('gives the link to the entry on the backend’s host and ways to share it, without the system share sheet', async function () {
    this.timeout(40_000);
    api = await startApiServer();
    s = await mountStudio({ draftKey: uniqueKey('sent-share') });
    s.el.setAttribute('endpoint', api.endpoint);
    const dialog = await paintAndSend(s, 'Ada');
    const { designs } = await api.state();
    const url = `${new URL(api.endpoint).origin}/d/${designs[0].id}`;

    expect(dialog.querySelector('.submit-status')!.textContent).to.match(/Sent!/);
    const link = dialog.querySelector<HTMLAnchorElement>('.sent-share a.entry-link')!;
    expect(link.href).to.equal(url);
    expect(link.textContent).to.equal(url);
    // Pending until the team approves it: the customer is told the page opens then.
    expect(dialog.querySelector('.sent-share p')!.textContent).to.include(
      'open once the team has approved your design',
    );

    // Headless Chromium on Linux has no navigator.share: the fallback is what a customer there gets.
    expect(typeof navigator.share).to.equal('undefined');
    expect(dialog.querySelector('[data-action="share"]')).to.equal(null);
    const links = [...dialog.querySelectorAll<HTMLAnchorElement>('.share-links a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal(['Email', 'X', 'Facebook', 'WhatsApp']);
    expect(links[2].getAttribute('href')).to.equal(
      `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
    );
    expect(links[0].getAttribute('href')).to.include(encodeURIComponent(url));

    // "Copy link" with the real mouse; the test reads the clipboard back (reading needs a permission a customer's
    // page does not: the studio only writes).
    await cdp({
      method: 'Browser.grantPermissions',
      params: { origin: location.origin, permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] },
    });
    await clickIn(dialog.querySelector('[data-action="copy-link"]')!);
    await waitFor(() => dialog.querySelector('.sent-share .copied')!.textContent, 'the copy said');
    expect(dialog.querySelector('.sent-share .copied')!.textContent).to.equal('Link copied.');
    expect(await navigator.clipboard.readText()).to.equal(url);

    await expectNoViolations(s.el, 'the entry’s link after "Sent!"');
  });

  it('says it in the customer’s language', async function () {
    this.timeout(40_000);
    api = await startApiServer();
    s = await mountStudio({ draftKey: uniqueKey('sent-share-de'), attributes: { locale: 'de' } });
    s.el.setAttribute('endpoint', api.endpoint);
    const dialog = await paintAndSend(s, 'Bea');
    expect(dialog.querySelector('#sent-share-title')!.textContent).to.equal('Teile deinen Beitrag');
    expect(dialog.querySelector('[data-action="copy-link"]')!.textContent!.trim()).to.equal('Link kopieren');
    expect([...dialog.querySelectorAll('.share-links a')].map((a) => a.textContent!.trim())[0]).to.equal('E-Mail');
  });

  it('shows only an http(s) link from a receipt, resolved against the endpoint', () => {
    expect(entryUrl({ shareUrl: '/d/abc' }, 'https://brand.example/api')).to.equal('https://brand.example/d/abc');
    expect(entryUrl({ shareUrl: 'https://shop.example/entries/7' }, '/api')).to.equal('https://shop.example/entries/7');
    expect(entryUrl({ shareUrl: 'javascript:alert(1)' }, '/api')).to.equal(undefined);
    expect(entryUrl({ shareUrl: 42 }, '/api')).to.equal(undefined);
    expect(entryUrl({ id: 'x' }, '/api')).to.equal(undefined);
  });
});
