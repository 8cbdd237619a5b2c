import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { openapiDocument } from '../../scripts/openapi/document.ts';
import { openapi } from './openapi-check.ts';

describe('docs/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openapi));
    assert.equal(validator.version, '3.1');
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
  });

  it('is what the valibot schemas generate (run `npm run openapi` after changing them)', () => {
    const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');
    assert.equal(committed, `${JSON.stringify(openapiDocument(), null, 2)}\n`);
  });

  it('documents both protocol routes with their caps, statuses and JSON Schemas', () => {
    const submit = openapi.paths['/designs'].post;
    assert.deepEqual(Object.keys(submit.responses).sort(), ['201', '400', '403', '409', '413', '415', '422', '429', '500', '503']);
    assert.equal(submit.parameters[0].$ref, '#/components/parameters/IdempotencyKey');
    assert.ok(openapi.components.parameters.IdempotencyKey.required);
    assert.deepEqual(Object.keys(openapi.paths['/metrics'].post.requestBody.content), ['text/plain', 'application/json']);
    for (const name of ['Submission', 'DesignDocument', 'Metrics', 'MetricsReport', 'ApiError', 'CampaignStats']) {
      assert.equal(typeof openapi.components.schemas[name], 'object', name);
    }
  });
});
