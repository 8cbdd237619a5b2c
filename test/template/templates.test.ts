import { expect } from '@open-wc/testing';
import { loadTemplate, type LoadedTemplate } from '../../src/template/load.ts';
import type { TemplateView } from '../../src/template/types.ts';

const NAMES = ['roadster', 'sneaker', 'skate-deck'];

async function image(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  img.src = url;
  await img.decode();
  return img;
}

/** Grid points (every `step` units) over the view and a margin around it. */
function* grid(view: TemplateView, step: number, margin = 0) {
  for (let y = -margin + step / 2; y < view.height + margin; y += step)
    for (let x = -margin + step / 2; x < view.width + margin; x += step) yield [x, y] as const;
}

function basePixels(img: HTMLImageElement, view: TemplateView): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = view.width;
  canvas.height = view.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(img, 0, 0, view.width, view.height);
  return ctx.getImageData(0, 0, view.width, view.height).data;
}

describe('shipped templates', () => {
  const loaded = new Map<string, LoadedTemplate>();
  before(async () => {
    for (const name of NAMES) loaded.set(name, await loadTemplate(`/templates/${name}.json`));
  });

  it('ship the three demo templates with their own features', () => {
    const [roadster, sneaker, deck] = NAMES.map((n) => loaded.get(n)!.manifest);
    expect(roadster.views.map((v) => v.id)).to.include.members(['side', 'top']);
    expect(sneaker.palette).to.have.length(12);
    expect(roadster.palette).to.equal(undefined);
    expect(deck.palette).to.equal(undefined);
    for (const m of [roadster, sneaker, deck]) {
      expect(m.stickers!.length).to.be.within(4, 6);
      expect(m.fonts!.length).to.be.within(3, 4);
      // Every font ships its files and licence (docs/craft/fonts.md): none is looked up on the device.
      expect(m.fonts!.every((f) => f.files?.length && f.license && !f.src)).to.be.true;
      expect(m.views.some((v) => (v.locked ?? []).length > 0)).to.be.true;
      expect(m.brief!.rules.length).to.be.greaterThan(0);
    }
  });

  for (const name of NAMES) {
    describe(name, () => {
      it('has base and overlay art of exactly the view size', async () => {
        const { manifest, resolve } = loaded.get(name)!;
        for (const view of manifest.views) {
          for (const src of [view.base, view.overlay]) {
            expect(src, `${view.id} art`).to.be.a('string');
            const img = await image(resolve(src!));
            expect([img.naturalWidth, img.naturalHeight], src).to.deep.equal([view.width, view.height]);
          }
        }
      });

      it('has stickers of their stated size and locked elements of their stated shape', async () => {
        const { manifest, resolve } = loaded.get(name)!;
        for (const sticker of manifest.stickers ?? []) {
          const img = await image(resolve(sticker.src));
          expect([img.naturalWidth, img.naturalHeight], sticker.src).to.deep.equal([sticker.width, sticker.height]);
        }
        for (const view of manifest.views) {
          for (const el of view.locked ?? []) {
            const img = await image(resolve(el.src));
            const ratio = img.naturalWidth / img.naturalHeight;
            expect(ratio, el.src).to.be.closeTo(el.width / el.height, 0.02);
            expect(el.x).to.be.at.least(0);
            expect(el.y).to.be.at.least(0);
            expect(el.x + el.width).to.be.at.most(view.width);
            expect(el.y + el.height).to.be.at.most(view.height);
          }
        }
      });

      it('ships small, self-contained SVG files', async () => {
        const { manifest, resolve } = loaded.get(name)!;
        const urls = new Set([
          ...manifest.views.flatMap((v) => [v.base!, v.overlay!, ...(v.locked ?? []).map((l) => l.src)]),
          ...(manifest.stickers ?? []).map((s) => s.src),
        ]);
        for (const url of urls) {
          const text = await (await fetch(resolve(url))).text();
          expect(text.length, url).to.be.below(30 * 1024);
          const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
          expect(svg.namespaceURI, url).to.equal('http://www.w3.org/2000/svg');
          const [w, h] = [svg.getAttribute('width'), svg.getAttribute('height')];
          expect(svg.getAttribute('viewBox'), url).to.equal(`0 0 ${w} ${h}`);
          expect(svg.querySelector('script, text, image, foreignObject, style, [href]'), url).to.equal(null);
          expect(text, url).not.to.match(/xlink:href|url\((?!#)|@import/);
        }
      });

      it('ships each font as woff2 files the browser loads, served as font/woff2, with its open licence beside them', async () => {
        const { manifest, resolve } = loaded.get(name)!;
        for (const font of manifest.fonts!) {
          const licence = await fetch(resolve(font.license!));
          expect(licence.status, font.license).to.equal(200);
          // The SIL Open Font License, or Apache 2.0 (Permanent Marker's).
          const open = /SIL Open Font License, Version 1\.1|Apache License\s+Version 2\.0/.test(await licence.text());
          expect(open, `${font.license} is an open font licence`).to.be.true;
          for (const file of font.files!) {
            const response = await fetch(resolve(file.src));
            expect(response.headers.get('content-type'), file.src).to.equal('font/woff2');
            const bytes = await response.arrayBuffer();
            expect(new TextDecoder().decode(bytes.slice(0, 4)), file.src).to.equal('wOF2');
            const face = new FontFace(`probe-${font.family}`, bytes, { weight: String(file.weight ?? 400) });
            expect((await face.load()).status, file.src).to.equal('loaded');
          }
        }
      });

      it('keeps every design area inside its view', () => {
        const ctx = document.createElement('canvas').getContext('2d')!;
        for (const view of loaded.get(name)!.manifest.views) {
          for (const area of view.areas) {
            const path = new Path2D(area.path);
            let inside = 0;
            let outside = 0;
            for (const [x, y] of grid(view, 8, 200)) {
              if (!ctx.isPointInPath(path, x, y)) continue;
              if (x < 0 || y < 0 || x > view.width || y > view.height) outside++;
              else inside++;
            }
            const cells = (view.width * view.height) / 64;
            expect(outside, `${view.id}/${area.id} outside the view`).to.equal(0);
            expect(inside / cells, `${view.id}/${area.id} covers the view`).to.be.within(0.05, 0.95);
          }
        }
      });

      it('keeps each area whole when the areas are joined into one clip path', () => {
        // The editor clips to the union of the areas (nonzero rule): areas wound in
        // opposite directions would cancel where they overlap.
        const ctx = document.createElement('canvas').getContext('2d')!;
        for (const view of loaded.get(name)!.manifest.views) {
          const union = new Path2D();
          const paths = view.areas.map((a) => new Path2D(a.path));
          for (const p of paths) union.addPath(p);
          for (const [x, y] of grid(view, 8)) {
            if (paths.some((p) => ctx.isPointInPath(p, x, y))) expect(ctx.isPointInPath(union, x, y), `${view.id} at ${x},${y}`).to.be.true;
          }
        }
      });

      it('draws light, paintable base art under every design area', async () => {
        const { manifest, resolve } = loaded.get(name)!;
        const ctx = document.createElement('canvas').getContext('2d')!;
        for (const view of manifest.views) {
          const pixels = basePixels(await image(resolve(view.base!)), view);
          for (const area of view.areas) {
            const path = new Path2D(area.path);
            let samples = 0;
            let light = 0;
            // Points well inside the area, so anti-aliased edges do not count.
            const deepInside = (x: number, y: number) =>
              [[0, 0], [-2, 0], [2, 0], [0, -2], [0, 2]].every(([dx, dy]) => ctx.isPointInPath(path, x + dx, y + dy));
            for (const [x, y] of grid(view, 6)) {
              if (!deepInside(x, y)) continue;
              const i = (Math.floor(y) * view.width + Math.floor(x)) * 4;
              const [r, g, b, a] = pixels.subarray(i, i + 4);
              samples++;
              if (a > 240 && Math.min(r, g, b) > 215 && Math.max(r, g, b) - Math.min(r, g, b) < 12) light++;
            }
            expect(light / samples, `${view.id}/${area.id}: base under the area`).to.be.above(0.99);
          }
        }
      });

      it('leaves no large light part of the product outside the design areas', async () => {
        // Windows, tyres, soles and trucks are dark; the paintable panels are light.
        const { manifest, resolve } = loaded.get(name)!;
        const ctx = document.createElement('canvas').getContext('2d')!;
        for (const view of manifest.views) {
          const pixels = basePixels(await image(resolve(view.base!)), view);
          const paths = view.areas.map((a) => new Path2D(a.path));
          let lightOutside = 0;
          let lightTotal = 0;
          for (const [x, y] of grid(view, 6)) {
            const i = (Math.floor(y) * view.width + Math.floor(x)) * 4;
            const [r, g, b, a] = pixels.subarray(i, i + 4);
            if (!(a > 240 && Math.min(r, g, b) > 225 && Math.max(r, g, b) - Math.min(r, g, b) < 8)) continue;
            lightTotal++;
            if (!paths.some((p) => ctx.isPointInPath(p, x, y))) lightOutside++;
          }
          expect(lightOutside / lightTotal, `${view.id}: light base outside the areas`).to.be.below(0.03);
        }
      });
    });
  }
});
