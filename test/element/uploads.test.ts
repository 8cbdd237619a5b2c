import { expect } from '@open-wc/testing';
import { geometry } from '../support/geometry.ts';
import { paintCounts } from '../support/mask.ts';
import { chooseFile, mountStudio, type TestStudio } from '../support/studio.ts';
import { watchRequests } from '../support/requests.ts';
import { waitFor } from '../support/wait.ts';
import { canvasBytes, concat, patchJpegSize, pngClaiming, quadrants } from '../security/helpers.ts';

const SVG = (body: string, extra = '') => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"${extra}>${body}</svg>`;
const enc = (text: string) => new TextEncoder().encode(text);

/** Chooses a file and waits for the studio to place it or refuse it. */
async function upload(s: TestStudio, name: string, bytes: Uint8Array): Promise<{ code?: string; placed: boolean }> {
  const layers = () => s.design().views.flatMap((v) => v.layers).length;
  const before = layers();
  let code: string | undefined;
  const onError = (e: Event) => (code = (e as Event & { code: string }).code);
  s.el.addEventListener('co-design-error', onError);
  await chooseFile(name, bytes);
  await waitFor(() => code !== undefined || layers() > before, `${name} placed or refused`);
  s.el.removeEventListener('co-design-error', onError);
  await s.el.updateComplete;
  return { code, placed: layers() > before };
}

describe('<co-design-studio> uploads', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('places a PNG chosen with the image tool, clipped to the design areas, as one undo step', async () => {
    s = await mountStudio();
    const view = s.editor.manifest!.views[0];
    const png = await canvasBytes(400, 300, 'image/png', quadrants);
    const result = await upload(s, 'photo.png', png);
    expect(result).to.deep.equal({ code: undefined, placed: true });
    const layer = s.design().views[0].layers.at(-1)!;
    expect(layer.kind === 'object' && layer.object.type).to.equal('image');
    expect(layer.kind === 'object' && layer.object.type === 'image' && layer.object.src.startsWith('data:image/png;base64,')).to.equal(true);
    expect(paintCounts(await s.exportPixels({ withProduct: false, width: 1600 }), view).outside).to.equal(0);
    s.el.undo();
    expect(s.design().views[0].layers.some((l) => l.kind === 'object')).to.equal(false);
  });

  it('places a hostile SVG only after sanitising it: nothing runs, nothing is fetched', async () => {
    s = await mountStudio();
    let ran = false;
    (window as unknown as { alert: () => void }).alert = () => (ran = true);
    // The SVG's image points at this page's own server: a request for it would be answered and recorded.
    const probe = `${location.origin}/templates/roadster.json?svg-probe=${Math.random().toString(36).slice(2)}`;
    const requests = watchRequests();
    await (await fetch(`${probe}-control`)).text();
    await waitFor(() => requests.seen.includes(`${probe}-control`), 'the control request to the probe’s server recorded');
    const svg = SVG(`<script>alert(1)</script><rect width="200" height="100" fill="red" onload="alert(2)"/><image href="${probe}" width="10" height="10"/>`);
    const result = await upload(s, 'art.svg', enc(svg));
    expect(result.placed).to.equal(true);
    const layer = s.design().views[0].layers.at(-1)!;
    const src = layer.kind === 'object' && layer.object.type === 'image' ? layer.object.src : '';
    const text = src.startsWith('data:image/svg+xml;base64,') ? atob(src.split(',')[1]) : decodeURIComponent(src.split(',')[1] ?? '');
    expect(text).to.not.match(/<script|onload|svg-probe/i);
    expect(text).to.match(/<rect/);
    // Shown on the canvas and drawn into an export: nothing ran, nothing was fetched.
    await s.exportPixels();
    expect(ran).to.equal(false);
    expect((await requests.settled()).filter((name) => name.startsWith(probe) && !name.endsWith('-control'))).to.deep.equal([]);
    requests.stop();
  });

  const refusals: [string, string, () => Promise<Uint8Array> | Uint8Array, string][] = [
    ['a file over the size cap', 'huge.png', () => concat(pngClaiming(100, 100), new Uint8Array(16 * 1024 * 1024)), 'upload-too-large'],
    ['a GIF named .png', 'cat.png', () => enc('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;'), 'upload-type'],
    ['an HTML page named .png', 'page.png', () => enc('<!doctype html><script>alert(1)</script>'), 'upload-type'],
    ['a PNG that claims 65,535 × 65,535', 'bomb.png', () => pngClaiming(65535, 65535), 'upload-dimensions'],
    ['a JPEG whose header claims 60,000 × 60,000', 'bomb.jpg', async () => patchJpegSize(await canvasBytes(16, 16, 'image/jpeg', quadrants), 60000, 60000), 'upload-dimensions'],
    ['a truncated PNG', 'broken.png', () => pngClaiming(64, 64), 'upload-decode'],
    ['an SVG with a DOCTYPE and entities', 'lol.svg', () => enc(`<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>${SVG('<text>&b;</text>')}`), 'upload-unsafe'],
    ['an SVG <use> bomb', 'use.svg', () => enc(SVG(`<defs><g id="a"><rect width="1" height="1"/></g>${Array.from({ length: 12 }, (_, i) => `<g id="l${i}">${`<use href="#${i ? 'l' + (i - 1) : 'a'}"/>`.repeat(10)}</g>`).join('')}</defs><use href="#l11"/>`)), 'upload-unsafe'],
  ];

  for (const [what, name, bytes, code] of refusals) {
    it(`refuses ${what} with a message and ${code}; the design is untouched`, async () => {
      s = s?.el.isConnected ? s : await mountStudio();
      await s.tool('fill');
      await s.click(geometry(s.editor.manifest!.views[0]).centre(20));
      const before = JSON.stringify(s.design());
      const result = await upload(s, name, await bytes());
      expect(result, what).to.deep.equal({ code, placed: false });
      expect(JSON.stringify(s.design())).to.equal(before);
      const alert = s.shadow('[role=alert]');
      expect(alert.textContent!.trim().length).to.be.greaterThan(10);
      expect(s.editor.canUndo).to.equal(true);
    });
  }
});
