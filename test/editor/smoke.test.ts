import { expect } from '@open-wc/testing';
import { mountStudio, pixel, screenshot, type TestStudio } from '../support/studio.ts';

describe('<co-design-studio> smoke', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('loads the car and draws a pencil stroke with the real mouse', async () => {
    s = await mountStudio();
    await s.tool('pencil');
    await s.drag([[500, 400], [700, 420], [900, 400]], { steps: 6 });
    const doc = s.design();
    const marks = doc.views[0].layers.flatMap((l) => (l.kind === 'paint' ? l.marks : []));
    expect(marks.length).to.equal(1);
    await screenshot('smoke');
    const img = await s.exportPixels({ withProduct: false });
    console.log('export', img.width, img.height, pixel(img, 700 * img.width / 1600, 410 * img.width / 1600));
  });
});
