import { expect } from '@open-wc/testing';
import { cdp } from '../support/cdp.ts';
import { geometry } from '../support/geometry.ts';
import { leavePhone, PHONE, usePhone } from '../support/phone.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));

/** The screen's own pixels of a region (CSS px), as the phone's display shows them (DPR 3). */
async function screenPixels(clip: { x: number; y: number; width: number; height: number }): Promise<ImageData> {
  const { data } = await cdp<{ data: string }>({
    method: 'Page.captureScreenshot',
    params: { format: 'png', clip: { ...clip, scale: 1 } },
  });
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
}

/**
 * Issue 13: on-screen canvases keep 2 device pixels per CSS pixel on a DPR 3
 * phone (src/editor/render/studio-canvas.ts). This shows what that costs in
 * pixels: the same stroke and product on the phone's screen, drawn at 2 and
 * at 3, differ only in the anti-aliasing of edges.
 */
describe('<co-design-studio> on a DPR 3 phone: canvases at pixel ratio 2', () => {
  let s: TestStudio;
  before(usePhone);
  after(async () => {
    s?.remove();
    await leavePhone();
  });

  it('keeps 2 device pixels per CSS pixel, and the screen at 2 matches the screen at 3 but for edge pixels', async () => {
    s = await mountStudio({ viewport: false, width: PHONE.width, height: PHONE.height });
    expect(devicePixelRatio).to.equal(3);
    const lower = s.editor.canvas.lowerCanvasEl;
    expect(lower.width, 'device pixels of the canvas').to.equal(2 * s.editor.canvas.getWidth());
    expect(s.editor.canvas.upperCanvasEl.width).to.equal(2 * s.editor.canvas.getWidth());

    // Drawn with the mouse: what is compared here is pixels, not input (test/phone/layout.test.ts paints by touch).
    await s.tool('pencil');
    const c = geometry(s.editor.manifest!.views[0]).centre(20);
    const [x, y] = s.toPage(c);
    await s.drag(
      [c, [c[0] + 60, c[1] + 20], [c[0] + 120, c[1] - 10], [c[0] + 180, c[1] + 10]].map(
        ([a, b]) => [a - 90, b] as [number, number],
      ),
      { steps: 3 },
    );
    await waitFor(
      () => s.design().views[0].layers.some((l) => l.kind === 'paint' && l.marks.length === 1),
      'the stroke',
    );
    await frame();
    const clip = { x: x - 90, y: y - 40, width: 180, height: 80 };
    const at2 = await screenPixels(clip);

    s.editor.canvas.maxPixelRatio = 3;
    s.editor.canvas.setDimensions({ width: s.editor.canvas.getWidth(), height: s.editor.canvas.getHeight() });
    s.editor.canvas.renderAll();
    expect(lower.width, 'now at the screen’s own ratio').to.equal(3 * s.editor.canvas.getWidth());
    await frame();
    const at3 = await screenPixels(clip);

    expect([at2.width, at2.height]).to.deep.equal([at3.width, at3.height]);
    let sum = 0;
    let far = 0;
    const n = at2.width * at2.height;
    for (let i = 0; i < at2.data.length; i += 4) {
      const d = Math.max(...[0, 1, 2].map((k) => Math.abs(at2.data[i + k] - at3.data[i + k])));
      sum += d;
      if (d > 48) far++;
    }
    const mean = sum / n;
    // Seen on this machine: a mean of 3.1 levels of 255 (the art's gradients resampled), and 0.7 % of the pixels
    // off by more than 48 levels, all on the edges of the stroke and the car's lines; since the print safe-margin
    // guide (a 1 px line, src/editor/render/safe-guide.ts) crosses this clip, a mean of about 5.1 and 2.6 % of the
    // pixels: a thin line is all edge.
    console.log(`pixel ratio 2 vs 3: mean ${mean.toFixed(2)}, far ${((100 * far) / n).toFixed(2)} %`);
    expect(mean, 'mean difference per pixel, of 255').to.be.below(6.5);
    expect(far / n, 'share of pixels that differ visibly').to.be.below(0.035);
  });
});
