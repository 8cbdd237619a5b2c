import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

import { TOOLS } from '../../src/editor/tools/registry.ts';
import { ToolId } from '../../src/editor/tools/types.ts';
import { uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { chooseFile, clickIn, mountStudio, submitDialog, type TestStudio } from '../support/studio.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { expectNoViolations } from './axe.ts';
import { waitFor } from '../support/wait.ts';

const dialog = (s: TestStudio, name: string) => s.el.shadowRoot!.querySelector<HTMLDialogElement>(`dialog.${name}[open]`);

describe('<co-design-studio> accessibility (axe)', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    s = undefined;
    await api?.stop();
    api = undefined;
  });

  it('has no violations with each tool chosen, its options showing', async function () {
    this.timeout(60_000);
    s = await mountStudio({ draftKey: uniqueKey('axe-tools') });
    await expectNoViolations(s.el, 'the studio just loaded');
    for (const { id } of TOOLS) {
      if (id === ToolId.Image) continue; // opens the file picker; its state is the select tool's
      await s.tool(id);
      expect(s.editor.tool).to.equal(id);
      await expectNoViolations(s.el, `the ${id} tool`);
    }
  });

  it('has no violations with an object selected, the layers panel full, and the keyboard cursor showing', async function () {
    this.timeout(30_000);
    s = await mountStudio({ draftKey: uniqueKey('axe-layers') });
    s.shadow('.stage').focus();
    await waitFor(() => s!.editor.input.keyboard, 'the canvas keyboard loaded', 10_000);
    await s.tool('shape');
    s.shadow('.stage').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => s!.editor.selectedLayer(), 'the shape is placed', 10_000);
    await s.el.updateComplete;
    expect(s.shadow('.layers').querySelectorAll('.layer')).to.have.length(2);
    await expectNoViolations(s.el, 'a shape selected');
  });

  it('has no violations on a phone with the side panel open', async function () {
    this.timeout(30_000);
    s = await mountStudio({ draftKey: uniqueKey('axe-phone'), viewport: { width: 390, height: 800 }, width: 390 });
    await clickIn(s.shadow('[data-action="panel"]'));
    await s.el.updateComplete;
    await expectNoViolations(s.el, 'the phone layout, panel open');
  });

  it('has no violations with the drafts list open', async function () {
    this.timeout(30_000);
    s = await mountStudio({ draftKey: uniqueKey('axe-drafts') });
    await s.tool('fill');
    await s.click(geometry(s.editor.manifest!.views[0]).centre(20));
    await clickIn(s.shadow('[data-action="drafts"]'));
    await waitFor(() => dialog(s!, 'drafts')?.querySelector('.draft'), 'the drafts list shows a draft', 10_000);
    await expectNoViolations(s.el, 'the drafts list open');
    await clickIn(dialog(s, 'drafts')!.querySelector('[data-action="rename-draft"]')!);
    await s.el.updateComplete;
    await expectNoViolations(s.el, 'a draft being renamed');
    await clickIn(dialog(s, 'drafts')!.querySelector('[data-action="delete-draft"]')!);
    await s.el.updateComplete;
    await expectNoViolations(s.el, 'a deletion waiting for a yes');
  });

  it('has no violations through the submit dialog: brief, consent, author, previews, sending and sent', async function () {
    this.timeout(60_000);
    api = await startApiServer();
    s = await mountStudio({ draftKey: uniqueKey('axe-submit') });
    s.el.setAttribute('endpoint', api.endpoint);
    void s.el.submit().catch(() => undefined);
    const d = await submitDialog(s.el);
    await expectNoViolations(s.el, 'the submit dialog (brief, terms, previews)');
    await clickIn(d.querySelector('[data-action="send"]')!);
    await s.el.updateComplete;
    await expectNoViolations(s.el, 'the submit dialog asking for a name and consent');
    await clickIn(d.querySelector('input[name="author"]')!);
    await sendKeys({ type: 'Ada' });
    await clickIn(d.querySelector('input[name="consent"]')!);
    await waitFor(() => d.querySelector<HTMLInputElement>('input[name="consent"]')!.checked, 'the consent box ticked');
    await clickIn(d.querySelector('[data-action="send"]')!);
    await waitFor(() => /Sent!/.test(d.querySelector('.submit-status')?.textContent ?? ''), 'sent', 20_000);
    await expectNoViolations(s.el, 'the design sent');
  });

  it('has no violations with a submission queued (the backend is down)', async function () {
    this.timeout(60_000);
    api = await startApiServer({ faults: { designs: [503, 503, 503, 503, 503, 503] } });
    s = await mountStudio({ draftKey: uniqueKey('axe-queued') });
    s.el.setAttribute('endpoint', api.endpoint);
    s.el.author = 'Ada';
    const result = s.el.submit().catch(() => undefined);
    const d = await submitDialog(s.el);
    await clickIn(d.querySelector('input[name="consent"]')!);
    await waitFor(() => d.querySelector<HTMLInputElement>('input[name="consent"]')!.checked, 'the consent box ticked');
    await clickIn(d.querySelector('[data-action="send"]')!);
    await result;
    await s.el.updateComplete;
    expect(d.querySelector('.submit-status')!.textContent).to.match(/queued|could not be sent/);
    await expectNoViolations(s.el, 'a submission queued or failed');
  });

  it('takes every name from the translation table: German, no violations', async function () {
    this.timeout(30_000);
    const lang = document.documentElement.lang;
    document.documentElement.lang = 'de';
    try {
      s = await mountStudio({ draftKey: uniqueKey('axe-de') });
      const stage = s.shadow('.stage');
      expect(stage.getAttribute('aria-label')).to.equal('Designfläche');
      expect(s.shadow('#canvas-help').textContent).to.match(/^Pfeiltasten/);
      expect(s.shadow('.layer-pick').getAttribute('aria-label')).to.match(/auswählen$/);
      await expectNoViolations(s.el, 'the German studio');
    } finally {
      document.documentElement.lang = lang;
    }
  });

  it('has no violations with an error showing (a refused upload) and with the save status', async function () {
    this.timeout(30_000);
    s = await mountStudio({ draftKey: uniqueKey('axe-error'), allowErrors: true });
    await s.tool('fill');
    await s.click(geometry(s.editor.manifest!.views[0]).centre(20));
    await waitFor(() => /Saved/.test(s!.shadow('.save-state').textContent ?? ''), 'saved', 10_000);
    await expectNoViolations(s.el, 'the saved status');
    await chooseFile('notes.txt', new TextEncoder().encode('not an image'));
    await waitFor(() => s!.el.shadowRoot!.querySelector('.error'), 'the refusal shows', 10_000);
    await expectNoViolations(s.el, 'an upload refused');
    // A notice from a tool: painting outside the design area.
    await s.tool('fill');
    await s.click([2, 2]);
    await waitFor(() => s!.shadow('.notice').textContent?.trim(), 'a notice shows', 10_000);
    await expectNoViolations(s.el, 'a tool notice');
  });
});
