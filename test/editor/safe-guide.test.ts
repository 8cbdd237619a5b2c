import { expect } from '@open-wc/testing';
import type { TemplateManifest } from '../../src/template/types.ts';
import { mountStudio, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

// One panel from (100, 100) to (900, 400); 1,000 units are 1,000 mm, so a 50 mm safe margin lies 50 units inside.
const AREA = 'M100 100H900V400H100Z';
const manifest: TemplateManifest = {
  format: 'co-design-template',
  version: 1,
  id: 'guide-test',
  name: 'Safe margin',
  templateVersion: '1',
  views: [
    {
      id: 'printed',
      name: 'Printed',
      width: 1000,
      height: 500,
      areas: [{ id: 'panel', name: 'Panel', path: AREA }],
      print: { widthMm: 1000, bleedMm: 3, safeMm: 50 },
    },
    { id: 'plain', name: 'Plain', width: 1000, height: 500, areas: [{ id: 'panel', name: 'Panel', path: AREA }] },
  ],
};

/** The guide's cyan (#00b4ff), with room for the line's anti-aliased edge. */
const isGuide = (r: number, g: number, b: number) => r < 60 && g > 120 && g < 220 && b > 200;

/** Whether the on-screen canvas shows the guide's colour within two CSS pixels of a design point. */
function guideNear(s: TestStudio, p: Pt): boolean {
  const lower = s.editor.canvas.lowerCanvasEl;
  const rect = lower.getBoundingClientRect();
  const k = lower.width / rect.width;
  const [x, y] = s.toPage(p);
  const d = Math.ceil(2 * k);
  const cx = Math.round((x - rect.left) * k);
  const cy = Math.round((y - rect.top) * k);
  const data = lower.getContext('2d')!.getImageData(cx - d, cy - d, 2 * d + 1, 2 * d + 1).data;
  for (let i = 0; i < data.length; i += 4) if (isGuide(data[i], data[i + 1], data[i + 2])) return true;
  return false;
}

function guidePixels(img: ImageData): number {
  let n = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i + 3] > 0 && isGuide(img.data[i], img.data[i + 1], img.data[i + 2])) n++;
  return n;
}

describe('<co-design-studio> safe margin guide', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('draws the safe margin inside the printed panel on screen, never in an export, and not without a margin', async () => {
    s = await mountStudio({ template: structuredClone(manifest) });
    await waitFor(() => guideNear(s, [150, 250]), 'the guide 50 units inside the left edge');
    expect(guideNear(s, [300, 250]), 'inside the safe area').to.equal(false);
    expect(guideNear(s, [100, 250]), "on the panel's edge").to.equal(false);
    expect(guidePixels(await s.exportPixels({ withProduct: false }))).to.equal(0);
    expect(guidePixels(await s.exportPixels({ withProduct: true }))).to.equal(0);

    s.editor.setView('plain');
    await waitFor(() => !guideNear(s, [150, 250]), 'the view without a safe margin shown without the guide');
  });
});
