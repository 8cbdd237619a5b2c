import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { IText } from 'fabric/es';
import { objectClassesLoaded, whenLoaded } from '../../src/editor/render/objects.ts';
import { geometry } from '../support/geometry.ts';
import { customerPaint } from '../support/mask.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

// fabric's text classes load lazily (a chunk of their own in the build): a
// fresh page must still show a loaded design's text and place text on the
// first tap. Each test file runs in a page of its own, so nothing is loaded yet.
describe('<co-design-studio> text loaded lazily', () => {
  let s: TestStudio;
  afterEach(() => s?.remove());

  it('a tap that beats the chunk is placed when it arrives, unless the customer moved on', async () => {
    // Runs before any studio is mounted: nothing has loaded the shape or image classes yet.
    expect(objectClassesLoaded('shape')).to.equal(false);
    const placed: string[] = [];
    whenLoaded('shape', () => placed.push('wanted'), () => true);
    whenLoaded('shape', () => placed.push('dropped'), () => false);
    expect(placed).to.deep.equal([]);
    await waitFor(() => objectClassesLoaded('shape'), 'the shape code loaded');
    await Promise.resolve();
    expect(placed).to.deep.equal(['wanted']);
    whenLoaded('shape', () => placed.push('at once'), () => true);
    expect(placed).to.deep.equal(['wanted', 'at once']);
  });

  it('shows the text of a design loaded before the text tool was ever chosen, then places more on the first tap', async () => {
    s = await mountStudio();
    const view = s.editor.manifest!.views[0];
    const [x, y] = geometry(view).centre(20);
    const doc = s.design();
    doc.views.find((v) => v.view === view.id)!.layers.push({
      id: 'text-1', name: 'Slogan', visible: true, locked: false, kind: 'object',
      object: { type: 'text', text: 'Go fast', font: 'sans-serif', size: 64, color: s.editor.style.color, bold: true, italic: false, x, y, scaleX: 1, scaleY: 1, angle: 0 },
    });
    const empty = customerPaint(await s.exportPixels({ withProduct: false, width: 1600 }), view);
    await s.el.loadDesign(doc);
    expect(objectClassesLoaded('text')).to.equal(true);
    const shown = s.editor.canvas.getObjects().find((o) => 'text' in o) as IText | undefined;
    expect(shown?.text).to.equal('Go fast');
    expect(customerPaint(await s.exportPixels({ withProduct: false, width: 1600 }), view)).to.be.greaterThan(empty + 100);

    await s.tool('text');
    await s.click([x, y + 120]);
    await sendKeys({ type: 'Two' });
    await sendKeys({ press: 'Escape' });
    await s.el.updateComplete;
    const texts = s.design().views.find((v) => v.view === view.id)!.layers.filter((l) => l.kind === 'object' && l.object.type === 'text');
    expect(texts.map((l) => l.kind === 'object' && l.object.type === 'text' && l.object.text)).to.deep.equal(['Go fast', 'Two']);
  });
});
