import { expect } from '@open-wc/testing';
import { DOCUMENT_SCHEMA_PATH, documentJsonSchema } from '../../scripts/schemas/document.js';
import { encodePoints } from '../../src/document/points.ts';
import { parseDesign } from '../../src/document/validate.ts';

describe('design-document JSON Schema', () => {
  it('is committed as generated from the valibot schema (run `npx tsx scripts/schemas/document.ts`)', async () => {
    const response = await fetch(`/${DOCUMENT_SCHEMA_PATH}`);
    expect(response.ok).to.equal(true);
    expect(await response.json()).to.deep.equal(JSON.parse(JSON.stringify(documentJsonSchema())));
  });

  it('describes strict objects, the unions and the integer point arrays', () => {
    const text = JSON.stringify(documentJsonSchema());
    expect(text).to.include('"additionalProperties":false');
    expect(text).to.include('"pts":{"type":"array","minItems":2,"maxItems":200000,"items":{"type":"integer","minimum":-16000000,"maximum":16000000},"description":"Points, in 1/4 design units, as second-order deltas');
    expect(text).to.include('"enum":["pencil","marker","spray","eraser"]');
    expect(text).to.include('"pattern":"^data:image\\\\/(?:png;base64,|jpeg;base64,|svg\\\\+xml[;,])"');
  });
});

describe('docs/design-document.md', () => {
  it('shows an example document that validates', async () => {
    const markdown = await (await fetch('/docs/design-document.md')).text();
    const example = /```json\n([\s\S]*?)\n```/.exec(markdown)?.[1];
    expect(example, 'no json example').to.be.a('string');
    const doc = parseDesign(example!);
    expect(doc.views).to.have.length(2);
  });

  it('gives the encoding example that encodePoints produces', async () => {
    const markdown = await (await fetch('/docs/design-document.md')).text();
    expect(markdown).to.include('`[400, 400, 6, 1, 0, 2]`');
    expect(encodePoints([{ x: 100, y: 100 }, { x: 101.5, y: 100.25 }, { x: 103, y: 101 }])).to.deep.equal([400, 400, 6, 1, 0, 2]);
  });
});
