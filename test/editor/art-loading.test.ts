import { expect } from '@open-wc/testing';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

interface Internals {
  assets: { get(url: string): HTMLImageElement | undefined };
  template: { complete(): Promise<void>; source: { resolve(url: string): string } };
}

/**
 * The first frame waits only for the art it shows (issue 13: each SVG costs
 * the phone's main thread about 10 ms); the other views' art and the sticker
 * choices follow, and a sticker placed before its image came still lands
 * with its image.
 */
describe('<co-design-studio> template art: the shown view first, the rest after', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('has the shown view’s art at ready, and every image of the template once complete', async () => {
    s = await mountStudio();
    const editor = s.editor as unknown as Internals;
    const manifest = s.editor.manifest!;
    const url = (src: string) => editor.template.source.resolve(src);
    const side = manifest.views.find((v) => v.id === s.editor.view)!;
    for (const src of [side.base, side.overlay].filter((u): u is string => !!u))
      expect(editor.assets.get(url(src)), src).to.exist;
    await editor.template.complete();
    const every = [
      ...manifest.views.flatMap((v) => [v.base, v.overlay]),
      ...(manifest.stickers ?? []).map((k) => k.src),
    ];
    for (const src of every.filter((u): u is string => !!u)) expect(editor.assets.get(url(src)), src).to.exist;
  });

  it('places a sticker chosen and stamped at once after ready, with its image', async () => {
    s = await mountStudio();
    await s.tool('sticker');
    const sticker = s.editor.manifest!.stickers![2].id;
    s.editor.setStyle({ sticker });
    await s.click([800, 350]);
    const placed = await waitFor(
      () => s.design().views[0].layers.find((l) => l.kind === 'object' && l.object.type === 'sticker'),
      'the sticker placed',
    );
    expect(placed.kind === 'object' && placed.object.type === 'sticker' && placed.object.sticker).to.equal(sticker);
    // On the canvas as an image with its picture decoded.
    type Img = { getElement?(): HTMLImageElement };
    await waitFor(
      () => s.editor.canvas.getObjects().some((o) => ((o as Img).getElement?.()?.naturalWidth ?? 0) > 0),
      'the sticker’s image on the canvas',
    );
  });
});
