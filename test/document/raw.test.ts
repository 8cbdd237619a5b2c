import { expect } from '@open-wc/testing';
import { parseDesign } from '../../src/document/validate.ts';
import { fullDocument, strokeDocument } from './fixtures.ts';
import { broken, brokenText, expectRefused } from './refusal.ts';

const STROKE = 'views[0].layers[0].marks[1]';

/** Adds an own, enumerable key as JSON.parse would, even for `__proto__`. */
function withOwnKey(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
}

describe('parseDesign: raw checks before the schema', () => {
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
  });

  describe('prototype keys', () => {
    const texts: [string, string, string, string][] = [
      ['__proto__ at the top of JSON text', '{"format"', '{"__proto__":{"polluted":1},"format"', '__proto__'],
      ['__proto__ in meta, in JSON text', '"meta":{', '"meta":{"__proto__":{"polluted":1},', 'meta.__proto__'],
      ['__proto__ in a stroke, in JSON text', '{"type":"stroke","tool":"marker"', '{"__proto__":{"polluted":1},"type":"stroke","tool":"marker"', 'views[0].layers[0].marks[2].__proto__'],
      ['constructor in an object, in JSON text', '"object":{"type":"sticker"', '"object":{"constructor":{"prototype":{"polluted":1}},"type":"sticker"', 'views[1].layers[1].object.constructor'],
      ['prototype in a layer, in JSON text', '{"id":"text-1"', '{"prototype":{},"id":"text-1"', 'views[0].layers[1].prototype'],
    ];
    for (const [name, find, replace, path] of texts) {
      it(`refuses ${name}`, () => {
        expectRefused(brokenText(find, replace), path, /is not allowed/);
      });
    }

    it('refuses an own __proto__ key in objects at several depths', () => {
      expectRefused(broken((d) => withOwnKey(d, '__proto__', { polluted: 1 })), '__proto__', /"__proto__" is not allowed/);
      expectRefused(broken((d) => withOwnKey(d.views[0], '__proto__', {})), 'views[0].__proto__');
      expectRefused(broken((d) => withOwnKey(d.views[1].layers[0].object, '__proto__', {})), 'views[1].layers[0].object.__proto__');
    });

    it('refuses constructor and prototype keys in objects, computed or plain', () => {
      expectRefused(broken((d) => (d.views[0].layers[0].marks[1] = { ['constructor']: 1, ...d.views[0].layers[0].marks[1] })), `${STROKE}.constructor`);
      expectRefused(broken((d) => (d.views[0].layers[0].marks[0].prototype = { polluted: 1 })), 'views[0].layers[0].marks[0].prototype');
      expectRefused(broken((d) => (d.template.constructor = 'x')), 'template.constructor');
    });

    it('refuses them even where the schema would never look (unknown keys)', () => {
      expectRefused(broken((d) => (d.extra = { deeper: [{ constructor: 1 }] })), 'extra.deeper[0].constructor');
    });
  });

  describe('numbers that JSON cannot hold', () => {
    const cases: [string, unknown, string][] = [
      ['NaN as a size', broken((d) => (d.views[0].layers[0].marks[1].size = NaN)), `${STROKE}.size`],
      ['Infinity as x', broken((d) => (d.views[0].layers[1].object.x = Infinity)), 'views[0].layers[1].object.x'],
      ['-Infinity as an angle', broken((d) => (d.views[1].layers[1].object.angle = -Infinity)), 'views[1].layers[1].object.angle'],
      ['NaN in pts', broken((d) => (d.views[0].layers[0].marks[1].pts[3] = NaN)), `${STROKE}.pts[3]`],
      ['Infinity in pressure', broken((d) => (d.views[0].layers[0].marks[1].pressure[0] = Infinity)), `${STROKE}.pressure[0]`],
    ];
    for (const [name, input, path] of cases) {
      it(`refuses ${name}`, () => {
        expectRefused(input, path, /expected a finite number/);
      });
    }
  });

  describe('values that are not plain JSON data', () => {
    class Layer {
      id = 'x';
    }
    const cases: [string, unknown, string, RegExp][] = [
      ['a Date as the document', new Date(), 'document', /plain object/],
      ['a Map as meta', broken((d) => (d.meta = new Map())), 'meta', /plain object/],
      ['a class instance as a layer', broken((d) => (d.views[0].layers[1] = new Layer())), 'views[0].layers[1]', /plain object/],
      ['an object with a custom prototype', broken((d) => (d.template = Object.create({ id: 'x', version: '1' }))), 'template', /plain object/],
      ['a typed array as pts', broken((d) => (d.views[0].layers[0].marks[1].pts = new Int32Array([1, 2]))), `${STROKE}.pts`, /plain object/],
      ['a function', broken((d) => (d.meta.author = () => 'Kim')), 'meta.author', /a function/],
      ['a bigint', broken((d) => (d.views[0].layers[0].marks[3].seed = 1n)), 'views[0].layers[0].marks[3].seed', /a bigint/],
      ['a symbol', broken((d) => (d.meta.author = Symbol('Kim'))), 'meta.author', /a symbol/],
      ['undefined in an array', broken((d) => (d.views[0].layers[0].marks[1].pts[1] = undefined)), `${STROKE}.pts[1]`, /undefined/],
    ];
    for (const [name, input, path, message] of cases) {
      it(`refuses ${name}`, () => {
        expectRefused(input, path, message);
      });
    }

    it('accepts objects without a prototype, as some stores hand them over', () => {
      const doc = broken((d) => (d.meta = Object.assign(Object.create(null), d.meta)));
      expect(() => parseDesign(doc)).not.to.throw();
    });
  });

  describe('nesting', () => {
    const nest = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

    it('refuses nesting deeper than 32 levels in JSON text', () => {
      expectRefused(brokenText('"meta":{', `"meta":{"x":${nest(40)},`), /^meta\.x(\[0\])+: nested deeper than 32 levels$/);
    });

    it('refuses nesting deeper than 32 levels in objects, and cycles', () => {
      let deep: unknown[] = [];
      const root = deep;
      for (let i = 0; i < 40; i++) deep.push((deep = []));
      expectRefused(broken((d) => (d.meta.x = root)), /^meta\.x(\[0\])+: nested deeper than 32 levels$/);
      const cycle: Record<string, unknown> = {};
      cycle.self = cycle;
      expectRefused(broken((d) => (d.meta.x = cycle)), /^meta\.x(\.self)+: nested deeper than 32 levels$/);
    });

    it('refuses a 100,000-deep JSON text without overflowing the stack', () => {
      expectRefused(brokenText('"meta":{', `"meta":{"x":${nest(100_000)},`), /nested deeper than 32 levels/);
    });

    it('still reports unknown keys at legal depths', () => {
      expectRefused(brokenText('"meta":{', `"meta":{"x":${nest(20)},`), 'meta.x', /unknown key/);
    });
  });

  describe('size', () => {
    it('refuses JSON text over 8 MB before parsing it', () => {
      // Not even JSON: a size refusal proves nothing was parsed.
      const text = `${JSON.stringify(fullDocument())}${'x'.repeat(8 * 1024 * 1024)}`;
      const error = expectRefused(text, 'document', /larger than 8 MB as JSON/);
      expect(error.params.limit).to.equal(8 * 1024 * 1024);
    });

    it('counts UTF-8 bytes, not characters', () => {
      const text = JSON.stringify(broken((d) => (d.views[0].layers[1].object.text = 'é'.repeat(400))));
      const bytes = new TextEncoder().encode(text).length;
      expect(bytes).to.equal(text.length + 400);
      expectRefused(text, 'document', /larger than/, { maxBytes: text.length + 10 });
      expect(() => parseDesign(text, { maxBytes: bytes })).not.to.throw();
      const astral = JSON.stringify(broken((d) => (d.views[0].layers[1].object.text = '🚀'.repeat(100))));
      const astralBytes = new TextEncoder().encode(astral).length;
      expectRefused(astral, 'document', /larger than/, { maxBytes: astralBytes - 1 });
      expect(() => parseDesign(astral, { maxBytes: astralBytes })).not.to.throw();
    });

    it('refuses objects whose JSON would be over the cap, without serialising them', () => {
      const doc = strokeDocument(1000, 30);
      const length = JSON.stringify(doc).length;
      expectRefused(doc, 'document', /larger than \d+ bytes as JSON/, { maxBytes: Math.floor(length * 0.95) });
      expect(() => parseDesign(doc, { maxBytes: Math.ceil(length * 1.05) })).not.to.throw();
    });

    it('measures objects close to their JSON length', () => {
      const doc = strokeDocument(200, 30);
      const length = JSON.stringify(doc).length;
      expect(() => parseDesign(doc, { maxBytes: length })).not.to.throw();
      expectRefused(doc, 'document', /larger than/, { maxBytes: length - 1 });
    });
  });
});
