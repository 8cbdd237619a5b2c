import { expect } from '@open-wc/testing';
import { readValidDraft } from '../../src/drafts/read.ts';
import { parseMeta } from '../../src/drafts/records.ts';
import { openDraftsStore, readMetas } from '../../src/drafts/store.ts';
import { canonical, OtherPage, uniqueKey } from '../support/drafts.ts';
import type { Pt } from '../support/studio.ts';
import type { DesignDocument } from '../../src/document/types.ts';

const strokesOf = (doc: DesignDocument) => doc.views.flatMap((v) => v.layers.flatMap((l) => (l.kind === 'paint' ? l.marks.map((m) => JSON.stringify(m)) : [])));

async function storedDesigns(key: string): Promise<DesignDocument[]> {
  const store = openDraftsStore();
  const metas = (await readMetas(store)).map((m) => parseMeta(m.value)).filter((m) => m.key === key);
  return Promise.all(metas.map(async (m) => (await readValidDraft(m.id, store, async () => undefined)).design));
}

async function point(page: OtherPage, fx: number, fy: number): Promise<Pt> {
  return page.eval<Pt>(`(() => { const v = document.querySelector('co-design-studio').editor.manifest.views[0]; return [v.width * ${fx}, v.height * ${fy}]; })()`);
}

const wait = (page: OtherPage, ms: number) => page.eval(`new Promise((r) => setTimeout(r, ${ms}))`);

describe('<co-design-studio> drafts: two tabs on one draft', () => {
  it('the idle tab takes the newer version; both editing at once loses no stroke', async function () {
    this.timeout(60_000);
    const key = uniqueKey('tabs');
    const one = await OtherPage.open(key);
    let two: OtherPage | undefined;
    try {
      await one.eval(`document.querySelector('co-design-studio').editor.setTool('pencil')`);
      const a = await point(one, 0.45, 0.55);
      await one.drag([a, [a[0] + 100, a[1]]]);
      await wait(one, 800);

      two = await OtherPage.open(key);
      expect(canonical(JSON.parse(await two.design())), 'the second tab opens the same draft').to.equal(canonical(JSON.parse(await one.design())));

      // The second tab edits; the first, idle, learns of it and shows it.
      await two.eval(`document.querySelector('co-design-studio').editor.setTool('pencil')`);
      const b = await point(two, 0.5, 0.6);
      await two.drag([b, [b[0] + 80, b[1] + 20]]);
      await wait(two, 1500);
      expect(canonical(JSON.parse(await one.design())), 'the idle tab reloaded').to.equal(canonical(JSON.parse(await two.design())));
      expect(await one.eval<string>(`document.querySelector('co-design-studio').shadowRoot.querySelector('.notice').textContent`)).to.match(/another tab/);
      expect(await one.eval<string>(`document.visibilityState`), 'both tabs are visible').to.equal('visible');

      // Both edit within the same autosave window.
      const c = await point(one, 0.4, 0.5);
      const d = await point(two, 0.55, 0.45);
      await Promise.all([one.drag([c, [c[0], c[1] + 50]]), two.drag([d, [d[0] - 60, d[1]]])]);
      await wait(one, 2500);

      const onScreen = [...strokesOf(JSON.parse(await one.design())), ...strokesOf(JSON.parse(await two.design()))];
      const stored = new Set((await storedDesigns(key)).flatMap(strokesOf));
      expect(new Set(onScreen).size, 'four different strokes were drawn').to.equal(4);
      for (const stroke of onScreen) expect(stored.has(stroke), 'every stroke on screen is stored').to.equal(true);
      for (const page of [one, two]) {
        const shown = canonical(JSON.parse(await page.design()));
        expect((await storedDesigns(key)).some((doc) => canonical(doc) === shown), 'what each tab shows is a stored draft').to.equal(true);
      }
    } finally {
      await one.close();
      await two?.close();
    }
  });
});
