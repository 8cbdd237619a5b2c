import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { canonical, draftsStore, nextSave, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { clickIn, mountStudio, type TestStudio } from '../support/studio.ts';
import { waitFor } from '../support/wait.ts';
import { readStored } from './records.ts';

const names = (s: TestStudio) => [...s.el.shadowRoot!.querySelectorAll('dialog.drafts[open] .draft .draft-name')].map((n) => n.textContent!.trim());
const item = (s: TestStudio, name: string) => [...s.el.shadowRoot!.querySelectorAll<HTMLElement>('.draft')].find((d) => d.querySelector('.draft-name')?.textContent?.trim() === name)!;

/** Waits until the open list shows exactly `expected` (in any order): the dialog's code and the list load lazily. */
async function listed(s: TestStudio, expected: string[]): Promise<void> {
  const want = JSON.stringify([...expected].sort());
  await waitFor(() => JSON.stringify(names(s).sort()) === want, () => `the drafts list to show ${want}, it shows ${JSON.stringify(names(s).sort())}`);
}

async function openList(s: TestStudio, expected: string[]): Promise<void> {
  if (!s.el.shadowRoot!.querySelector('dialog.drafts[open]')) await clickIn(s.shadow('[data-action="drafts"]'));
  await listed(s, expected);
}

async function closed(s: TestStudio): Promise<void> {
  await waitFor(() => !s.el.shadowRoot!.querySelector('dialog.drafts'), 'the drafts list to close');
}

async function press(...keys: string[]): Promise<void> {
  for (const key of keys) await sendKeys({ press: key });
}

describe('<co-design-studio> drafts list', () => {
  let s: TestStudio | undefined;
  afterEach(() => s?.remove());

  it('lists drafts with thumbnails; new, rename, duplicate, open and delete work from the list', async function () {
    this.timeout(40_000);
    const key = uniqueKey('list');
    s = await mountStudio({ draftKey: key });
    const p = geometry(s.editor.manifest!.views[0]).centre(20);
    await s.tool('pencil');
    let saved = nextSave(s.el);
    await s.drag([p, [p[0] + 120, p[1]]], { steps: 4 });
    const first = await saved;
    const firstDesign = canonical(s.design());

    await openList(s, ['Design 1']);
    const thumb = item(s, 'Design 1').querySelector('img')!;
    expect(thumb.getAttribute('src')).to.match(/^data:image\/png;base64,/);
    expect(thumb.alt).to.equal('Preview of Design 1');
    expect(item(s, 'Design 1').textContent).to.match(/On screen/);

    // New: an empty design, listed at once.
    saved = nextSave(s.el);
    await clickIn(s.shadow('[data-action="new-draft"]'));
    await saved;
    await closed(s);
    expect(s.design().views[0].layers.every((l) => l.kind !== 'paint' || l.marks.length === 0), 'the new design is empty').to.equal(true);
    expect(s.editor.canUndo, 'starting anew is not an undo step').to.equal(false);
    await openList(s, ['Design 1', 'Design 2']);

    // Rename Design 1 with the keyboard.
    await clickIn(item(s, 'Design 1').querySelector('[data-action="rename-draft"]')!);
    const input = await waitFor(() => s!.el.shadowRoot!.querySelector<HTMLInputElement>('.rename input'), 'the rename field');
    await clickIn(input);
    input.select();
    await sendKeys({ type: 'Blue livery' });
    await press('Enter');
    await listed(s, ['Blue livery', 'Design 2']);
    const storedName = async () => ((await readStored(first.draft, draftsStore())).meta as { name: string }).name;
    await waitFor(async () => (await storedName()) === 'Blue livery', async () => `the new name stored, found ${await storedName()}`);

    // Duplicate it.
    await clickIn(item(s, 'Blue livery').querySelector('[data-action="duplicate-draft"]')!);
    await listed(s, ['Blue livery', 'Blue livery (copy)', 'Design 2']);

    // Open the copy: the stroke is there, and opening is not an edit.
    let changes = 0;
    s.el.addEventListener('co-design-change', () => changes++);
    await clickIn(item(s, 'Blue livery (copy)').querySelector('[data-action="open-draft"]')!);
    await closed(s);
    await waitFor(() => canonical(s!.design()) === firstDesign, 'the copy on screen');
    expect(changes, 'opening a draft is not a change').to.equal(0);
    expect(s.el.shadowRoot!.querySelector('dialog.drafts'), 'the list closes').to.equal(null);

    // Delete Design 2, with a confirmation.
    await openList(s, ['Blue livery', 'Blue livery (copy)', 'Design 2']);
    await clickIn(item(s, 'Design 2').querySelector('[data-action="delete-draft"]')!);
    const confirm = await waitFor(() => item(s!, 'Design 2').querySelector('.confirm'), 'the confirmation');
    expect(confirm.textContent).to.match(/Delete “Design 2”\?/);
    await clickIn(item(s, 'Design 2').querySelector('[data-action="confirm-delete"]')!);
    await listed(s, ['Blue livery', 'Blue livery (copy)']);

    // A remount opens the draft that was on screen.
    const onScreen = canonical(s.design());
    const current = s.el.shadowRoot!.querySelector('.draft.current .draft-name')!.textContent!.trim();
    expect(current).to.equal('Blue livery (copy)');
    s.remove();
    s = await mountStudio({ draftKey: key });
    expect(canonical(s.design())).to.equal(onScreen);
    await openList(s, ['Blue livery', 'Blue livery (copy)']);
    expect(s.el.shadowRoot!.querySelector('.draft.current .draft-name')!.textContent!.trim()).to.equal('Blue livery (copy)');
  });
});
