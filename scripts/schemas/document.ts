/**
 * The design document's JSON Schema, generated from the valibot schema so
 * there is one source of truth. Run `npx tsx scripts/schemas/document.ts` to
 * rewrite docs/schemas/design-document.schema.json; a test fails when the
 * committed file drifts from the schema. Importable in a browser (no Node
 * imports at the top) so that test can run in Chromium.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { designDocumentSchema, jsonSchemaHints } from '../../src/document/schema.ts';
import { DOCUMENT_VERSION } from '../../src/document/types.ts';

export const DOCUMENT_SCHEMA_PATH = 'docs/schemas/design-document.schema.json';

export function documentJsonSchema(): JsonSchema {
  const { $schema, ...body } = toJsonSchema(designDocumentSchema, {
    target: 'draft-07',
    errorMode: 'throw',
    // The fast integer arrays are valibot `custom` schemas; they carry their own JSON Schema.
    overrideSchema: ({ valibotSchema }) => jsonSchemaHints.get(valibotSchema) as JsonSchema | undefined,
    overrideAction: ({ valibotAction, jsonSchema }) => (jsonSchemaHints.has(valibotAction) ? jsonSchema : undefined),
  });
  return {
    $schema,
    title: `co-design-studio design document, version ${DOCUMENT_VERSION}`,
    description:
      'Generated from src/document/schema.ts. Rules across fields (unique ids, pressure length, spray-only fields, ' +
      'shape heights, marks per view, size and nesting caps) are described in docs/design-document.md.',
    ...body,
  };
}

/** Writes the schema under `root`; returns the path written. */
export async function writeDocumentSchema(root: string = process.cwd()): Promise<string> {
  // Non-literal specifiers keep the browser's dev server from resolving Node modules.
  const fsModule = 'node:fs/promises';
  const pathModule = 'node:path';
  const fs = (await import(fsModule)) as typeof import('node:fs/promises');
  const path = (await import(pathModule)) as typeof import('node:path');
  const file = path.join(root, DOCUMENT_SCHEMA_PATH);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, `${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
  return file;
}

if (typeof process !== 'undefined' && process.argv?.[1]?.replace(/\\/g, '/').endsWith('scripts/schemas/document.ts')) {
  console.log(`wrote ${await writeDocumentSchema()}`);
}
