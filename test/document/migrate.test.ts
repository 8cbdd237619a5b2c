import { expect } from '@open-wc/testing';
import { isStudioError, type StudioError } from '../../src/errors.js';
import { migrateDocument, migrations, oldestReadableVersion, type Migration, type RawDocument } from '../../src/document/migrate.ts';
import { DOCUMENT_VERSION } from '../../src/document/types.ts';
import { fullDocument } from './fixtures.ts';

function refusal(run: () => unknown): StudioError {
  try {
    run();
  } catch (error) {
    if (isStudioError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** A pretend history: v1 had `title`, v2 renamed it to `name`, v3 added `tags`. */
const history: Record<number, Migration> = {
  1: ({ title, ...doc }) => ({ ...doc, version: 2, name: title }),
  2: (doc) => ({ ...doc, version: 3, tags: [] }),
};

describe('migrateDocument', () => {
  it('returns a current document as it is', () => {
    const doc = fullDocument() as unknown as RawDocument;
    expect(migrateDocument(doc)).to.equal(doc);
  });

  it('registers only steps older than the current version, each to the next', () => {
    for (const key of Object.keys(migrations)) expect(Number(key)).to.be.below(DOCUMENT_VERSION);
    expect(oldestReadableVersion()).to.equal(DOCUMENT_VERSION - Object.keys(migrations).length);
  });

  it('applies every step in order, without touching the input', () => {
    const v1 = { format: 'co-design-document', version: 1, title: 'Mine' };
    const before = JSON.stringify(v1);
    expect(migrateDocument(v1, history, 3)).to.deep.equal({ format: 'co-design-document', version: 3, name: 'Mine', tags: [] });
    expect(migrateDocument({ format: 'co-design-document', version: 2, name: 'Mine' }, history, 3)).to.deep.equal({
      format: 'co-design-document',
      version: 3,
      name: 'Mine',
      tags: [],
    });
    expect(JSON.stringify(v1)).to.equal(before);
  });

  it('refuses a version it has no step for', () => {
    const error = refusal(() => migrateDocument({ format: 'co-design-document', version: 0 }, history, 3));
    expect(error.code).to.equal('design-invalid');
    expect(error.message).to.equal('version: version 0 cannot be read (this studio reads 1 to 3)');
    expect(oldestReadableVersion(history, 3)).to.equal(1);
  });

  it('refuses a newer version, naming both', () => {
    const error = refusal(() => migrateDocument({ format: 'co-design-document', version: 4 }, history, 3));
    expect(error.code).to.equal('design-invalid');
    expect(error.message).to.equal('version: made by a newer studio (version 4; this one reads up to 3)');
    expect(error.params).to.include({ version: 4, supported: 3 });
  });

  it('refuses other formats and versions that are not whole numbers', () => {
    expect(refusal(() => migrateDocument({ format: 'excalidraw', version: 1 })).message).to.match(/^format: /);
    for (const version of ['1', 1.5, -1, null, Number.MAX_VALUE]) {
      expect(refusal(() => migrateDocument({ format: 'co-design-document', version })).message).to.match(/^version: expected a whole version number/);
    }
    expect(refusal(() => migrateDocument([])).message).to.match(/^document: expected a JSON object/);
  });

  it('reports a step that throws or lands on the wrong version as design-invalid', () => {
    const throwing: Record<number, Migration> = {
      1: () => {
        throw new TypeError('cannot read layers');
      },
    };
    const thrown = refusal(() => migrateDocument({ format: 'co-design-document', version: 1 }, throwing, 2));
    expect(thrown.code).to.equal('design-invalid');
    expect(thrown.message).to.equal('document: could not migrate from version 1: cannot read layers');
    const skipping: Record<number, Migration> = { 1: (doc) => ({ ...doc, version: 3 }) };
    const skipped = refusal(() => migrateDocument({ format: 'co-design-document', version: 1 }, skipping, 3));
    expect(skipped.message).to.match(/did not produce version 2/);
  });
});

describe('version 1 (before timing)', () => {
  it('migrates to the current version without inventing times', async () => {
    const { parseDesign } = await import('../../src/document/validate.ts');
    const { hasTiming } = await import('../../src/document/timing.ts');
    const v1 = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
    const doc = parseDesign(v1);
    expect(v1.version, 'the input is not touched').to.equal(1);
    expect(doc.version).to.equal(DOCUMENT_VERSION);
    expect(doc.meta.elapsed).to.equal(undefined);
    expect(hasTiming(doc)).to.equal(false);
  });

  it('codes every stroke and bucket ring anew as second-order deltas, the same points', async () => {
    const { parseDesign } = await import('../../src/document/validate.ts');
    const { decodeQuanta } = await import('../../src/document/points.ts');
    const v1 = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
    // A bucket ring in version 1's first-order coding beside the fixture's strokes.
    v1.views[0].layers[0].marks.push({ type: 'fill', area: 'body', color: '#123456', region: [[4000, 2000, 40, 0, 0, 40, -40, 0]] });
    const firstOrder = (pts: number[]) => pts.map((_, i) => pts.slice(0, i + 1).filter((__, j) => j % 2 === i % 2).reduce((a, b) => a + b, 0));
    const doc = parseDesign(v1);
    let strokes = 0;
    doc.views.forEach((view, v) =>
      view.layers.forEach((layer, l) => {
        if (layer.kind !== 'paint') return;
        layer.marks.forEach((mark, m) => {
          const old = v1.views[v].layers[l].marks[m];
          if (mark.type === 'stroke') {
            strokes++;
            expect(Array.from(decodeQuanta(mark.pts)), `stroke ${m}`).to.deep.equal(firstOrder(old.pts));
          } else if (mark.region) {
            expect(mark.region.map((ring) => Array.from(decodeQuanta(ring)))).to.deep.equal(old.region.map(firstOrder));
          }
        });
      }),
    );
    expect(strokes, 'the fixture has strokes').to.be.greaterThan(2);
    const fill = doc.views[0].layers[0].kind === 'paint' ? doc.views[0].layers[0].marks.at(-1) : undefined;
    expect(fill?.type === 'fill' && fill.region).to.deep.equal([[4000, 2000, 40, 0, -40, 40, -40, -40]]);
  });

  it('leaves points that are not integers for the schema to refuse by name, and refuses ones beyond range', async () => {
    const { parseDesign } = await import('../../src/document/validate.ts');
    const v1 = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
    const bad = structuredClone(v1);
    bad.views[0].layers[0].marks[1].pts[3] = 1.5;
    expect(refusal(() => parseDesign(bad)).message).to.match(/^views\[0\]\.layers\[0\]\.marks\[1\]\.pts: expected integers, found 1\.5 at index 3/);
    const far = structuredClone(v1);
    far.views[0].layers[0].marks[1].pts = [3_999_000, 0, 1_000, 0, 1_000, 0];
    expect(refusal(() => parseDesign(far)).message).to.match(/^views\[0\]\.layers\[0\]\.marks\[1\]\.pts: point 2 lies beyond/);
  });
});

describe('version 0 (the pilots’ format)', () => {
  it('migrates the shipped fixture to a valid current document, point for point', async () => {
    const { parseDesign } = await import('../../src/document/validate.ts');
    const { decodePoints } = await import('../../src/document/points.ts');
    const v0 = await (await fetch(new URL('../fixtures/designs/roadster-v0.json', import.meta.url))).json();
    const before = JSON.stringify(v0);
    const doc = parseDesign(v0);
    expect(JSON.stringify(v0), 'the input is not touched').to.equal(before);
    expect(doc.version).to.equal(DOCUMENT_VERSION);
    expect(doc.template).to.deep.equal({ id: 'roadster', version: '2026.11.0' });
    expect(doc.meta).to.deep.equal({ created: '2025-06-01T10:00:00.000Z', updated: '2025-06-01T10:20:00.000Z', author: 'Pilot customer' });
    const [paint, text, hidden] = doc.views[0].layers;
    expect(hidden.visible).to.equal(false);
    expect(text.visible).to.equal(true);
    if (paint.kind !== 'paint' || paint.marks[1].type !== 'stroke') throw new Error('expected the paint layer');
    expect(Array.from(decodePoints(paint.marks[1].pts))).to.deep.equal([700, 470, 760, 462.5, 820, 468.25, 880, 480]);
    expect(paint.marks[3]).to.include({ seed: 12345, density: 24 });
  });

  it('refuses a version 0 stroke whose points are not pairs of numbers, by name', async () => {
    const { parseDesign } = await import('../../src/document/validate.ts');
    const v0 = await (await fetch(new URL('../fixtures/designs/roadster-v0.json', import.meta.url))).json();
    v0.views[0].layers[0].marks[1].points[2] = ['a', 'b'];
    const error = refusal(() => parseDesign(v0));
    expect(error.code).to.equal('design-invalid');
    expect(error.message).to.match(/^views\[0\]\.layers\[0\]\.marks\[1\]\.pts/);
  });
});
