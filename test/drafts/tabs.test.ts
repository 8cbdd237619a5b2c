import { expect } from '@open-wc/testing';
import { readValidDraft } from '../../src/drafts/read.ts';
import { parseMeta } from '../../src/drafts/meta-check.ts';
import { openDraftsStore, readMetas } from '../../src/drafts/store.ts';
import { canonical, StudioPage, uniqueKey } from '../support/drafts.ts';
import { waitFor } from '../support/wait.ts';
import type { DesignDocument } from '../../src/document/types.ts';

const strokesOf = (doc: DesignDocument) => doc.views.flatMap((v) => v.layers.flatMap((l) => (l.kind === 'paint' ? l.marks.map((m) => JSON.stringify(m)) : [])));

async function storedDesigns(key: string): Promise<DesignDocument[]> {
  const store = openDraftsStore();
  const metas = (await readMetas(store)).map((m) => parseMeta(m.value)).filter((m) => m.key === key);
  return Promise.all(metas.map(async (m) => (await readValidDraft(m.id, store, async () => undefined)).design));
}

describe('<co-design-studio> drafts: two tabs on one draft', () => {
  it('the idle tab takes the newer version; both editing at once loses no stroke', async function () {
    this.timeout(60_000);
    const key = uniqueKey('tabs');
    const one = await StudioPage.openStudio(key);
    let two: StudioPage | undefined;
    const shown = async (page: StudioPage) => canonical(JSON.parse(await page.design()));
    try {
      await one.eval(`document.querySelector('co-design-studio').editor.setTool('pencil')`);
      const a = await one.at(0.45, 0.55);
      await one.paint([a, [a[0] + 100, a[1]]]);
      await one.storedAsShown('the first tab’s stroke saved');

      two = await StudioPage.openStudio(key);
      expect(await shown(two), 'the second tab opens the same draft').to.equal(await shown(one));

      // The second tab edits; the first, idle, learns of it and shows it.
      await two.eval(`document.querySelector('co-design-studio').editor.setTool('pencil')`);
      const b = await two.at(0.5, 0.6);
      await two.paint([b, [b[0] + 80, b[1] + 20]]);
      await waitFor(async () => (await shown(one)) === (await shown(two!)), 'the idle tab showing the other tab’s stroke');
      expect(await one.eval<string>(`document.querySelector('co-design-studio').shadowRoot.querySelector('.notice').textContent`)).to.match(/another tab/);
      expect(await one.eval<string>(`document.visibilityState`), 'both tabs are visible').to.equal('visible');

      // Both edit within the same autosave window; each tab then settles on a stored draft.
      const c = await one.at(0.4, 0.5);
      const d = await two.at(0.55, 0.45);
      await Promise.all([one.paint([c, [c[0], c[1] + 50]]), two.paint([d, [d[0] - 60, d[1]]])]);
      await Promise.all([one.storedAsShown('the first tab saved'), two.storedAsShown('the second tab saved')]);

      const onScreen = [...strokesOf(JSON.parse(await one.design())), ...strokesOf(JSON.parse(await two.design()))];
      const stored = new Set((await storedDesigns(key)).flatMap(strokesOf));
      expect(new Set(onScreen).size, 'four different strokes were drawn').to.equal(4);
      for (const stroke of onScreen) expect(stored.has(stroke), 'every stroke on screen is stored').to.equal(true);
      for (const page of [one, two]) {
        const onPage = await shown(page);
        expect((await storedDesigns(key)).some((doc) => canonical(doc) === onPage), 'what each tab shows is a stored draft').to.equal(true);
      }
    } finally {
      await one.close();
      await two?.close();
    }
  });
});
