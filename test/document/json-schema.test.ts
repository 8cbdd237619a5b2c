import { expect } from '@open-wc/testing';
import { DOCUMENT_SCHEMA_PATH, documentJsonSchema } from '../../scripts/schemas/document.js';

describe('design-document JSON Schema', () => {
  it('is committed as generated from the valibot schema (run `npx tsx scripts/schemas/document.ts`)', async () => {
    const response = await fetch(`/${DOCUMENT_SCHEMA_PATH}`);
    expect(response.ok).to.equal(true);
    expect(await response.json()).to.deep.equal(JSON.parse(JSON.stringify(documentJsonSchema())));
  });

  it('describes strict objects, the unions and the integer point arrays', () => {
    const text = JSON.stringify(documentJsonSchema());
    expect(text).to.include('"additionalProperties":false');
    expect(text).to.include('"pts":{"type":"array","minItems":2,"maxItems":200000,"items":{"type":"integer","minimum":-4000000,"maximum":4000000}}');
    expect(text).to.include('"enum":["pencil","marker","spray","eraser"]');
    expect(text).to.include('"pattern":"^data:image\\\\/(?:png;base64,|jpeg;base64,|svg\\\\+xml[;,])"');
  });
});
