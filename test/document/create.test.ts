import { expect } from '@open-wc/testing';
import { createDocument } from '../../src/document/create.ts';
import { newId } from '../../src/document/ids.ts';
import { DOCUMENT_LIMITS } from '../../src/document/limits.ts';
import { parseDesign } from '../../src/document/validate.ts';

describe('createDocument', () => {
  it('makes a valid, empty design with one paint layer per view', () => {
    const now = new Date('2025-06-01T09:30:00Z');
    const doc = createDocument({ id: 'sneaker', version: '3', viewIds: ['left', 'right', 'top'] }, now);
    expect(parseDesign(doc)).to.deep.equal(doc);
    expect(doc.template).to.deep.equal({ id: 'sneaker', version: '3' });
    expect(doc.meta).to.deep.equal({ created: '2025-06-01T09:30:00.000Z', updated: '2025-06-01T09:30:00.000Z' });
    expect(doc.views.map((v) => v.view)).to.deep.equal(['left', 'right', 'top']);
    for (const view of doc.views) {
      expect(view.layers).to.have.length(1);
      expect(view.layers[0]).to.include({ kind: 'paint', visible: true, locked: false });
      expect(view.layers[0].kind === 'paint' && view.layers[0].marks).to.deep.equal([]);
    }
    expect(new Set(doc.views.map((v) => v.layers[0].id)).size).to.equal(3);
  });

  it('stamps the current time by default', () => {
    const before = Date.now();
    const doc = createDocument({ id: 't', version: '1', viewIds: ['front'] });
    expect(Date.parse(doc.meta.created)).to.be.within(before, Date.now());
  });
});

describe('newId', () => {
  it('makes 16-character ids that match the id pattern and do not repeat', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = newId();
      expect(DOCUMENT_LIMITS.idPattern.test(id) && id.length === 16, id).to.equal(true);
      ids.add(id);
    }
    expect(ids.size).to.equal(10_000);
  });
});
