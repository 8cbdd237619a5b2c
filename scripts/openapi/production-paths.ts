/** The production routes of the OpenAPI document: print jobs and the production pack (docs/print.md). */
import { admin, common, errorResponse, jsonContent } from './parts.ts';

const designId = { $ref: '#/components/parameters/DesignId' };
const tags = ['production'];
const hidden = errorResponse('No such design, or no admin token: a caller who may not see it is not told it exists.');

const productionStatus = {
  type: 'object',
  required: ['design', 'state', 'attempts', 'maxAttempts', 'error', 'updatedAt'],
  additionalProperties: false,
  properties: {
    design: { type: 'string' },
    state: {
      type: 'string',
      enum: ['none', 'queued', 'making', 'ready', 'failed'],
      description: '`none`: not approved yet (no print job). `failed`: every attempt failed; `error` says why.',
    },
    attempts: { type: 'integer', minimum: 0 },
    maxAttempts: { type: 'integer', minimum: 0 },
    error: {
      type: ['string', 'null'],
      description: 'The last failed attempt\'s reason, e.g. "timed out after 120 s".',
    },
    updatedAt: { type: ['string', 'null'], format: 'date-time' },
    pack: {
      type: 'object',
      required: ['url', 'pdfBytes'],
      additionalProperties: false,
      description: 'Only when `ready`.',
      properties: { url: { type: 'string' }, pdfBytes: { type: 'integer', minimum: 0 } },
    },
  },
};

export function productionPaths(): Record<string, unknown> {
  return {
    '/designs/{id}/production': {
      get: {
        operationId: 'getProductionStatus',
        summary: "The state of the design's print job",
        description: 'Approving a design queues its print job; a worker on one server instance makes the print PDF.',
        tags,
        security: admin,
        parameters: [designId],
        responses: {
          '200': { description: "The job's state.", content: jsonContent(productionStatus) },
          '404': hidden,
          ...common,
        },
      },
    },
    '/designs/{id}/production.zip': {
      get: {
        operationId: 'getProductionPack',
        summary: 'The production pack: print PDF, design document, credit, consent, print report and manifest',
        description:
          'A zip of `print/{id}.pdf`, `design.json` (the stored document), `credit.json`, `consent.json` (with the ' +
          'terms version), `print-report.json` and `manifest.json`, which lists every other file with its size and SHA-256.',
        tags,
        security: admin,
        parameters: [designId],
        responses: {
          '200': {
            description: 'The pack.',
            headers: {
              'Content-Disposition': {
                schema: { type: 'string' },
                description: '`attachment; filename="production-{id}.zip"`',
              },
            },
            content: { 'application/zip': { schema: { type: 'string', contentMediaType: 'application/zip' } } },
          },
          '404': hidden,
          '409': errorResponse(
            'No print file to pack: `not-approved` (no job), `print-not-ready` (queued or being made; see Retry-After) ' +
              'or `print-failed` (every attempt failed; the message says why).',
            {
              'Retry-After': {
                description: 'Seconds, while the file is queued or being made.',
                schema: { type: 'string', pattern: '^[0-9]+$' },
              },
            },
          ),
          ...common,
        },
      },
    },
  };
}
