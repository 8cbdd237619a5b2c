import { expect } from '@open-wc/testing';
import { readBackup } from '../../src/drafts/backup.ts';

/** A backup file around `design` whose one undo step pushed the design's mark 1 of its first layer. */
function backupOf(design: { views: Array<{ view: string; layers: Array<{ id: string; marks: unknown[] }> }> }): Blob {
  const [view] = design.views;
  const step = { op: 'push-mark', view: view.view, layer: view.layers[0].id, mark: view.layers[0].marks[1] };
  const backup = { format: 'co-design-backup', version: 1, exported: '2026-12-01T11:00:00.000Z', name: 'Old', design, history: { done: [{ source: 'pencil', ops: [step] }], undone: [] }, metrics: null };
  return new Blob([JSON.stringify(backup)], { type: 'application/json' });
}

describe('backup files of document version 1', () => {
  it('code the undo steps anew with the design, so an undo step holds the very mark the design does', async () => {
    const v1 = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
    const opened = await readBackup(backupOf(v1));
    const paint = opened.design.views[0].layers[0];
    if (paint.kind !== 'paint') throw new Error('fixture changed');
    const op = opened.history.done[0].ops[0] as { mark?: unknown };
    expect(op.mark, 'the undo step’s stroke').to.deep.equal(paint.marks[1]);
    expect(op.mark, 'coded anew').not.to.deep.equal(v1.views[0].layers[0].marks[1]);
  });

  it('leave the undo steps of a current design as they are', async () => {
    const v1 = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
    const current = (await readBackup(backupOf(v1))).design;
    const opened = await readBackup(backupOf(current as unknown as Parameters<typeof backupOf>[0]));
    const paint = opened.design.views[0].layers[0];
    if (paint.kind !== 'paint') throw new Error('fixture changed');
    expect((opened.history.done[0].ops[0] as { mark?: unknown }).mark).to.deep.equal(paint.marks[1]);
  });
});
