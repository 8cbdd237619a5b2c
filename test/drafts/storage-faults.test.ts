import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { CoDesignErrorEvent } from '../../src/element/events/error.ts';
import { cdp } from '../support/cdp.ts';
import { canonical, nextSave, StudioPage, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { chooseFile, clickIn, mountStudio, type Pt, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';

/** Writes `bytes` of random data into a scratch database of the page; answers 'stored' or the error's name. */
const PROBE = `(async (bytes) => {
  const db = await new Promise((resolve, reject) => { const req = indexedDB.open('quota-probe'); req.onupgradeneeded = () => req.result.createObjectStore('s'); req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(data.subarray(i, i + 65536));
  return new Promise((resolve) => { const tx = db.transaction('s', 'readwrite'); tx.objectStore('s').put(data, Math.random()); tx.oncomplete = () => (db.close(), resolve('stored')); tx.onabort = tx.onerror = () => (db.close(), resolve(tx.error?.name ?? 'aborted')); });
})`;

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsDataURL(blob);
  });
}

function strokes(s: TestStudio): number {
  return s.design().views.flatMap((v) => v.layers).reduce((n, l) => n + (l.kind === 'paint' ? l.marks.length : 0), 0);
}

describe('<co-design-studio> drafts: storage faults', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('with the quota exhausted: keeps working, says saving failed, and its backup imports back to the same pixels', async () => {
    // Chrome reads an origin's quota when its storage is first used, so the
    // override goes to an origin no other test touches (127.0.0.1 rather than
    // localhost), before its first write; then the quota is filled for real.
    const origin = `http://127.0.0.1:${location.port}`;
    await cdp({ method: 'Storage.overrideQuotaForOrigin', params: { origin, quotaSize: 4 * 1024 * 1024 } });
    const page = await StudioPage.openStudio(uniqueKey('quota'), '/templates/roadster.json', origin);
    try {
      await page.eval(`document.querySelector('co-design-studio').editor.setTool('pencil')`);
      const a = await page.at(0.45, 0.55);
      await page.paint([a, [a[0] + 120, a[1]]]);
      await page.storedAsShown('saved while there was room');

      // Fill in ever smaller pieces until even 1 KB does not fit.
      let probe = '';
      for (const size of [256 * 1024, 32 * 1024, 4096, 1024]) {
        for (let i = 0; i < 40 && (probe = await page.eval<string>(`${PROBE}(${size})`)) === 'stored'; i++);
      }
      expect(probe, 'the quota is full: a probe write fails').to.equal('QuotaExceededError');

      const b = await page.at(0.5, 0.6);
      await page.paint([b, [b[0] + 100, b[1] + 20]]);
      await page.waitFor(`window.studioEvents.some((e) => e.type === 'co-design-error' && e.code === 'storage-full')`, 'the storage-full error');
      const warning = `document.querySelector('co-design-studio').shadowRoot.querySelector('.warning[data-problem="quota"]')?.textContent`;
      expect(await page.waitFor<string>(warning, 'the storage-full warning')).to.match(/storage is full/);
      const c = await page.at(0.4, 0.5);
      await page.paint([c, [c[0], c[1] + 40]]);
      expect(await page.eval<number>(`document.querySelector('co-design-studio').getDesign().views[0].layers[0].marks.length`), 'still works in memory').to.equal(3);

      const dir = await executeServerCommand<string, unknown>('downloads:allow');
      await page.clickIn('.warning [data-action="backup"]');
      const file = await executeServerCommand<{ name: string; text: string }, { dir: string }>('downloads:read', { dir });
      expect(file.name).to.match(/^roadster-.*\.codesign\.json$/);
      const design = canonical(JSON.parse(await page.design()));
      const pixels = await page.exportUrl();

      s = await mountStudio({ draftKey: uniqueKey('imported') });
      await clickIn(s.shadow('[data-action="drafts"]'));
      await s.el.updateComplete;
      // Opening a backup checks it whole (lazy chunks: the backup, record and design checks) before it saves.
      const saved = nextSave(s.el, 15_000);
      await chooseFile(file.name, new TextEncoder().encode(file.text), 'input.backup-file');
      await saved;
      expect(canonical(s.design()), 'the same design').to.equal(design);
      expect(await dataUrl(await s.el.exportImage({ width: 800 })), 'the same pixels').to.equal(pixels);
      expect(s.shadow('.notice').textContent).to.match(/Backup opened/);
    } finally {
      await page.close();
      await cdp({ method: 'Storage.overrideQuotaForOrigin', params: { origin } });
    }
  });

  it('refuses a backup that is not one, with a clear error, and keeps the design', async () => {
    s = await mountStudio({ draftKey: uniqueKey('bad-backup') });
    const p: Pt = geometry(s.editor.manifest!.views[0]).centre(20);
    await s.tool('pencil');
    await s.drag([p, [p[0] + 60, p[1]]], { steps: 3 });
    const design = canonical(s.design());
    const errors: string[] = [];
    s.el.addEventListener('co-design-error', (e) => errors.push(e.code));
    await clickIn(s.shadow('[data-action="drafts"]'));
    await s.el.updateComplete;
    await chooseFile('evil.codesign.json', new TextEncoder().encode('{"format":"co-design-backup","version":1,"name":"x","design":{"__proto__":{"a":1}}}'), 'input.backup-file');
    await waitFor(() => errors.length > 0, 'an error');
    expect(errors).to.deep.equal(['backup-invalid']);
    await s.el.updateComplete;
    expect(s.shadow('[role="alert"].error').textContent).to.match(/backup could not be opened/);
    expect(canonical(s.design())).to.equal(design);
  });

  it('works in memory with a visible warning when IndexedDB is blocked', async () => {
    // A connection that ignores versionchange plus a pending delete: every later open waits, as when another tab holds an old version.
    const holder = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('co-design-studio');
      req.onupgradeneeded = () => req.result.createObjectStore('drafts');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const deleting = indexedDB.deleteDatabase('co-design-studio');
    let blocked = false;
    deleting.onblocked = () => (blocked = true);
    try {
      await waitFor(() => blocked, 'the delete to be blocked');
      const errors: string[] = [];
      document.addEventListener('co-design-error', (e) => errors.push((e as CoDesignErrorEvent).code));
      s = await mountStudio({ draftKey: uniqueKey('blocked'), allowErrors: true });
      expect(errors).to.include('storage-unavailable');
      await s.el.updateComplete;
      expect(s.shadow('.warning[data-problem="unavailable"]').textContent).to.match(/not letting the studio keep drafts/);
      expect(s.shadow('.save-state').textContent).to.match(/Not saved on this device/);
      const p: Pt = geometry(s.editor.manifest!.views[0]).centre(20);
      await s.tool('pencil');
      await s.drag([p, [p[0] + 60, p[1]]], { steps: 3 });
      expect(strokes(s), 'painting still works').to.equal(1);
    } finally {
      holder.close();
      await new Promise((r) => (deleting.onsuccess = deleting.onerror = r));
    }
  });
});

