import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { cdp } from '../support/cdp.ts';
import { uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, submitDialog, type TestStudio } from '../support/studio.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { waitFor } from '../support/wait.ts';

/** Every text a live region shows, in order, while `during` runs. */
async function announced(region: Element, during: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const record = () => {
    const text = region.textContent?.trim() ?? '';
    if (text && seen.at(-1) !== text) seen.push(text);
  };
  const observer = new MutationObserver(record);
  observer.observe(region, { childList: true, characterData: true, subtree: true });
  try {
    await during();
    record();
  } finally {
    observer.disconnect();
  }
  return seen;
}

const isPolite = (el: Element) => el.getAttribute('role') === 'status' || el.getAttribute('aria-live') === 'polite';

describe('<co-design-studio> status, focus and motion', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    s = undefined;
    await api?.stop();
    api = undefined;
    await cdp({ method: 'Emulation.setEmulatedMedia', params: { features: [] } });
  });

  it('announces saving and saved, then sending and sent, in polite live regions', async function () {
    this.timeout(60_000);
    api = await startApiServer();
    s = await mountStudio({ draftKey: uniqueKey('live') });
    s.el.setAttribute('endpoint', api.endpoint);
    s.el.author = 'Ada';
    const save = s.shadow('.save-state');
    expect(isPolite(save), 'the save status is a polite live region').to.equal(true);
    const saves = await announced(save, async () => {
      const saved = new Promise((r) => s!.el.addEventListener('co-design-draft-saved', r, { once: true }));
      await s!.tool('fill');
      await s!.click(geometry(s!.editor.manifest!.views[0]).centre(20));
      await saved;
      await s!.el.updateComplete;
    });
    expect(saves.at(-1)).to.equal('Saved on this device');
    expect(saves).to.include('Saving…');

    void s.el.submit().catch(() => undefined);
    const dialog = await submitDialog(s.el);
    const status = dialog.querySelector('.submit-status')!;
    expect(isPolite(status), 'the submission status is a polite live region').to.equal(true);
    const sends = await announced(status, async () => {
      await clickIn(dialog.querySelector('input[name="consent"]')!);
      await waitFor(() => dialog.querySelector<HTMLInputElement>('input[name="consent"]')!.checked, 'the consent box ticked');
      await clickIn(dialog.querySelector('[data-action="send"]')!);
      await waitFor(() => /Sent!/.test(status.textContent ?? ''), 'sent', 20_000);
    });
    expect(sends).to.deep.equal(['Sending…', 'Sent! Thank you for your design.']);
  });

  it('shows a visible focus outline on everything Tab reaches', async function () {
    this.timeout(60_000);
    s = await mountStudio({ draftKey: uniqueKey('focus') });
    const seen = new Set<Element>();
    for (let i = 0; i < 80; i++) {
      await sendKeys({ press: 'Tab' });
      const el = s.el.shadowRoot!.activeElement;
      if (!el) {
        if (seen.size) break;
        continue;
      }
      if (seen.has(el)) break;
      seen.add(el);
      const style = getComputedStyle(el);
      const what = `${el.tagName.toLowerCase()}.${el.className} ${el.getAttribute('aria-label') ?? el.getAttribute('data-tool') ?? ''}`;
      expect(style.outlineStyle, `${what} shows its focus`).to.equal('solid');
      expect(parseFloat(style.outlineWidth), `${what} outline width`).to.be.at.least(2);
    }
    expect(seen.size, 'Tab reaches the header, toolbar, canvas and panels').to.be.greaterThan(10);
    expect([...seen].some((el) => el.classList.contains('stage'))).to.equal(true);
  });

  it('turns transitions and animations off when the page prefers reduced motion', async () => {
    s = await mountStudio({ draftKey: uniqueKey('motion-default') });
    expect(parseFloat(getComputedStyle(s.shadow('[data-tool="pencil"]')).transitionDuration), 'buttons ease their colour by default').to.be.greaterThan(0);
    s.remove();
    await cdp({ method: 'Emulation.setEmulatedMedia', params: { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] } });
    s = await mountStudio({ draftKey: uniqueKey('motion') });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
    const all = [...s.el.shadowRoot!.querySelectorAll('*')];
    expect(all.length).to.be.greaterThan(50);
    for (const el of all) {
      const style = getComputedStyle(el);
      expect(style.transitionDuration.split(',').every((d) => parseFloat(d) === 0), `${el.className} has no transition`).to.equal(true);
      expect(style.animationName, `${el.className} has no animation`).to.equal('none');
    }
  });
});
