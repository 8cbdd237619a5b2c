import { expect } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { IText } from 'fabric/es';
import type { DesignDocument, ObjectLayer, TextObject } from '../../src/document/types.ts';
import { expectNoViolations } from '../a11y/axe.ts';
import { parseTemplateManifest } from '../../src/template/schema.ts';
import { nextSave, uniqueKey, storedAsShown } from '../support/drafts.ts';
import { mountStudio, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const texts = (s: TestStudio): (ObjectLayer & { object: TextObject })[] =>
  s.design().views.find((v) => v.view === s.editor.view)!.layers.filter(
    (l): l is ObjectLayer & { object: TextObject } => l.kind === 'object' && l.object.type === 'text',
  );
const only = (s: TestStudio): TextObject => texts(s)[0].object;
const fabricText = (s: TestStudio): IText => s.editor.canvas.getActiveObject() as IText;

function same(a: ImageData, b: ImageData): boolean {
  if (a.width !== b.width || a.height !== b.height) return false;
  for (let i = 0; i < a.data.length; i++) if (a.data[i] !== b.data[i]) return false;
  return true;
}

/** The box of an export's opaque pixels (those not opaque in `under` already, the locked badge), in export pixels. */
function paintBox(img: ImageData, under?: ImageData): { left: number; top: number; right: number; bottom: number } {
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (let y = 0; y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const i = (y * img.width + x) * 4 + 3;
      if (img.data[i] < 64 || (under && under.data[i] >= 64)) continue;
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
    }
  return box;
}

/** Paint only, without the product art and the locked badge's corner of the side view. */
const paint = (s: TestStudio) => s.exportPixels({ withProduct: false, width: 1600 });

/** Places a text at `at` through the text tool and types `words` into it. */
async function typeText(s: TestStudio, at: Pt, words: string): Promise<void> {
  await s.tool('text');
  await s.click(at);
  await waitFor(() => texts(s).length && fabricText(s)?.isEditing, 'the text box on screen, ready for typing');
  await sendKeys({ type: words });
  await sendKeys({ press: 'Escape' });
  await waitFor(() => only(s).text === words && !fabricText(s).isEditing, 'the typed text stored');
}

/** Ctrl+A in the text being typed into. */
async function selectAll(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'a' });
  await sendKeys({ up: 'Control' });
}

/** The centre of letter `k` of the selected text as it is set on its curve, in design units. */
function letterAt(s: TestStudio, k: number): Pt {
  const fo = fabricText(s);
  const box = fo.__charBounds[0][k] as { renderLeft: number; renderTop: number };
  const [a, b, c, d, e, f] = fo.calcTransformMatrix();
  return [a * box.renderLeft + c * box.renderTop + e, b * box.renderLeft + d * box.renderTop + f];
}

/** Page coordinates of the selected text's bend handle. */
function bendHandle(s: TestStudio): Pt {
  const fo = fabricText(s);
  fo.setCoords();
  const rect = s.editor.canvas.upperCanvasEl.getBoundingClientRect();
  const c = fo.oCoords.bend;
  return [Math.round(rect.left + c.x), Math.round(rect.top + c.y)];
}

/** Drags the bend handle by `dy` page pixels (negative: up), in small steps as a hand would. */
async function dragHandle(s: TestStudio, dy: number): Promise<void> {
  const [x, y] = bendHandle(s);
  await sendMouse({ type: 'move', position: [x, y] });
  await sendMouse({ type: 'down' });
  for (let i = 1; i <= 8; i++) await sendMouse({ type: 'move', position: [x, Math.round(y + (dy * i) / 8)] });
  await sendMouse({ type: 'up' });
  await s.el.updateComplete;
}

describe('<co-design-studio> curved text', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('bends by its handle in one step, stays editable as text, and undoes and redoes step by step', async () => {
    s = await mountStudio();
    await typeText(s, [800, 470], 'CURVE TEST');
    const straight = await paint(s);
    const steps = () => s!.editor.historyEntries().done.length;
    const before = steps();

    await dragHandle(s, -90);
    const bent = only(s);
    expect(bent.curve && 'bend' in bent.curve && bent.curve.bend, 'bent up').to.be.greaterThan(10);
    expect(steps(), 'the whole drag is one step').to.equal(before + 1);
    // Arched up: the ends come down, so the paint is taller than the straight line's and lies as wide or narrower.
    const curved = await paint(s);
    const [a, b] = [paintBox(straight), paintBox(curved)];
    expect(b.bottom - b.top, 'taller than straight').to.be.greaterThan((a.bottom - a.top) * 1.3);
    expect(b.right - b.left).to.be.at.most(a.right - a.left + 2);

    // Editing: a click on the selected text opens it for typing, in place, still curved.
    await s.click([800, 470]);
    await waitFor(() => fabricText(s!).isEditing, 'the curved text open for typing');
    expect(fabricText(s).path, 'curved while typing').to.not.equal(undefined);
    // A click on a letter puts the cursor beside that letter, along the curve.
    for (const k of [1, 7]) {
      await s.click(letterAt(s, k));
      await waitFor(() => [k, k + 1].includes(fabricText(s!).selectionStart), () => `the cursor at letter ${k}, not ${fabricText(s!).selectionStart}`);
    }
    await selectAll();
    await sendKeys({ type: 'ON A CURVE' });
    // Enter ends the typing of a curved text (one line) instead of starting a second line.
    await sendKeys({ press: 'Enter' });
    await waitFor(() => only(s!).text === 'ON A CURVE', 'the edited text stored');
    expect(fabricText(s).isEditing).to.equal(false);
    expect(fabricText(s).path, 'bent again').to.not.equal(undefined);
    expect(only(s).curve).to.deep.equal(bent.curve);
    expect(steps(), 'the edit is one step').to.equal(before + 2);
    const edited = await paint(s);
    expect(same(edited, curved)).to.equal(false);

    s.el.undo();
    expect(only(s).text).to.equal('CURVE TEST');
    expect(only(s).curve).to.deep.equal(bent.curve);
    expect(same(await paint(s), curved), 'undo shows the curved text again').to.equal(true);
    s.el.undo();
    expect(only(s).curve, 'undo straightens').to.equal(undefined);
    expect(same(await paint(s), straight), 'exactly the straight text').to.equal(true);
    s.el.redo();
    expect(only(s).curve).to.deep.equal(bent.curve);
    s.el.redo();
    expect(only(s).text).to.equal('ON A CURVE');
    expect(same(await paint(s), edited), 'redo shows the edit').to.equal(true);
  });

  it('bends down with the handle and back to straight with the keyboard slider', async () => {
    s = await mountStudio();
    await typeText(s, [800, 470], 'SMILE');
    const straight = await paint(s);
    await dragHandle(s, 60);
    const curve = only(s).curve;
    expect(curve && 'bend' in curve && curve.bend, 'bent down').to.be.lessThan(-5);
    const bend = (curve as { bend: number }).bend;

    // The options load with the first text selected.
    const slider = await waitFor(() => s!.el.shadowRoot!.querySelector<HTMLInputElement>('input[data-curve="bend"]'), 'the bend slider');
    expect(Number(slider.value)).to.equal(bend);
    expect(slider.closest('label')!.textContent).to.contain('Bend');
    const before = s.editor.historyEntries().done.length;
    slider.focus();
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => (only(s!).curve as { bend: number } | undefined)?.bend === bend + 1, 'the bend one step less');
    expect(s.editor.historyEntries().done.length, 'one step per key').to.equal(before + 1);
    // Straight again: 0 stores no curve at all and draws exactly the text of before.
    for (let i = bend + 1; i < 0; i++) await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => only(s!).curve === undefined, 'straight again');
    expect(same(await paint(s), straight)).to.equal(true);

    // A pointer drag along the slider bends as it goes and is one step, recorded on release.
    const dragged = s.editor.historyEntries().done.length;
    const r = slider.getBoundingClientRect();
    const y = Math.round(r.top + r.height / 2);
    await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2), y] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 6; i++) await sendMouse({ type: 'move', position: [Math.round(r.left + r.width / 2 + i * 8), y] });
    await waitFor(() => fabricText(s!).path, 'the text bent while the slider moves');
    expect(s.editor.historyEntries().done.length, 'nothing recorded before the release').to.equal(dragged);
    await sendMouse({ type: 'up' });
    await waitFor(() => (only(s!).curve as { bend: number } | undefined)?.bend, 'the bend recorded on release');
    expect((only(s).curve as { bend: number }).bend).to.be.greaterThan(5);
    expect(s.editor.historyEntries().done.length, 'one step for the whole drag').to.equal(dragged + 1);
    // Home goes to the slider's minimum: a full circle, sagging.
    slider.focus();
    await sendKeys({ press: 'Home' });
    await waitFor(() => (only(s!).curve as { bend: number } | undefined)?.bend === -100, 'a full circle');
  });

  it('reopens exactly: loadDesign of the saved document and the draft after a remount export the same pixels', async () => {
    const key = uniqueKey('curve');
    s = await mountStudio({ draftKey: key });
    await typeText(s, [800, 470], 'Roadster 7');
    const saved = nextSave(s.el);
    await dragHandle(s, -70);
    await storedAsShown(s.el, (await saved).draft);
    const design = s.design();
    expect(only(s).curve).to.not.equal(undefined);
    const shown = await s.exportPixels({ width: 1600 });

    await s.el.loadDesign(JSON.parse(JSON.stringify(design)) as DesignDocument);
    expect(only(s)).to.deep.equal(design.views[0].layers.find((l) => l.kind === 'object')!.object);
    expect(same(await s.exportPixels({ width: 1600 }), shown), 'loadDesign: same pixels').to.equal(true);

    s.remove();
    s = await mountStudio({ draftKey: key });
    expect(only(s).curve).to.deep.equal((design.views[0].layers.find((l) => l.kind === 'object') as ObjectLayer & { object: TextObject }).object.curve);
    expect(same(await s.exportPixels({ width: 1600 }), shown), 'draft restore: same pixels').to.equal(true);
  });

  it('follows the template path chosen for it: the sill line of the roadster', async () => {
    s = await mountStudio();
    const badge = await paint(s);
    await typeText(s, [800, 440], 'AURELIA');
    const choice = await waitFor(() => s!.el.shadowRoot!.querySelector<HTMLSelectElement>('select[data-curve="line"]'), 'the text line choice');
    await expectNoViolations(s.el, 'the curve options of a selected text');
    expect([...choice.options].map((o) => o.textContent!.trim())).to.deep.equal(['Arc', 'Sill line']);
    const before = s.editor.historyEntries().done.length;
    choice.focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => (only(s!).curve as { path?: string } | undefined)?.path === 'sill', 'the text on the sill line');
    expect(s.editor.historyEntries().done.length, 'one step').to.equal(before + 1);
    // The line places the text: centred on the sill between the wheels, whatever was stored before.
    const sill = { left: 515, right: 1092, y: 526 };
    const box = paintBox(await paint(s), badge);
    expect((box.left + box.right) / 2).to.be.closeTo((sill.left + sill.right) / 2, 12);
    expect((box.top + box.bottom) / 2).to.be.closeTo(sill.y, 10);
    expect(s.el.shadowRoot!.querySelector('input[data-curve="bend"]'), 'no bend slider on a path').to.equal(null);
    expect(fabricText(s).lockMovementX, 'it stays on its line').to.equal(true);
    // Keys respect the line too: an arrow on the canvas moves the keyboard cursor, not the text.
    const onLine = { ...only(s) };
    const steps = s.editor.historyEntries().done.length;
    s.shadow<HTMLElement>('.stage').focus();
    const keyboard = await waitFor(() => s!.editor.input.keyboard, 'the canvas keyboard loaded');
    const cursorAt = { ...keyboard.cursor.position };
    await sendKeys({ press: 'ArrowRight' });
    await waitFor(() => keyboard.cursor.position.x !== cursorAt.x, 'the arrow key on the canvas');
    expect(only(s)).to.deep.equal(onLine);
    expect(s.editor.historyEntries().done.length).to.equal(steps);

    // Typing more text than the line holds continues the line straight past its ends, nothing clipped or wrapped.
    await s.click([800, 526]);
    await waitFor(() => fabricText(s!).isEditing, 'the text open for typing');
    await selectAll();
    await sendKeys({ type: 'AURELIA ROADSTER TWENTY-SIX' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => only(s!).text === 'AURELIA ROADSTER TWENTY-SIX', 'the longer text stored');
    const long = await paint(s);
    const wide = paintBox(long, badge);
    expect(wide.right - wide.left).to.be.greaterThan(sill.right - sill.left);

    const design = s.design();
    await s.el.loadDesign(JSON.parse(JSON.stringify(design)) as DesignDocument);
    expect(same(await paint(s), long), 'reopened the same').to.equal(true);
    s.el.undo();
  });

  it('refuses a curve beyond its limits, on a path the template lacks or over two lines, and keeps the design', async () => {
    s = await mountStudio();
    await typeText(s, [800, 470], 'KEEP');
    const design = s.design();
    const withCurve = (curve: unknown, text = 'KEEP') => {
      const copy = JSON.parse(JSON.stringify(design)) as DesignDocument;
      const layer = copy.views[0].layers.find((l) => l.kind === 'object') as ObjectLayer & { object: TextObject };
      Object.assign(layer.object, { curve, text });
      return copy;
    };
    const refusal = (doc: DesignDocument) => s!.el.loadDesign(doc).then(() => undefined, (e: { code: string; message: string }) => e);
    for (const [doc, says] of [
      [withCurve({ bend: 101 }), /bend|100/],
      [withCurve({ bend: 20, path: 'sill' }), /curve/],
      [withCurve({ path: 'nowhere' }), /no path "nowhere"/],
      [withCurve({ bend: 30 }, 'TWO\nLINES'), /one line/],
    ] as const) {
      const error = await refusal(doc);
      expect(error?.code).to.equal('design-invalid');
      expect(error?.message).to.match(says);
      expect(only(s).text, 'the design on screen is kept').to.equal('KEEP');
    }
    await s.el.loadDesign(withCurve({ bend: -100 }));
    expect(only(s).curve).to.deep.equal({ bend: -100 });
  });

  it('template paths: named per view, ids unique across the manifest, refused with their path when broken', async () => {
    const manifest = await (await fetch('/templates/roadster.json')).json();
    expect(parseTemplateManifest(manifest).views[0].paths).to.deep.equal([
      { id: 'sill', name: 'Sill line', d: 'M515 522C700 530 910 530 1092 520' },
    ]);
    const refused = (change: (m: typeof manifest) => void) => {
      const copy = structuredClone(manifest);
      change(copy);
      try {
        parseTemplateManifest(copy);
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(refused((m) => (m.views[1].paths = [{ id: 'sill', name: 'Roof', d: 'M0 0L10 0' }]))).to.match(/duplicate path id "sill"/);
    expect(refused((m) => (m.views[0].paths[0].d = 'L0 0'))).to.match(/^views\[0\]\.paths\[0\]\.d: must be SVG path data/);
    expect(refused((m) => (m.views[0].paths[0].stroke = '#000'))).to.match(/unknown key/);
  });
});
