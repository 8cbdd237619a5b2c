// Regenerates the JSON Schemas in docs/schemas/ from the valibot schemas, so
// the documentation and the validators cannot drift apart.
import { writeFile } from 'node:fs/promises';
import { writeDocumentSchema } from './schemas/document.ts';
import { templateJsonSchema } from './schemas/template.ts';

const templatePath = 'docs/schemas/template.schema.json';
await writeFile(templatePath, JSON.stringify(templateJsonSchema(), null, 2) + '\n');
console.log(`wrote ${await writeDocumentSchema()}`);
console.log(`wrote ${templatePath}`);
