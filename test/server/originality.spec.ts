/**
 * The moderators' originality figures (docs/originality.md): computed by the server from the stored document,
 * listed with each design for the admin token only, flagging a design that is mostly one uploaded image.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newId } from '../../src/document/ids.ts';
import { encodeQuanta } from '../../src/document/points.ts';
import type { DesignDocument, ImageObject, Layer, Stroke } from '../../src/document/types.ts';
import type { TemplateManifest } from '../../src/template/types.ts';
import { readFileSync } from 'node:fs';
import { areaGrid } from '../../server/originality/grid.ts';
import { insidePolygons, pathPolygons } from '../../server/originality/path.ts';
import { MOSTLY_UPLOAD, noTemplates, originalityOf } from '../../server/originality/index.ts';
import { admin, json, makePng, metrics, startServer, submission, type TestServer } from './support.ts';

const ROADSTER = JSON.parse(
  readFileSync(new URL('../../templates/roadster.json', import.meta.url), 'utf8'),
) as TemplateManifest;
const key = () => `key-${Math.random().toString(36).slice(2, 12)}`;
const PNG = `data:image/png;base64,${makePng(16, 16).toString('base64')}`;

function upload(place: Partial<ImageObject>): Layer {
  const image: ImageObject = {
    type: 'image',
    x: 800,
    y: 350,
    scaleX: 1,
    scaleY: 1,
    angle: 0,
    src: PNG,
    width: 1600,
    height: 700,
    ...place,
  };
  return { id: newId(), name: 'Upload', visible: true, locked: false, kind: 'object', object: image };
}

/** A three-point stroke from (x, y), in quanta. */
const short = (x: number, y: number) => [x, y, x + 4, y + 6, x + 9, y + 3];

/** `n` short strokes in a row across the side view. */
function strokes(n: number): Layer {
  const marks: Stroke[] = Array.from({ length: n }, (_, i) => ({
    type: 'stroke',
    tool: 'pencil',
    color: '#112233',
    size: 6,
    opacity: 1,
    pts: encodeQuanta(short(200 + (i % 100) * 12, 300 + Math.floor(i / 100) * 40)),
  }));
  return { id: newId(), name: 'Paint', visible: true, locked: false, kind: 'paint', marks };
}

/** A roadster design with these layers on its side view (and an empty top view). */
function design(...layers: Layer[]): DesignDocument {
  const doc = submission().design;
  doc.views[0]!.layers.push(...layers);
  return doc;
}

/** A one-view template whose design area is the whole 1000 × 500 view. */
const SQUARE: TemplateManifest = {
  format: 'co-design-template',
  version: 1,
  id: 'plain',
  name: 'Plain',
  templateVersion: '1',
  views: [
    {
      id: 'side',
      name: 'Side',
      width: 1000,
      height: 500,
      areas: [{ id: 'all', name: 'All', path: 'M0 0H1000V500H0Z' }],
    },
  ],
};

function plain(...layers: Layer[]): DesignDocument {
  return { ...design(), template: { id: 'plain', version: '1' }, views: [{ view: 'side', layers }] };
}

describe('originality figures', () => {
  it('reads SVG paths with lines, curves and arcs as polygons', () => {
    const square = pathPolygons('M0 0H10V10H0Z');
    assert.equal(insidePolygons(square, 5, 5), true);
    assert.equal(insidePolygons(square, 15, 5), false);
    // A circle of radius 50 from two arcs (flags written without separators): its sampled area is πr² within 2 %.
    const circle = pathPolygons(
      'M50 100a50 50 0 1150-50A50 50 0 0 1 50 100z'.replace('a50 50 0 1150-50', 'a50 50 0 11100 0'),
    );
    let inside = 0;
    for (let x = 0.5; x < 200; x++) for (let y = 0.5; y < 200; y++) if (insidePolygons(circle, x, y)) inside++;
    assert.ok(Math.abs(inside / (Math.PI * 2500) - 1) < 0.02, `circle area ${inside}`);
    // Relative commands and an implicit lineto after a moveto.
    const relative = pathPolygons('m10 10 20 0 0 20 -20 0z');
    assert.equal(insidePolygons(relative, 20, 20), true);
    assert.equal(insidePolygons(relative, 5, 5), false);
  });

  it('measures an upload against the design areas: half covered, turned, scaled, hidden', () => {
    const half = originalityOf(plain(upload({ x: 250, y: 250, width: 500, height: 500 })), SQUARE, null);
    assert.ok(Math.abs(half.uploadShare! - 0.5) < 0.01, `half: ${half.uploadShare}`);
    assert.equal(half.largestUploadShare, half.uploadShare);
    // Turned by 90°, a 1000 × 100 strip stands 100 wide and (clipped to the view) 500 high: 10 %.
    const turned = originalityOf(plain(upload({ x: 500, y: 250, width: 1000, height: 100, angle: 90 })), SQUARE, null);
    assert.ok(Math.abs(turned.uploadShare! - 0.1) < 0.01, `turned: ${turned.uploadShare}`);
    // Mirrored (negative scale) and larger than the view: all of it, and no more.
    const big = originalityOf(
      plain(upload({ x: 500, y: 250, width: 600, height: 300, scaleX: -2, scaleY: 2 })),
      SQUARE,
      null,
    );
    assert.equal(big.uploadShare, 1);
    // Two overlapping uploads count once in the union; the largest is one of them.
    const two = originalityOf(
      plain(upload({ x: 250, y: 250, width: 500, height: 500 }), upload({ x: 500, y: 250, width: 500, height: 500 })),
      SQUARE,
      null,
    );
    assert.ok(Math.abs(two.uploadShare! - 0.75) < 0.01, `two: ${two.uploadShare}`);
    assert.ok(Math.abs(two.largestUploadShare! - 0.5) < 0.01);
    assert.equal(two.uploads, 2);
    const hidden = upload({ width: 1000, height: 500, x: 500, y: 250 });
    hidden.visible = false;
    assert.deepEqual(
      [originalityOf(plain(hidden), SQUARE, null).uploadShare, originalityOf(plain(hidden), SQUARE, null).uploads],
      [0, 0],
    );
  });

  it('flags mostly one upload only with few strokes, and says nothing without the template', () => {
    const covering = upload({ x: 500, y: 250, width: 1000, height: 500 });
    const few = originalityOf(plain(covering, strokes(MOSTLY_UPLOAD.strokesBelow - 1)), SQUARE, null);
    assert.equal(few.mostlyUpload, true);
    const many = originalityOf(plain(covering, strokes(MOSTLY_UPLOAD.strokesBelow)), SQUARE, null);
    assert.equal(many.mostlyUpload, false);
    assert.equal(many.strokes, MOSTLY_UPLOAD.strokesBelow);
    const small = originalityOf(plain(upload({ x: 250, y: 250, width: 500, height: 500 })), SQUARE, null);
    assert.equal(small.mostlyUpload, false, 'half the area is not mostly');
    const unknown = originalityOf(plain(covering), undefined, null);
    assert.deepEqual([unknown.uploadShare, unknown.largestUploadShare, unknown.mostlyUpload], [null, null, false]);
  });

  it('takes engaged and painted time from the time on task', () => {
    const figures = originalityOf(
      plain(),
      SQUARE,
      metrics({
        engagedMs: 100_000,
        tools: [
          { tool: 'pencil', engagedMs: 30_000, visibleMs: 0, wallMs: 0 },
          { tool: 'fill', engagedMs: 5_000, visibleMs: 0, wallMs: 0 },
          { tool: 'image', engagedMs: 50_000, visibleMs: 0, wallMs: 0 },
        ],
      }),
    );
    assert.deepEqual([figures.engagedMs, figures.paintedMs], [100_000, 35_000]);
  });
});

describe('GET /designs with originality (admin)', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  async function submit(doc: DesignDocument, over = {}): Promise<string> {
    const res = await server.call('/designs', json(submission({ design: doc, ...over }), { 'idempotency-key': key() }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id;
  }

  it('flags a design made of one big upload and not one painted by hand', async () => {
    const uploaded = await submit(design(upload({}), strokes(3)), {
      metrics: metrics({ engagedMs: 20_000, tools: [] }),
    });
    const painted = await submit(design(strokes(250)));

    const list = await server.call('/designs?status=pending&perPage=100', admin());
    assert.equal(list.status, 200);
    const byId = new Map(list.body.items.map((d: { id: string }) => [d.id, d]));
    const one = (byId.get(uploaded) as { originality: Record<string, unknown> }).originality;
    const hand = (byId.get(painted) as { originality: Record<string, unknown> }).originality;
    // The roadster's side body, from the repository's template: the upload covers all of it, the top view none.
    assert.equal(one.largestUploadShare, 1);
    const [side, top] = ROADSTER.views.map((v) => areaGrid(v).centres.length);
    assert.equal(one.uploadShare, Math.round((side! / (side! + top!)) * 1000) / 1000);
    assert.deepEqual(
      [one.strokes, one.uploads, one.mostlyUpload, one.engagedMs, one.paintedMs],
      [3, 1, true, 20_000, 0],
    );
    assert.deepEqual([hand.strokes, hand.uploads, hand.uploadShare, hand.mostlyUpload], [250, 0, 0, false]);
    assert.deepEqual([hand.engagedMs, hand.paintedMs], [60_000, 60_000]);

    const detail = await server.call(`/designs/${uploaded}`, admin());
    assert.deepEqual(detail.body.originality, one);
  });

  it('keeps the figures from the public, also once approved', async () => {
    const id = await submit(design(upload({})));
    assert.equal((await server.call(`/designs/${id}/approve`, admin({ method: 'POST' }))).status, 200);
    const listed = await server.call('/designs?perPage=100');
    const item = listed.body.items.find((d: { id: string }) => d.id === id);
    assert.ok(item, 'approved and listed');
    assert.equal('originality' in item, false);
    const detail = await server.call(`/designs/${id}`);
    assert.equal(detail.status, 200);
    assert.equal('originality' in detail.body, false);
    assert.ok('originality' in (await server.call(`/designs/${id}`, admin())).body, 'the admin sees them');
  });
});

describe('originality on a server that knows no templates', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ templates: noTemplates });
  });
  after(() => server.close());

  it('counts strokes and uploads but leaves coverage unknown and flags nothing', async () => {
    const res = await server.call(
      '/designs',
      json(submission({ design: design(upload({})) }), { 'idempotency-key': key() }),
    );
    const detail = await server.call(`/designs/${res.body.id}`, admin());
    const o = detail.body.originality;
    assert.deepEqual(
      [o.strokes, o.uploads, o.uploadShare, o.largestUploadShare, o.mostlyUpload],
      [0, 1, null, null, false],
    );
  });
});
