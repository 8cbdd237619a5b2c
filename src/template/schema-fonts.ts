/** The template's fonts: the files a font ships with, its licence and the names designs may use for it. */
import * as v from 'valibot';
import { fontKey } from './font-names.ts';
import { AssetUrl, keyIssue, list, Name, nonEmptyList, objectMessage, TEMPLATE_LIMITS } from './schema-parts.ts';
import { FONT_STYLES, type TemplateFont } from './types.ts';

export const FontFamily = v.pipe(
  v.string(),
  v.regex(/^[^;{}<>\\\x00-\x1f\x7f]{1,200}$/, 'must be a CSS font-family list without ; { } < > or \\'),
  v.description('A font name, or a CSS font-family list, e.g. "Helvetica Neue", Arial, sans-serif.'),
);

// No regex flags: the JSON Schema written from this one cannot carry them.
const UNICODE_RANGE_ITEM = '[Uu]\\+[0-9A-Fa-f?]{1,6}(?:-[0-9A-Fa-f]{1,6})?';
export const UNICODE_RANGE_PATTERN = new RegExp(`^${UNICODE_RANGE_ITEM}(?:\\s*,\\s*${UNICODE_RANGE_ITEM})*$`);

export const TemplateFontFileSchema = v.strictObject(
  {
    src: AssetUrl,
    weight: v.optional(
      v.pipe(
        v.number(),
        v.integer('must be an integer'),
        v.minValue(1, 'must be at least 1'),
        v.maxValue(1000, 'must be at most 1000'),
      ),
    ),
    style: v.optional(v.picklist(FONT_STYLES, `must be one of ${FONT_STYLES.join(', ')}`)),
    unicodeRange: v.optional(
      v.pipe(
        v.string(),
        v.maxLength(2000, 'must be at most 2000 characters'),
        v.regex(UNICODE_RANGE_PATTERN, 'must be a CSS unicode-range like U+0000-00FF, U+0131'),
      ),
    ),
  },
  objectMessage,
);

export const TemplateFontSchema = v.pipe(
  v.strictObject(
    {
      family: FontFamily,
      label: v.optional(Name),
      files: v.optional(nonEmptyList(TemplateFontFileSchema, TEMPLATE_LIMITS.fontFiles, 'files')),
      src: v.optional(AssetUrl),
      license: v.optional(AssetUrl),
      aliases: v.optional(list(FontFamily, TEMPLATE_LIMITS.fontAliases, 'aliases')),
    },
    objectMessage,
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const font = dataset.value as TemplateFont & Record<string, unknown>;
    if (font.files && font.src)
      addIssue({ message: 'give either files or src, not both', path: keyIssue('src', font) });
    else if (font.files && !font.license)
      addIssue({
        message: 'is required with files (the licence text shipped with them)',
        path: keyIssue('license', font),
      });
  }),
);

/** A stored font name must mean one font: no family or alias may appear twice across the fonts. */
export const uniqueFontNames = v.rawCheck<TemplateFont[]>(({ dataset, addIssue }) => {
  if (!dataset.typed) return;
  const seen = new Set<string>();
  dataset.value.forEach((font, index) => {
    for (const name of [font.family, ...(font.aliases ?? [])]) {
      const key = fontKey(name);
      if (!seen.has(key)) {
        seen.add(key);
        continue;
      }
      addIssue({
        message: `the font name ${name} is given twice`,
        path: [{ type: 'array', origin: 'value', input: dataset.value, key: index, value: font }],
      });
      return;
    }
  });
});
