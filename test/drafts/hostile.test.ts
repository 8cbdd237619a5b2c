import { expect } from '@open-wc/testing';
import { newId } from '../../src/document/ids.ts';
import type { CoDesignErrorEvent } from '../../src/element/events/error.ts';
import { canonical, draftsStore, nextSave, storedAsShown, uniqueKey } from '../support/drafts.ts';
import { geometry } from '../support/geometry.ts';
import { mountStudio, type TestStudio } from '../support/studio.ts';
import { quarantined, readStored, writeStored, type StoredDraft } from './records.ts';

type Body = { design: { views: Array<{ layers: Array<Record<string, unknown>> }>; meta: Record<string, unknown> }; history: unknown; metrics: unknown };

const objectLayer = (d: StoredDraft) => (d.body as unknown as Body).design.views[0].layers.find((l) => l.kind === 'object')! as { object: Record<string, unknown> };
const firstMark = (d: StoredDraft) => (d.chunks[0][1].marks as Array<Record<string, unknown>>)[0];

/** Each class of bad record the studio must refuse (issue 3), written as another script could. */
const cases: Array<[string, (d: StoredDraft) => void]> = [
  ['a body that is not an object', (d) => void (d.body = 'garbage' as never)],
  ['a missing chunk of marks', (d) => void (d.chunks = [])],
  ['a meta record with fields missing', (d) => void delete d.meta.rev],
  ['an unknown object type', (d) => void (objectLayer(d).object.type = 'script')],
  ['an image from another site', (d) => void (objectLayer(d).object = { type: 'image', src: 'https://evil.example/x.png', width: 10, height: 10, x: 1, y: 1, scaleX: 1, scaleY: 1, angle: 0 })],
  ['an image from a blob: URL', (d) => void (objectLayer(d).object = { type: 'image', src: 'blob:http://localhost/0d9f', width: 10, height: 10, x: 1, y: 1, scaleX: 1, scaleY: 1, angle: 0 })],
  ['a __proto__ key', (d) => void ((d.body as unknown as Body).design.meta = JSON.parse('{"created":"2026-01-01T00:00:00.000Z","updated":"2026-01-01T00:00:00.000Z","__proto__":{"polluted":true}}'))],
  ['a constructor key', (d) => void Object.assign(objectLayer(d).object, { constructor: { prototype: { polluted: true } } })],
  // Points are stored as an Int32Array, which cannot hold NaN: a record written by someone else holds a plain array.
  ['a NaN coordinate', (d) => void (firstMark(d).pts = [NaN, ...Array.from(firstMark(d).pts as ArrayLike<number>).slice(1)])],
  ['a float among packed points', (d) => void (firstMark(d).pts = Float64Array.from([0.5, ...Array.from(firstMark(d).pts as ArrayLike<number>).slice(1)]))],
  ['an infinite size', (d) => void (firstMark(d).size = Infinity)],
  ['an absurd number', (d) => void (objectLayer(d).object.x = 1e300)],
  ['nesting too deep', (d) => void (objectLayer(d).object.extra = JSON.parse('['.repeat(200) + ']'.repeat(200)))],
  ['a document over the size cap', (d) => void (objectLayer(d).object = { type: 'image', src: `data:image/png;base64,${'A'.repeat(9 * 1024 * 1024)}`, width: 10, height: 10, x: 1, y: 1, scaleX: 1, scaleY: 1, angle: 0 })],
  ['a hostile undo step', (d) => void ((d.body as unknown as Body).history = { done: [{ source: 'pencil', ops: [{ op: 'eval', code: 'alert(1)' }] }], undone: [] })],
  ['a thumbnail that is not a PNG data URL', (d) => void (d.meta.thumbnail = 'javascript:alert(1)')],
  ['metrics with a negative time', (d) => void ((d.body as unknown as Body).metrics = { format: 'co-design-metrics', version: 1, engagedMs: -5, visibleMs: 0, wallMs: 0, tools: [], strokes: 0, undos: 0, redos: 0, sessions: 1, firstStrokeMs: null })],
];

describe('<co-design-studio> drafts: corrupted and hostile records', () => {
  const store = draftsStore();
  let source: StoredDraft;
  let sourceDesign: string;
  let s: TestStudio | undefined;

  before(async () => {
    // A real draft to tamper with: a stroke and a shape, saved by the studio itself.
    const studio = await mountStudio({ draftKey: uniqueKey('source') });
    const view = studio.editor.manifest!.views[0];
    const p = geometry(view).centre(20);
    await studio.tool('pencil');
    await studio.drag([p, [p[0] + 90, p[1]]], { steps: 4 });
    await studio.tool('shape');
    const saved = nextSave(studio.el);
    await studio.drag([p, [p[0] + 50, p[1] + 30]], { steps: 3 });
    const { draft } = await saved;
    await storedAsShown(studio.el, draft);
    source = await readStored(draft, store);
    sourceDesign = canonical(studio.design());
    studio.remove();
  });
  afterEach(() => s?.remove());

  for (const [name, mutate] of cases) {
    it(`sets aside ${name}, says so, and opens the other draft intact`, async () => {
      const key = uniqueKey('hostile');
      const good = newId();
      const bad = newId();
      await writeStored(source, good, key, store, { updated: '2026-01-01T00:00:00.000Z' });
      const tampered = structuredClone(source);
      mutate(tampered);
      await writeStored(tampered, bad, key, store, { current: true });

      const errors: string[] = [];
      document.addEventListener('co-design-error', (e) => errors.push((e as CoDesignErrorEvent).code));
      s = await mountStudio({ draftKey: key, allowErrors: true });
      await s.el.updateComplete;

      expect(errors, 'a co-design-error event').to.include('draft-invalid');
      expect(s.shadow('.notice').textContent, 'a message').to.match(/set aside/);
      expect(canonical(s.design()), 'the good draft opened as it was').to.equal(sourceDesign);
      const q = await quarantined(store);
      expect(q.some((e) => e.key[1] === bad), 'the bad record is kept in quarantine').to.equal(true);
      const left = await readStored(bad, store);
      expect(left.meta, 'and no longer listed').to.equal(undefined);
      expect((await readStored(good, store)).meta, 'the good draft is untouched').to.not.equal(undefined);
      expect(({} as Record<string, unknown>).polluted, 'no prototype pollution').to.equal(undefined);
    });
  }
});
