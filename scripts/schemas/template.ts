/**
 * The published JSON Schema of the template manifest, generated from the
 * valibot schema so that the two cannot drift apart.
 */
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { TemplateManifestSchema } from '../../src/template/schema.ts';

/**
 * Checks JSON Schema cannot state are skipped here and described instead:
 * unique ids (`raw_check`) and lower-casing colours (`to_lower_case`).
 */
export function templateJsonSchema(): JsonSchema {
  const schema = toJsonSchema(TemplateManifestSchema, {
    target: 'draft-2020-12',
    ignoreActions: ['raw_check', 'to_lower_case'],
  });
  return {
    $schema: schema.$schema,
    title: 'co-design-studio template manifest',
    description:
      'A product template for <co-design-studio>: views, design areas, brand elements, palette, fonts, stickers and brief. ' +
      'Beyond this schema the studio also refuses duplicate ids (views; areas and locked elements within a view; stickers), ' +
      'a font with both files and src, a font with files but no license, and a font name (family or alias) given twice. ' +
      'Colours may be written in upper case; the studio stores them in lower case. See docs/templates.md.',
    ...schema,
  };
}
