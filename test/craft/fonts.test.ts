import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { FabricObject } from 'fabric/es';
import type { DesignDocument, TextObject } from '../../src/document/types.ts';
import { loadTemplate } from '../../src/template/load.ts';
import type { TemplateManifest, TemplateView } from '../../src/template/types.ts';
import { geometry } from '../support/geometry.ts';
import { customerPaint } from '../support/mask.ts';
import { Page } from '../support/page.ts';
import { watchRequests } from '../support/requests.ts';
import { storedDesign } from '../support/stored.ts';
import { mountStudio, pixelsOf, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

// Issue 14, part 1: a template's fonts are files it ships (docs/craft/fonts.md). Text looks the same on every
// page, whatever fonts the device or the host page has, and a font that cannot be had is never replaced silently.
// Each test file runs in a page of its own: the first test here sees a page that has loaded no font yet.

const fontFiles = (urls: string[]) => urls.filter((u) => u.endsWith('.woff2')).map((u) => u.split('/').pop()!);

function textLayer(id: string, text: string, font: string, [x, y]: Pt, color = '#1b1d21'): DesignDocument['views'][0]['layers'][0] {
  return {
    id, name: id, visible: true, locked: false, kind: 'object',
    object: { type: 'text', text, font, size: 72, color, bold: false, italic: false, x, y, scaleX: 1, scaleY: 1, angle: 0 },
  };
}

/** The fabric object showing a text layer: what it is drawn with. */
function shownFont(s: TestStudio, layer: string): { fontFamily: string; opacity: number } {
  const fo = s.editor.canvas.getObjects().find((o) => (s.editor as unknown as { scene: { layerIdOf(o: FabricObject): string } }).scene.layerIdOf(o) === layer) as FabricObject & { fontFamily: string };
  return { fontFamily: fo.fontFamily, opacity: fo.opacity };
}

function samePixels(a: ImageData, b: ImageData): boolean {
  return a.width === b.width && a.height === b.height && a.data.every((v, i) => v === b.data[i]);
}

/** The text tool's code loads on its first use: like a person, type once the text box is open for typing. */
function typingBox(s: TestStudio): Promise<unknown> {
  return waitFor(() => s.editor.canvas.getObjects().some((o) => (o as FabricObject & { isEditing?: boolean }).isEditing), 'the text box open for typing');
}

function texts(doc: DesignDocument): TextObject[] {
  return doc.views.flatMap((v) => v.layers.flatMap((l) => (l.kind === 'object' && l.object.type === 'text' ? [l.object] : [])));
}

describe('template fonts', () => {
  let s: TestStudio | undefined;
  afterEach(() => {
    s?.remove();
    s = undefined;
  });

  it('fetches no font until text needs one: typing fetches the face it is drawn in, and only that', async () => {
    const requests = watchRequests();
    s = await mountStudio();
    const view = s.editor.manifest!.views[0];
    const [x, y] = geometry(view).centre(40);
    const [px, py] = geometry(view).interior(20)[0];
    // Open, paint, place a shape (the select tool follows, and it offers fonts too): no text, so no font.
    await s.tool('pencil');
    await s.drag([[px, py], [px + 10, py + 10]], { steps: 4 });
    await waitFor(() => s!.design().views.some((v) => v.layers.some((l) => l.kind === 'paint' && l.marks.length)), 'the stroke');
    await s.tool('shape');
    await s.click([px + 40, py]);
    await waitFor(() => s!.editor.tool === 'select' && s!.design().views[0].layers.some((l) => l.kind === 'object'), 'the shape placed, the select tool on');
    expect(fontFiles(await requests.settled()), 'fonts fetched before any text').to.deep.equal([]);

    await s.tool('text');
    await s.click([x, y]);
    await typingBox(s);
    await sendKeys({ type: 'Go fast' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => texts(s!.design()).some((t) => t.text === 'Go fast'), 'the typed text');
    // Clean (Inter), upright and regular: its latin and latin-ext files, nothing of the other fonts or weights.
    expect(fontFiles(await requests.settled()).sort()).to.deep.equal(['inter-latin-400-normal.woff2', 'inter-latin-ext-400-normal.woff2']);
    const typed = s.design().views[0].layers.find((l) => l.kind === 'object' && l.object.type === 'text')!;
    expect(shownFont(s, typed.id).fontFamily).to.match(/^"cds-inter-\d+-[0-9a-f]{8}"$/);
    expect(shownFont(s, typed.id).opacity).to.equal(1);
    requests.stop();
  });

  it('opens a design that named the old system stacks in the shipped fonts, and keeps the names it stored', async () => {
    s = await mountStudio();
    const view = s.editor.manifest!.views[0];
    const [x, y] = geometry(view).centre(60);
    const empty = s.design();
    const design = (clean: string, race: string): DesignDocument => {
      const doc = structuredClone(empty);
      doc.views.find((v) => v.view === view.id)!.layers.push(textLayer('clean', 'Aurelia 8', clean, [x, y - 60]), textLayer('race', 'RACE 44', race, [x, y + 60]));
      return doc;
    };
    const before = customerPaint(await s.exportPixels({ withProduct: false, width: 1200 }), view);

    // As the templates wrote them before they shipped fonts, and as a design could spell them.
    await s.el.loadDesign(design(`'helvetica neue',arial,  sans-serif`, 'Impact, "Arial Black", sans-serif'));
    const old = await s.exportPixels({ withProduct: false, width: 1200 });
    expect(texts(s.design()).map((t) => t.font)).to.deep.equal([`'helvetica neue',arial,  sans-serif`, 'Impact, "Arial Black", sans-serif']);
    expect(shownFont(s, 'clean').fontFamily).to.match(/^"cds-inter-/);
    expect(shownFont(s, 'race').fontFamily).to.match(/^"cds-anton-/);

    await s.el.loadDesign(design('Inter', 'Anton'));
    const shipped = await s.exportPixels({ withProduct: false, width: 1200 });
    expect(customerPaint(old, view), 'text is drawn').to.be.greaterThan(before + 1000);
    expect(samePixels(old, shipped), 'the old names draw exactly the shipped fonts').to.be.true;
  });

  it('waits for a bold face before a bold text is shown or exported', async () => {
    const requests = watchRequests();
    s = await mountStudio({ template: '/templates/sneaker.json' });
    const view = s.editor.manifest!.views[0];
    const doc = s.design();
    const layer = textLayer('bold', 'Strada', 'Georgia, serif', geometry(view).centre(40), s.editor.style.color);
    (layer as { object: TextObject }).object.bold = true;
    doc.views.find((v) => v.view === view.id)!.layers.push(layer);
    await s.el.loadDesign(doc);
    expect(fontFiles(requests.seen)).to.include.members(['gelasio-latin-700-normal.woff2', 'gelasio-latin-ext-700-normal.woff2']);
    expect(shownFont(s, 'bold')).to.deep.equal({ fontFamily: shownFont(s, 'bold').fontFamily, opacity: 1 });
    expect(shownFont(s, 'bold').fontFamily).to.match(/^"cds-gelasio-/);
    expect(fontFiles(await requests.settled())).not.to.include('gelasio-latin-400-normal.woff2');
    requests.stop();
  });

  it('fetches a font chosen in the panel then, draws the selected text in it once it has come, and undoes to the old', async () => {
    s = await mountStudio();
    const view = s.editor.manifest!.views[0];
    const at = geometry(view).centre(60);
    const doc = s.design();
    doc.views.find((v) => v.view === view.id)!.layers.push(textLayer('slogan', 'NUMBER 7', 'Inter', at));
    await s.el.loadDesign(doc);
    const requests = watchRequests();
    await s.tool('select');
    await s.click(at);
    await waitFor(() => s!.editor.selectedLayer()?.id === 'slogan', 'the text selected');
    const menu = [...s.el.shadowRoot!.querySelectorAll('select')].find((m) => [...m.options].some((o) => o.value === 'Bebas Neue'))!;
    expect(fontFiles(await requests.settled()), 'before the choice').to.deep.equal([]);

    menu.focus();
    await sendKeys({ press: 'End' }); // the last font: Numbers (Bebas Neue)
    await waitFor(() => texts(s!.design())[0].font === 'Bebas Neue', 'the font changed');
    await waitFor(() => /^"cds-bebas-neue-/.test(shownFont(s!, 'slogan').fontFamily) && shownFont(s!, 'slogan').opacity === 1, 'the text drawn in Bebas Neue');
    expect(fontFiles(await requests.settled()).sort()).to.deep.equal(['bebas-neue-latin-400-normal.woff2', 'bebas-neue-latin-ext-400-normal.woff2']);
    requests.stop();

    s.el.undo();
    expect(texts(s.design())[0].font).to.equal('Inter');
    expect(shownFont(s, 'slogan')).to.deep.include({ opacity: 1 });
    expect(shownFont(s, 'slogan').fontFamily).to.match(/^"cds-inter-/);
  });

  it('says so when a font cannot be loaded, keeps the text and its font in the saved design, and exports no stand-in', async () => {
    const { manifest, resolve } = await loadTemplate('/templates/roadster.json');
    const broken = absolute(manifest, resolve);
    // Clean's files are missing (404); Race's are not fonts at all.
    broken.fonts![0].files = broken.fonts![0].files!.map((f) => ({ ...f, src: new URL('/templates/fonts/inter/gone.woff2', location.href).href }));
    broken.fonts![1].files = broken.fonts![1].files!.map((f) => ({ ...f, src: new URL('/templates/roadster.json', location.href).href }));
    s = await mountStudio({ template: broken, allowErrors: true });
    const errors: string[] = [];
    const saved: string[] = [];
    s.el.addEventListener('co-design-error', (e) => errors.push(`${e.code}: ${e.message}`));
    s.el.addEventListener('co-design-draft-saved', (e) => saved.push(e.draft));
    const view = s.editor.manifest!.views[0];
    const [x, y] = geometry(view).centre(40);

    await s.tool('text');
    await waitFor(() => errors.some((e) => e.startsWith('font-unavailable:') && e.includes('Clean')), 'the font-unavailable error');
    const shown = () => s!.el.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '';
    await waitFor(() => shown().includes('The font Clean could not be loaded'), 'the message in the studio');

    await s.click([x, y]);
    await typingBox(s);
    await sendKeys({ type: 'Still here' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => texts(s!.design()).some((t) => t.text === 'Still here'), 'the typed text');
    const layer = s.design().views[0].layers.find((l) => l.kind === 'object')!;
    expect(texts(s.design())[0].font, 'the stored font').to.equal('Inter');
    // Drawn meanwhile with the system fonts it replaced (its first alias), and visible.
    expect(shownFont(s, layer.id)).to.deep.equal({ fontFamily: '"Helvetica Neue", Arial, sans-serif', opacity: 1 });
    const refused = await s.el.exportImage().then(() => 'exported', (e: { code: string }) => e.code);
    expect(refused).to.equal('font-unavailable');
    await waitFor(async () => {
      const stored = saved.length ? await storedDesign(saved.at(-1)!) : undefined;
      return stored && texts(stored).some((t) => t.text === 'Still here' && t.font === 'Inter');
    }, 'the text in the saved draft');

    // A design whose font is not a font at all: said too, and its text kept.
    const doc = s.design();
    doc.views[0].layers.push(textLayer('race', 'RACE', 'Anton', [x, y + 100]));
    await s.el.loadDesign(doc);
    await waitFor(() => errors.some((e) => e.startsWith('font-unavailable:') && e.includes('Race')), 'Race said to be unavailable');
    expect(shown()).to.include('The font Race could not be loaded');
    expect(texts(s.design()).map((t) => t.text)).to.deep.equal(['Still here', 'RACE']);
    expect(shownFont(s, 'race').opacity).to.equal(1);
  });

  it('exports the same pixels from a page whose fonts are hijacked as from the default page', async () => {
    const { manifest } = await loadTemplate('/templates/roadster.json');
    const [x, y] = geometry(manifest.views[0]).centre(40);
    const slogan = 'Fast Lane 42';
    const width = `(() => { const c = document.createElement('canvas').getContext('2d'); return ['64px "Helvetica Neue", Arial, sans-serif', '64px Inter', '64px Impact'].map((f) => { c.font = f; return c.measureText(${JSON.stringify(slogan)}).width; }); })()`;
    const typeOn = async (query: string) => {
      const page = await Page.open(`${location.origin}/test/fixtures/fonts/font-page.html${query}`);
      try {
        await page.eval('window.studioReady.then(() => true)');
        if (query) await page.eval('window.hijacked.then(() => true)');
        const widths = await page.eval<number[]>(width);
        await page.clickOn(`document.querySelector('co-design-studio').shadowRoot.querySelector('.toolbar [data-tool="text"]')`);
        await page.click(await page.eval<Pt>(`window.toPage(${x}, ${y})`));
        const hasText = (text: string) => `document.querySelector('co-design-studio').getDesign().views[0].layers.some((l) => l.kind === 'object' && l.object.text === ${JSON.stringify(text)})`;
        await page.waitFor(`document.querySelector('co-design-studio').getDesign().views[0].layers.some((l) => l.kind === 'object')`, 'the text box');
        await page.type(slogan);
        await page.press('Escape');
        await page.waitFor(hasText(slogan), 'the typed slogan');
        const placed = await page.eval<TextObject>(`document.querySelector('co-design-studio').getDesign().views[0].layers.find((l) => l.kind === 'object').object`);
        const png = await page.eval<string>(`window.exportUrl({ width: 1200, withProduct: false })`);
        return { widths, placed, pixels: await pixelsOf(await (await fetch(png)).blob()) };
      } finally {
        await page.close();
      }
    };
    const plain = await typeOn('');
    const hijacked = await typeOn('?hijack');
    // The hijack works: the page's names, old stacks and the shipped family's own name, measure otherwise.
    plain.widths.forEach((w, i) => expect(hijacked.widths[i], `font ${i} hijacked`).not.to.be.closeTo(w, 0.5));
    expect(hijacked.placed).to.deep.equal(plain.placed);
    expect(customerPaint(plain.pixels, manifest.views[0]), 'the slogan is drawn').to.be.greaterThan(1000);
    expect(samePixels(plain.pixels, hijacked.pixels), 'the same pixels on both pages').to.be.true;
  });
});

/** A manifest whose asset URLs are absolute, to be handed over as an object. */
function absolute(manifest: TemplateManifest, resolve: (url: string) => string): TemplateManifest {
  const m = structuredClone(manifest);
  const views: TemplateView[] = m.views.map((v) => ({
    ...v,
    base: v.base && resolve(v.base),
    overlay: v.overlay && resolve(v.overlay),
    locked: v.locked?.map((l) => ({ ...l, src: resolve(l.src) })),
  }));
  return {
    ...m,
    views,
    stickers: m.stickers?.map((k) => ({ ...k, src: resolve(k.src) })),
    fonts: m.fonts?.map((f) => ({ ...f, license: f.license && resolve(f.license), files: f.files?.map((x) => ({ ...x, src: resolve(x.src) })) })),
  };
}
