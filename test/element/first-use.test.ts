/**
 * What a new customer trips over on the demo at 1280 × 800, each tried as
 * they meet it: the Submit button, the brief, the focus frame after a
 * pointer, Escape in the drafts dialog, cancelling a submission, swatches
 * a screen reader can name.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CoDesignErrorEvent } from '../../src/element/events/error.ts';
import { uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, submitDialog, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

describe('<co-design-studio> first use', () => {
  let s: TestStudio | undefined;
  afterEach(() => {
    s?.remove();
    s = undefined;
  });

  it('shows Submit as a button in the brand colour before any dialog was opened', async () => {
    s = await mountStudio({ draftKey: uniqueKey('first-submit') });
    expect(s.el.shadowRoot!.querySelector('dialog'), 'no dialog has been opened').to.equal(null);
    const submit = s.shadow('[data-action="submit"]');
    const style = getComputedStyle(submit);
    expect(style.backgroundColor).to.equal('rgb(10, 88, 202)');
    expect(style.color).to.equal('rgb(255, 255, 255)');
  });

  it('shows the campaign brief where the customer starts, and folds it away', async () => {
    s = await mountStudio({ draftKey: uniqueKey('first-brief') });
    const brief = s.editor.manifest!.brief!;
    const panel = s.shadow<HTMLDetailsElement>('details.brief-panel');
    expect(panel.open).to.equal(true);
    expect(panel.querySelector('.brief-title')!.textContent).to.equal(brief.title);
    const text = panel.querySelector<HTMLElement>('.brief-text')!;
    expect(text.textContent).to.equal(brief.text);
    expect(text.checkVisibility(), 'the brief text is on screen').to.equal(true);
    expect(panel.querySelectorAll('.brief-rules li')).to.have.length(brief.rules.length);
    await clickIn(panel.querySelector('summary')!);
    await waitFor(() => !panel.open, 'the brief to fold');
    expect(text.checkVisibility(), 'the folded brief hides its text').to.equal(false);
  });

  it('shows no focus frame or keyboard crosshair after a pointer stroke, and both after Tab', async () => {
    s = await mountStudio({ draftKey: uniqueKey('first-focus') });
    const stage = s.shadow('.stage');
    const crosshair = () => stage.querySelector<HTMLElement>('.kbd-cursor');
    // A customer who used the keyboard last (the pencil's key on a focused tool button), then paints with the mouse:
    // the browser's heuristic would carry :focus-visible over to the canvas the studio focuses on pointerdown.
    const pencil = s.shadow<HTMLButtonElement>('[data-tool="pencil"]');
    pencil.focus();
    await sendKeys({ press: 'p' });
    expect(pencil.matches(':focus-visible'), 'the tool button has keyboard focus').to.equal(true);
    const p = geometry(s.editor.manifest!.views[0]).centre(20);
    await s.drag([p, [p[0] + 80, p[1] + 10]], { steps: 4 });
    expect(s.editor.design.views[0].layers.some((l) => l.kind === 'paint' && l.marks.length === 1), 'the stroke landed').to.equal(true);
    expect(s.el.shadowRoot!.activeElement, 'the pointer focused the canvas').to.equal(stage);
    expect(getComputedStyle(stage).outlineStyle).to.equal('none');
    // The crosshair's chunk may have loaded by now (keyboard use loads it): if it is there, it is hidden.
    if (crosshair()) expect(getComputedStyle(crosshair()!).display).to.equal('none');

    // The current tool's button is the toolbar's tab stop; Shift+Tab goes back to it and Tab on to the canvas.
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await waitFor(() => s!.el.shadowRoot!.activeElement === pencil, 'Shift+Tab to reach the toolbar');
    await sendKeys({ press: 'Tab' });
    await waitFor(() => s!.el.shadowRoot!.activeElement === stage, 'Tab to reach the canvas');
    expect(getComputedStyle(stage).outlineStyle).to.equal('solid');
    await waitFor(() => crosshair() && getComputedStyle(crosshair()!).display === 'block', 'the keyboard crosshair');
  });

  it('opens the file picker when the image tool is chosen by its key, as by its button', async () => {
    s = await mountStudio({ draftKey: uniqueKey('first-image-key') });
    const input = s.shadow<HTMLInputElement>('input.image-file');
    const opened = new Promise<void>((resolve) => input.addEventListener('click', () => resolve(), { once: true }));
    s.shadow('.stage').focus();
    await sendKeys({ press: 'i' });
    await opened;
    expect(s.editor.tool).to.equal('image');
  });

  it('closes the drafts dialog with Escape', async () => {
    s = await mountStudio({ draftKey: uniqueKey('first-escape') });
    await clickIn(s.shadow('[data-action="drafts"]'));
    const dialog = await waitFor(() => s!.el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.drafts[open]'), 'the drafts dialog');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.isConnected || !dialog.open, 'Escape to close the drafts dialog');
  });

  it('fires no co-design-error when the customer closes the submit dialog', async () => {
    s = await mountStudio({ draftKey: uniqueKey('first-cancel') });
    s.el.setAttribute('endpoint', '/api');
    const errors: CoDesignErrorEvent[] = [];
    s.el.addEventListener('co-design-error', (e) => errors.push(e));
    const result = s.el.submit().then(
      () => 'settled',
      (e: { code: string }) => e.code,
    );
    const dialog = await submitDialog(s.el);
    await clickIn(dialog.querySelector('[data-action="close-submit"]')!);
    // The cancel happened (the promise says so) and was not reported as an error.
    expect(await result).to.equal('submit-cancelled');
    expect(dialog.open).to.equal(false);
    expect(errors.map((e) => e.code)).to.deep.equal([]);

    // A real failure still is: an unknown view for exportImage.
    await s.el.exportImage({ view: 'nowhere' }).catch(() => undefined);
    expect(errors.map((e) => e.code)).to.deep.equal(['view-unknown']);
  });

  it('names the palette swatches for screen readers, with the hex value in the title', async () => {
    s = await mountStudio({ template: '/templates/sneaker.json', draftKey: uniqueKey('first-swatches') });
    await s.tool('pencil');
    const swatches = [...s.el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.swatch')];
    const named = new Map(swatches.map((b) => [b.title.match(/#[0-9a-f]{6}/i)![0], b.getAttribute('aria-label')]));
    expect(named.get('#d7263d')).to.equal('Red');
    expect(named.get('#2d7dd2')).to.equal('Blue');
    expect(named.get('#1b264f')).to.equal('Dark blue');
    expect(named.get('#f4f1ea')).to.equal('White');
    expect(named.get('#1d1d1f')).to.equal('Black');
    expect(named.get('#f6c90e')).to.equal('Yellow');
    expect(named.get('#2e933c')).to.equal('Green');
    expect(named.get('#7b2cbf')).to.equal('Purple');
    for (const [hex, label] of named) expect(label, hex).to.not.match(/^#/);
  });
});

describe('<co-design-studio> errors name what failed', () => {
  let el: HTMLElement | undefined;
  afterEach(() => el?.remove());

  it('reports a template whose product art cannot be loaded as template-load-failed, not export-failed', async () => {
    // The manifest as an object, its art at absolute URLs (an object resolves them against the page), one of them gone.
    const base = new URL('/templates/', location.href).href;
    const text = await (await fetch('/templates/roadster.json')).text();
    const manifest = JSON.parse(text.replaceAll('"roadster/', `"${base}roadster/`));
    manifest.views[0].base = `${base}roadster/no-such-art.svg`;
    el = document.createElement('co-design-studio');
    el.setAttribute('draft-key', uniqueKey('broken-art'));
    const failed = new Promise<CoDesignErrorEvent>((resolve) => el!.addEventListener('co-design-error', resolve, { once: true }));
    (el as HTMLElement & { template: unknown }).template = manifest;
    document.body.append(el);
    const error = await failed;
    expect(error.code).to.equal('template-load-failed');
    expect(error.message).to.match(/no-such-art\.svg/);
    const shown = await waitFor(() => el!.shadowRoot!.querySelector('.error')?.textContent ?? '', 'the error bar');
    expect(shown).to.not.match(/export/i);
  });
});
