import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PlacedObject, ViewDesign } from '../../src/document/types.ts';

import { uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { mountStudio, submitDialog, type Pt, type TestStudio } from '../support/studio.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { expectNoViolations } from './axe.ts';
import { waitFor } from '../support/wait.ts';

/** A key press through the DevTools protocol; `Shift+X` holds Shift around it. */
async function press(key: string): Promise<void> {
  const [mod, k] = key.includes('+') ? key.split('+') : [undefined, key];
  if (mod) await sendKeys({ down: mod });
  await sendKeys({ press: k });
  if (mod) await sendKeys({ up: mod });
}

/** The focused element inside the studio's shadow root (or the page's, outside it). */
function focused(s: TestStudio): Element | null {
  let a: Element | null = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

/** Presses Tab (or Shift+Tab) until the focus is on what `want` accepts. */
async function tabTo(s: TestStudio, want: (el: Element) => boolean, what: string, back = false): Promise<Element> {
  for (let i = 0; i < 80; i++) {
    const el = focused(s);
    if (el && want(el)) return el;
    await press(back ? 'Shift+Tab' : 'Tab');
    await s.el.updateComplete;
  }
  throw new Error(`Tab never reached ${what}`);
}

const isStage = (el: Element) => el.classList.contains('stage');

/** Moves the keyboard cursor with arrow presses (Shift for the long way) to a design point. */
async function cursorTo(s: TestStudio, [x, y]: Pt): Promise<void> {
  const cursor = s!.editor.input.keyboard!.cursor;
  for (let i = 0; i < 200; i++) {
    const z = s.editor.canvas.getZoom();
    const dx = (x - cursor.position.x) * z;
    const dy = (y - cursor.position.y) * z;
    const big = (d: number) => Math.abs(d) >= 80;
    const small = (d: number) => Math.abs(d) >= 6;
    if (big(dx)) await press(dx > 0 ? 'Shift+ArrowRight' : 'Shift+ArrowLeft');
    else if (big(dy)) await press(dy > 0 ? 'Shift+ArrowDown' : 'Shift+ArrowUp');
    else if (small(dx)) await press(dx > 0 ? 'ArrowRight' : 'ArrowLeft');
    else if (small(dy)) await press(dy > 0 ? 'ArrowDown' : 'ArrowUp');
    else return;
  }
  throw new Error('the cursor did not get there');
}

const objects = (v: ViewDesign) => v.layers.flatMap((l) => (l.kind === 'object' ? [{ id: l.id, ...l.object } as PlacedObject & { id: string }] : []));

describe('<co-design-studio> keyboard only', () => {
  let s: TestStudio | undefined;
  let api: ApiServer | undefined;
  afterEach(async () => {
    s?.remove();
    s = undefined;
    await api?.stop();
    api = undefined;
  });

  it('places a shape, a sticker and text, fills an area, moves, rotates, scales and deletes, saves and submits', async function () {
    this.timeout(120_000);
    api = await startApiServer();
    s = await mountStudio({ draftKey: uniqueKey('keyboard') });
    s.el.setAttribute('endpoint', api.endpoint);
    const view = s.editor.manifest!.views[0];
    const g = geometry(view);
    const [cx, cy] = g.centre(60);
    const side = () => s!.design().views.find((v) => v.view === view.id)!;
    let edits = 0;
    s.el.addEventListener('co-design-change', (e) => (e.kind === 'edit' ? edits++ : undefined));
    /** One keyboard gesture must be exactly one undo step. */
    const oneStep = async (what: string, act: () => Promise<void>, steps = 1) => {
      const before = edits;
      await act();
      await s!.el.updateComplete;
      expect(edits - before, `${what}: undo steps`).to.equal(steps);
    };

    // Tab into the toolbar (one Tab stop: the current tool), arrow down to the shape tool, Enter.
    await tabTo(s, (el) => el.hasAttribute('data-tool'), 'the toolbar');
    expect(focused(s)!.getAttribute('data-tool')).to.equal(s.editor.tool);
    for (let i = 0; i < 12 && focused(s)!.getAttribute('data-tool') !== 'shape'; i++) await press('ArrowDown');
    await press('Enter');
    expect(s.editor.tool).to.equal('shape');
    expect(s.shadow('[data-tool="shape"]').getAttribute('aria-keyshortcuts')).to.equal('R');

    // To the canvas: the crosshair shows; move it and place a shape.
    await tabTo(s, isStage, 'the canvas');
    // The canvas keyboard is a lazy chunk: focusing the canvas loads it.
    await waitFor(() => s!.editor.input.keyboard, 'the canvas keyboard loaded', 10_000);
    expect(getComputedStyle(s.shadow('.kbd-cursor')).display).to.equal('block');
    await cursorTo(s, [cx - 150, cy]);
    const at = { ...s!.editor.input.keyboard!.cursor.position };
    await oneStep('shape', async () => {
      await press('Enter');
      await waitFor(() => objects(side()).length === 1, 'the shape is placed', 10_000);
    });
    const shape = objects(side())[0];
    expect(shape.type).to.equal('shape');
    expect(shape.x, 'centred on the cursor').to.be.closeTo(at.x, 0.01);
    expect(shape.y).to.be.closeTo(at.y, 0.01);

    // A sticker: the tool by its key, a sticker chosen in the panel (Tab, Enter), back to the canvas.
    await press('Escape');
    await press('k');
    expect(s.editor.tool).to.equal('sticker');
    const first = s.editor.manifest!.stickers![0];
    await tabTo(s, (el) => el.getAttribute('data-sticker') === first.id, 'the first sticker');
    await press('Enter');
    await tabTo(s, isStage, 'the canvas again', true);
    await cursorTo(s, [cx + 150, cy]);
    await oneStep('sticker', async () => {
      await press('Enter');
      await waitFor(() => objects(side()).length === 2, 'the sticker is placed', 10_000);
    });
    expect(objects(side())[1]).to.include({ type: 'sticker', sticker: first.id });

    // Text at the cursor, typed, and the focus comes back to the canvas: two steps (place, edit).
    await press('Escape');
    await press('t');
    await cursorTo(s, [cx, cy - 120]);
    await oneStep(
      'text',
      async () => {
        await press('Enter');
        await waitFor(() => objects(side()).length === 3, 'the text is placed', 10_000);
        await sendKeys({ type: 'Hello' });
        await press('Escape');
        await waitFor(() => focused(s!)?.classList.contains('stage'), 'the canvas has the focus back', 10_000);
      },
      2,
    );
    expect(objects(side())[2]).to.include({ type: 'text', text: 'Hello' });

    // Fill the area under the cursor.
    await press('Escape');
    await press('f');
    await cursorTo(s, [cx, cy + 80]);
    const marks = () => side().layers.reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);
    await oneStep('fill', () => press('Enter'));
    expect(marks()).to.equal(1);
    expect(side().layers.flatMap((l) => (l.kind === 'paint' ? l.marks : []))[0]).to.include({ type: 'fill', color: s.editor.style.color });

    // A straight pencil line: Enter at each end.
    await press('p');
    await cursorTo(s, [cx - 100, cy + 40]);
    await oneStep('line start', () => press('Enter'), 0);
    await cursorTo(s, [cx + 100, cy + 40]);
    await oneStep('line end', () => press('Enter'));
    expect(marks()).to.equal(2);

    // Select the shape under the cursor; move, rotate, scale it; each press one step.
    await press('v');
    await cursorTo(s, [cx - 150, cy]);
    await oneStep('select', () => press('Enter'), 0);
    expect(s.editor.selectedLayer()?.id).to.equal(shape.id);
    const placed = () => objects(side()).find((o) => o.id === shape.id)!;
    await oneStep('move right', () => press('ArrowRight'));
    await oneStep('move down far', () => press('Shift+ArrowDown'));
    expect(placed().x).to.be.closeTo(shape.x + 2, 0.01);
    expect(placed().y).to.be.closeTo(shape.y + 20, 0.01);
    await oneStep('rotate', () => press('.'));
    expect(placed().angle).to.be.closeTo(5, 0.01);
    await oneStep('scale', () => press(']'));
    expect(placed().scaleX).to.be.closeTo(1.05, 0.001);
    await expectNoViolations(s.el, 'a keyboard session with an object selected');

    // Select the sticker and delete it.
    await press('Escape');
    await cursorTo(s, [cx + 150, cy]);
    await press('Enter');
    expect(s.editor.selectedLayer()?.kind === 'object' && s.editor.selectedLayer()).to.include({ kind: 'object' });
    await oneStep('delete', () => press('Delete'));
    expect(objects(side()).map((o) => o.type)).to.deep.equal(['shape', 'text']);
    // Undo and redo from the keyboard, too.
    await press('Control+z');
    expect(objects(side()).map((o) => o.type)).to.deep.equal(['shape', 'sticker', 'text']);
    await press('Control+y');
    expect(objects(side()).map((o) => o.type)).to.deep.equal(['shape', 'text']);

    // The canvas describes what it holds.
    const description = s.shadow('#canvas-description').textContent!;
    expect(description).to.contain('“Hello”');
    expect(description).to.match(/Shape 1: Rectangle/);
    expect(s.shadow('.stage').getAttribute('aria-describedby')).to.contain('canvas-description');

    // The draft saves itself.
    const saved = new Promise((resolve) => s!.el.addEventListener('co-design-draft-saved', resolve, { once: true }));
    await press('ArrowLeft');
    await saved;

    // Submit from the keyboard: back to the header's submit button, then the dialog.
    await tabTo(s, (el) => el.getAttribute('data-action') === 'submit', 'the submit button', true);
    await press('Enter');
    await submitDialog(s.el);
    await tabTo(s, (el) => el.getAttribute('name') === 'author', 'the name field');
    await sendKeys({ type: 'Ada' });
    await tabTo(s, (el) => el.getAttribute('name') === 'consent', 'the consent box');
    await press('Space');
    await tabTo(s, (el) => el.getAttribute('data-action') === 'send', 'the send button');
    await press('Enter');
    await waitFor(async () => (await api!.state()).designs.length > 0, 'the server stored the design', 20_000);
    const { designs } = await api.state();
    expect(designs).to.have.length(1);
    expect(designs[0].author).to.equal('Ada');
    await waitFor(() => /Sent!/.test(s!.el.shadowRoot!.querySelector('.submit-status')?.textContent ?? ''), 'the dialog says sent', 10_000);
  });

  it('switches views with the arrow keys in the view tabs; the canvas description follows', async function () {
    this.timeout(30_000);
    s = await mountStudio({ draftKey: uniqueKey('views') });
    const views = s.editor.manifest!.views;
    expect(views.length).to.be.greaterThan(1);
    await tabTo(s, (el) => el.getAttribute('role') === 'tab', 'the view tabs');
    expect(focused(s)!.getAttribute('data-view')).to.equal(views[0].id);
    await press('ArrowRight');
    await s.el.updateComplete;
    expect(s.editor.view).to.equal(views[1].id);
    expect(focused(s)!.getAttribute('aria-selected')).to.equal('true');
    expect(s.shadow('#canvas-description').textContent).to.contain(views[1].name);
    // One Tab stop for the tab list: the next Tab leaves it.
    await press('Tab');
    expect(focused(s)!.getAttribute('role')).to.not.equal('tab');
  });
});
