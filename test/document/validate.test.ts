import { expect } from '@open-wc/testing';
import { ErrorCode, StudioError } from '../../src/errors.js';
import { parseDesign } from '../../src/document/validate.ts';
import { clone, fullDocument, PNG_1PX } from './fixtures.ts';
import { broken, expectRefused, refusalOf } from './refusal.ts';

const L0 = 'views[0].layers[0]';
const STROKE = `${L0}.marks[1]`; // the pencil stroke
const SPRAY = `${L0}.marks[3]`;
const TEXT = 'views[0].layers[1].object';
const STAR = 'views[0].layers[2].object';
const LINE = 'views[0].layers[3].object';
const IMAGE = 'views[1].layers[0].object';
const STICKER = 'views[1].layers[1].object';

describe('parseDesign', () => {
  it('round-trips a valid document given as an object or as JSON text', () => {
    const doc = fullDocument();
    const fromObject = parseDesign(doc);
    const fromText = parseDesign(JSON.stringify(doc));
    expect(fromObject).to.deep.equal(doc);
    expect(fromText).to.deep.equal(doc);
    expect(JSON.stringify(parseDesign(JSON.stringify(fromText)))).to.equal(JSON.stringify(doc));
  });

  it('returns a copy that later changes to the input cannot reach', () => {
    const doc = fullDocument();
    const parsed = parseDesign(doc);
    expect(parsed).not.to.equal(doc);
    const stroke = doc.views[0].layers[0].kind === 'paint' ? doc.views[0].layers[0].marks[1] : undefined;
    if (stroke?.type !== 'stroke') throw new Error('fixture changed');
    stroke.pts[0] = 1;
    stroke.pressure![0] = 1;
    expect(parsed).to.deep.equal(fullDocument());
  });

  it('accepts edge values: empty names and text, zero opacity, bounds of every range', () => {
    const doc = broken((d) => {
      d.views[0].layers[0].name = '';
      d.views[0].layers[0].marks[2].opacity = 0;
      Object.assign(d.views[0].layers[1].object, { text: '', x: -100000, y: 100000, scaleX: 0.001, scaleY: 1000, angle: -36000, size: 10000 });
      // Corner to corner and back: the largest first and second-order deltas there are.
      d.views[0].layers[0].marks[1].pts = [4000000, -4000000, -8000000, 8000000, 16000000, -16000000];
      d.views[0].layers[0].marks[1].pressure = [0, 255, 7];
      Object.assign(d.views[0].layers[0].marks[3], { seed: 0, density: 200 });
      d.views[1].layers[0].object.src = 'data:image/svg+xml;charset=utf-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E';
    });
    expect(() => parseDesign(doc)).not.to.throw();
  });

  it('refuses anything that is not a document with design-invalid', () => {
    expectRefused('{', 'document', /not valid JSON/);
    expectRefused('', 'document', /not valid JSON/);
    expectRefused('[]', 'document', /expected a JSON object/);
    expectRefused(null, 'document', /expected a JSON object/);
    expectRefused(42, 'document', /expected a JSON object/);
    expectRefused(undefined, 'document', /undefined/);
    expectRefused('"a string"', 'document', /expected a JSON object/);
  });

  const cases: [string, unknown, string, RegExp][] = [
    // Unknown kinds and types
    ['an unknown object type', broken((d) => (d.views[1].layers[1].object.type = 'video')), `${STICKER}.type`, /expected an object type/],
    ['an unknown layer kind', broken((d) => (d.views[0].layers[1].kind = 'group')), 'views[0].layers[1].kind', /expected a layer kind/],
    ['an unknown mark type', broken((d) => (d.views[0].layers[0].marks[0].type = 'gradient')), `${L0}.marks[0].type`, /expected a mark type/],
    ['a missing mark type', broken((d) => delete d.views[0].layers[0].marks[0].type), `${L0}.marks[0].type`, /got undefined/],
    ['an unknown stroke tool', broken((d) => (d.views[0].layers[0].marks[1].tool = 'laser')), `${STROKE}.tool`, /pencil, marker, spray, eraser/],
    ['an unknown shape', broken((d) => (d.views[0].layers[2].object.shape = 'heart')), `${STAR}.shape`, /expected one of/],
    ['an unknown key at the top', broken((d) => (d.extra = 1)), 'extra', /unknown key/],
    ['an unknown key in a stroke', broken((d) => (d.views[0].layers[0].marks[1].fabric = {})), `${STROKE}.fabric`, /unknown key/],
    ['an unknown key in an object', broken((d) => (d.views[1].layers[1].object.onload = 'x')), `${STICKER}.onload`, /unknown key/],
    ['a missing field', broken((d) => delete d.views[0].layers[1].locked), 'views[0].layers[1].locked', /missing/],
    ['a wrong format', broken((d) => (d.format = 'fabric')), 'format', /co-design-document/],
    // Image sources
    ['an http: image', broken((d) => (d.views[1].layers[0].object.src = 'http://example.com/a.png')), `${IMAGE}.src`, /data:image/],
    ['an https: image', broken((d) => (d.views[1].layers[0].object.src = 'https://example.com/a.png')), `${IMAGE}.src`, /data:image/],
    ['a blob: image', broken((d) => (d.views[1].layers[0].object.src = 'blob:https://example.com/1234')), `${IMAGE}.src`, /data:image/],
    ['a javascript: image', broken((d) => (d.views[1].layers[0].object.src = 'javascript:alert(1)')), `${IMAGE}.src`, /data:image/],
    ['a data:text/html image', broken((d) => (d.views[1].layers[0].object.src = 'data:text/html,<script>')), `${IMAGE}.src`, /data:image/],
    ['a data:image/gif image', broken((d) => (d.views[1].layers[0].object.src = 'data:image/gif;base64,R0lG')), `${IMAGE}.src`, /data:image/],
    ['a non-base64 png', broken((d) => (d.views[1].layers[0].object.src = 'data:image/png,abc')), `${IMAGE}.src`, /data:image/],
    ['an svg+xml look-alike', broken((d) => (d.views[1].layers[0].object.src = 'data:image/svg+xmlx,')), `${IMAGE}.src`, /data:image/],
    ['a src with a leading space', broken((d) => (d.views[1].layers[0].object.src = ` ${PNG_1PX}`)), `${IMAGE}.src`, /data:image/],
    // Strings
    ['a bad layer id', broken((d) => (d.views[0].layers[1].id = 'a b')), 'views[0].layers[1].id', /expected an id/],
    ['a 65-character id', broken((d) => (d.views[0].layers[1].id = 'a'.repeat(65))), 'views[0].layers[1].id', /expected an id/],
    ['a bad view id', broken((d) => (d.views[0].view = '../left')), 'views[0].view', /expected an id/],
    ['a bad sticker id', broken((d) => (d.views[1].layers[1].object.sticker = '')), `${STICKER}.sticker`, /expected an id/],
    ['a long name', broken((d) => (d.views[0].layers[1].name = 'n'.repeat(121))), 'views[0].layers[1].name', /at most 120/],
    ['a long author', broken((d) => (d.meta.author = 'n'.repeat(121))), 'meta.author', /at most 120/],
    ['a long text', broken((d) => (d.views[0].layers[1].object.text = 't'.repeat(10001))), `${TEXT}.text`, /at most 10000/],
    ['an empty font', broken((d) => (d.views[0].layers[1].object.font = '')), `${TEXT}.font`, /1 to 120/],
    ['a long template id', broken((d) => (d.template.id = 't'.repeat(65))), 'template.id', /1 to 64/],
    ['an empty template version', broken((d) => (d.template.version = '')), 'template.version', /1 to 64/],
    ['a short colour', broken((d) => (d.views[0].layers[0].marks[1].color = '#fff')), `${STROKE}.color`, /#rrggbb/],
    ['a named colour', broken((d) => (d.views[0].layers[2].object.fill = 'red')), `${STAR}.fill`, /#rrggbb/],
    ['a non-ISO date', broken((d) => (d.meta.created = 'March 1, 2025')), 'meta.created', /ISO 8601/],
    ['a wrong type', broken((d) => (d.views[0].layers[0].visible = 'yes')), `${L0}.visible`, /expected boolean/],
    // Absurd numbers
    ['a far-away x', broken((d) => (d.views[0].layers[1].object.x = 1e9)), `${TEXT}.x`, /-100000 to 100000/],
    ['a zero scale', broken((d) => (d.views[0].layers[1].object.scaleX = 0)), `${TEXT}.scaleX`, /0.001 to 1000/],
    ['a huge scale', broken((d) => (d.views[0].layers[1].object.scaleY = 1e6)), `${TEXT}.scaleY`, /0.001 to 1000/],
    ['a huge angle', broken((d) => (d.views[0].layers[1].object.angle = 1e7)), `${TEXT}.angle`, /-36000 to 36000/],
    ['a zero size', broken((d) => (d.views[0].layers[0].marks[1].size = 0)), `${STROKE}.size`, /above 0/],
    ['a huge size', broken((d) => (d.views[0].layers[1].object.size = 1e5)), `${TEXT}.size`, /at most 10000/],
    ['a huge image', broken((d) => (d.views[1].layers[0].object.width = 10001)), `${IMAGE}.width`, /at most 10000/],
    ['an opacity above 1', broken((d) => (d.views[0].layers[0].marks[1].opacity = 2)), `${STROKE}.opacity`, /0 to 1/],
    ['a negative stroke width', broken((d) => (d.views[0].layers[3].object.strokeWidth = -1)), `${LINE}.strokeWidth`, /0 to 10000/],
    ['a negative seed', broken((d) => (d.views[0].layers[0].marks[3].seed = -1)), `${SPRAY}.seed`, /0 to 4294967295/],
    ['a seed beyond uint32', broken((d) => (d.views[0].layers[0].marks[3].seed = 2 ** 32)), `${SPRAY}.seed`, /0 to 4294967295/],
    ['a fractional density', broken((d) => (d.views[0].layers[0].marks[3].density = 2.5)), `${SPRAY}.density`, /integer from 1 to 200/],
    ['a zero density', broken((d) => (d.views[0].layers[0].marks[3].density = 0)), `${SPRAY}.density`, /integer from 1 to 200/],
    ['25 sides', broken((d) => (d.views[0].layers[2].object.sides = 25)), `${STAR}.sides`, /3 to 24/],
    ['a number as a string', broken((d) => (d.views[0].layers[1].object.x = '12')), `${TEXT}.x`, /got "12"/],
    // Stroke points
    ['odd-length pts', broken((d) => (d.views[0].layers[0].marks[2].pts = [0, 0, 1])), `${L0}.marks[2].pts`, /even number/],
    ['non-integer pts', broken((d) => (d.views[0].layers[0].marks[2].pts = [0, 0, 1.5, 2])), `${L0}.marks[2].pts`, /expected integers, found 1.5 at index 2/],
    ['string pts', broken((d) => (d.views[0].layers[0].marks[2].pts = [0, 0, '1', 2])), `${L0}.marks[2].pts`, /expected integers/],
    ['empty pts', broken((d) => (d.views[0].layers[0].marks[2].pts = [])), `${L0}.marks[2].pts`, /2 to 200000 entries/],
    ['pts that are no array', broken((d) => (d.views[0].layers[0].marks[2].pts = '0,0')), `${L0}.marks[2].pts`, /expected an array/],
    ['a pts value beyond 16,000,000', broken((d) => (d.views[0].layers[0].marks[2].pts = [0, 0, 16000001, 0])), `${L0}.marks[2].pts`, /-16000000 to 16000000, found 16000001 at index 2/],
    ['a first point beyond 4,000,000', broken((d) => (d.views[0].layers[0].marks[2].pts = [0, 4000001])), `${L0}.marks[2].pts`, /point 0 lies beyond ±4000000/],
    ['pts that decode out of range', broken((d) => (d.views[0].layers[0].marks[2].pts = [4000000, 0, 1, 0])), `${L0}.marks[2].pts`, /point 1 lies beyond/],
    ['second-order pts that add up beyond the range', broken((d) => (d.views[0].layers[0].marks[2].pts = [0, 0, 1, 0, ...new Array(6000).fill(1)])), `${L0}.marks[2].pts`, /point 2828 lies beyond ±4000000/],
    ['too many pts', broken((d) => (d.views[0].layers[0].marks[2].pts = new Array(200002).fill(0))), `${L0}.marks[2].pts`, /got 200002/],
    ['a pressure above 255', broken((d) => (d.views[0].layers[0].marks[1].pressure = [0, 256, 0])), `${STROKE}.pressure`, /0 to 255/],
    ['a fractional pressure', broken((d) => (d.views[0].layers[0].marks[1].pressure = [0, 0.5, 0])), `${STROKE}.pressure`, /integers/],
    // Rules across fields
    ['a pressure per point missing', broken((d) => (d.views[0].layers[0].marks[1].pressure = [1, 2])), `${STROKE}.pressure`, /one value per point \(3\)/],
    ['a spray without a seed', broken((d) => delete d.views[0].layers[0].marks[3].seed), `${SPRAY}.seed`, /needs a seed/],
    ['a pencil with a density', broken((d) => (d.views[0].layers[0].marks[1].density = 3)), `${STROKE}.density`, /only spray/],
    ['sides on a rect', broken((d) => (d.views[0].layers[2].object.shape = 'rect')), `${STAR}.sides`, /only stars and polygons/],
    ['a line with a height', broken((d) => (d.views[0].layers[3].object.height = 2)), `${LINE}.height`, /height 0/],
    ['a flat ellipse', broken((d) => Object.assign(d.views[0].layers[2].object, { shape: 'ellipse', sides: undefined, height: 0 })), `${STAR}.height`, /above 0/],
    ['duplicate layer ids', broken((d) => (d.views[0].layers[2].id = 'paint-1')), 'views[0].layers[2].id', /duplicate layer id "paint-1"/],
    ['duplicate view ids', broken((d) => (d.views[1].view = 'left')), 'views[1].view', /duplicate view id "left"/],
    // Versions
    ['a version as a string', broken((d) => (d.version = '1')), 'version', /whole version number/],
    ['a fractional version', broken((d) => (d.version = 1.5)), 'version', /whole version number/],
    ['a missing version', broken((d) => delete d.version), 'version', /whole version number/],
    ['a negative version', broken((d) => (d.version = -1)), 'version', /whole version number/],
    ['a newer version', broken((d) => (d.version = 3)), 'version', /made by a newer studio/],
    // Timing (version 2)
    ['times missing a pair', broken((d) => d.views[0].layers[0].times.splice(8, 2)), `${L0}.times`, /two entries per mark \(10\), got 8/],
    ['a fractional time', broken((d) => (d.views[0].layers[0].times[3] = 0.5)), `${L0}.times`, /integers, found 0.5 at index 3/],
    ['a negative duration', broken((d) => (d.views[0].layers[0].times[3] = -1)), `${L0}.times`, /duration from 0 to 72000 at index 3/],
    ['a stroke of over an hour', broken((d) => (d.views[0].layers[0].times[3] = 72001)), `${L0}.times`, /duration from 0 to 72000/],
    ['a fill that lasts', broken((d) => (d.views[0].layers[0].times[1] = 4)), `${L0}.times`, /a fill lasts 0/],
    ['a time before the clock', broken((d) => (d.views[0].layers[0].times[2] = -41)), `${L0}.times`, /mark 1 lies outside 0 to/],
    ['times that are no array', broken((d) => (d.views[0].layers[0].times = '1,2')), `${L0}.times`, /array of integers/],
    ['a fractional placing time', broken((d) => (d.views[0].layers[1].at = 1.5)), 'views[0].layers[1].at', /integer/],
    ['a negative clock', broken((d) => (d.meta.elapsed = -1)), 'meta.elapsed', /integer from 0/],
    // Counts
    ['no views', broken((d) => (d.views = [])), 'views', /1 to 16 views/],
    ['17 views', broken((d) => (d.views = Array.from({ length: 17 }, (_, i) => ({ view: `v${i}`, layers: [] })))), 'views', /1 to 16 views/],
    ['201 layers', broken((d) => (d.views[1].layers = Array.from({ length: 201 }, (_, i) => ({ ...d.views[1].layers[1], id: `s${i}` })))), 'views[1].layers', /at most 200 layers/],
  ];

  for (const [name, input, path, message] of cases) {
    it(`refuses ${name}`, () => {
      expectRefused(input, path, message);
    });
  }

  it('does the same for JSON text as for objects', () => {
    for (const [, input, path] of cases.slice(0, 20)) expectRefused(JSON.stringify(input), path);
  });

  it('refuses more than 200,000 marks in one layer and across a view', () => {
    const fill = { type: 'fill', area: 'body', color: '#000000' };
    const big = { maxBytes: 64 * 1024 * 1024 };
    const oneLayer = broken((d) => (d.views[0].layers[0].marks = new Array(200_001).fill(fill)));
    expectRefused(oneLayer, `${L0}.marks`, /at most 200000 marks/, big);
    const twoLayers = broken((d) => {
      delete d.views[0].layers[0].times;
      d.views[0].layers[0].marks = new Array(100_000).fill(fill);
      d.views[0].layers[1] = { ...d.views[0].layers[0], id: 'paint-2', marks: new Array(100_001).fill(fill) };
    });
    expectRefused(twoLayers, 'views[0].layers[1].marks', /more than 200000 marks in this view/, big);
  });

  it('refuses an image src over 12 MB of characters even when the size cap allows it', () => {
    const src = `data:image/png;base64,${'A'.repeat(12 * 1024 * 1024)}`;
    const doc = broken((d) => (d.views[1].layers[0].object.src = src));
    expectRefused(doc, `${IMAGE}.src`, /at most 12582912 characters/, { maxBytes: 32 * 1024 * 1024 });
  });

  describe('checkImage hook', () => {
    it('sees every image src with its path', () => {
      const seen: [string, string][] = [];
      parseDesign(fullDocument(), { checkImage: (src, path) => seen.push([src.slice(0, 22), path]) });
      expect(seen).to.deep.equal([['data:image/png;base64,', `${IMAGE}.src`]]);
    });

    it('turns a thrown Error into design-invalid at the image path', () => {
      const error = refusalOf(fullDocument(), {
        checkImage: () => {
          throw new Error('not a PNG');
        },
      });
      expect(error.code).to.equal('design-invalid');
      expect(error.message).to.equal(`${IMAGE}.src: not a PNG`);
    });

    it('passes a StudioError through unchanged', () => {
      const unsafe = new StudioError(ErrorCode.UploadUnsafe, 'script in SVG');
      const error = refusalOf(clone(fullDocument()), {
        checkImage: () => {
          throw unsafe;
        },
      });
      expect(error).to.equal(unsafe);
    });
  });
});
