/**
 * The template manifest schema (valibot). The single source of truth for what
 * a valid manifest is: `loadTemplate` runs it on everything that comes in and
 * scripts/schemas/template.ts derives the published JSON Schema from it.
 */
import * as v from 'valibot';
import { ErrorCode, StudioError } from '../errors.ts';
import { fontKey } from './font-names.ts';

// The font loader (src/editor/fonts/) takes fontKey from here: this chunk is loaded with every template, and a
// module both chunks imported would be split into a chunk (a request) of its own.
export { fontKey };
import { TemplateFontSchema, uniqueFontNames } from './schema-fonts.ts';
import {
  AssetUrl,
  Colour,
  Coordinate,
  Extent,
  Id,
  keyIssue,
  list,
  Name,
  nonEmptyList,
  objectMessage,
  PATH_DATA_PATTERN,
  PathData,
  TEMPLATE_LIMITS,
  Text,
  uniqueIds,
  ViewSize,
} from './schema-parts.ts';
import { MIRROR_AXES, OVERLAY_BLENDS, TEMPLATE_FORMAT, type TemplateManifest, type TemplateView } from './types.ts';

// Part of the public surface of this module (the JSON Schema script and tests read them here).
export { ASSET_URL_PATTERN, PATH_DATA_PATTERN, TEMPLATE_LIMITS } from './schema-parts.ts';
export { TemplateFontFileSchema, TemplateFontSchema, UNICODE_RANGE_PATTERN } from './schema-fonts.ts';

/** A design names a template path by id alone (`curve.path`): path ids are unique across the views. */
function uniquePathIds() {
  return v.rawCheck<TemplateView[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    for (const view of dataset.value)
      for (const path of view.paths ?? []) {
        if (seen.has(path.id)) addIssue({ message: `duplicate path id "${path.id}" (in view "${view.id}")` });
        seen.add(path.id);
      }
  });
}

export const DesignAreaSchema = v.strictObject({ id: Id, name: Name, path: PathData }, objectMessage);

export const LockedElementSchema = v.strictObject(
  { id: Id, name: Name, src: AssetUrl, x: Coordinate, y: Coordinate, width: Extent, height: Extent },
  objectMessage,
);

export const MirrorSchema = v.strictObject(
  {
    axis: v.pipe(
      v.picklist(MIRROR_AXES, `must be one of ${MIRROR_AXES.join(', ')}`),
      v.description('vertical: left and right halves mirror each other; horizontal: top and bottom halves.'),
    ),
    at: v.optional(
      v.pipe(
        Coordinate,
        v.description("Where the axis lies: x (vertical) or y (horizontal); default the view's centre."),
      ),
    ),
  },
  objectMessage,
);

/** A line text can follow; stroked, never filled, so any path data does. */
export const TemplatePathSchema = v.strictObject(
  {
    id: Id,
    name: Name,
    d: v.pipe(
      v.string(),
      v.minLength(1, 'must not be empty'),
      v.maxLength(TEMPLATE_LIMITS.pathLength, `must be at most ${TEMPLATE_LIMITS.pathLength} characters`),
      v.regex(PATH_DATA_PATTERN, 'must be SVG path data starting with M'),
      v.description('SVG path data in view units, in the direction the text reads.'),
    ),
  },
  objectMessage,
);

/** Millimetres, at most 100 m (a truck's side fits; a typo of a few kilometres does not). */
const Millimetres = (min: number) =>
  v.pipe(v.number(), v.minValue(min, `must be at least ${min}`), v.maxValue(100_000, 'must be at most 100000 (100 m)'));

export const TemplatePrintSchema = v.strictObject(
  {
    widthMm: v.pipe(Millimetres(1), v.description("The view's width on the product; the height follows.")),
    bleedMm: v.pipe(Millimetres(0), v.description("Paint printed beyond each panel's edge, on every side.")),
    safeMm: v.optional(v.pipe(Millimetres(0), v.description('Keep text and logos this far inside the edge.'))),
    panels: v.optional(
      v.pipe(
        nonEmptyList(Id, TEMPLATE_LIMITS.areasPerView, 'panels'),
        v.description("The design areas that are printed; default all the view's areas."),
      ),
    ),
  },
  objectMessage,
);

/** A view's print panels must be its own areas. */
const printPanelsAreAreas = v.rawCheck<TemplateView>(({ dataset, addIssue }) => {
  if (!dataset.typed) return;
  const view = dataset.value;
  const areas = new Set(view.areas.map((a) => a.id));
  const unknown = view.print?.panels?.find((id) => !areas.has(id));
  if (unknown === undefined) return;
  addIssue({
    message: `panel "${unknown}" is not an area of view "${view.id}"`,
    path: keyIssue('print', view as TemplateView & Record<string, unknown>),
  });
});

export const TemplateViewSchema = v.strictObject(
  {
    id: Id,
    name: Name,
    width: ViewSize,
    height: ViewSize,
    base: v.optional(AssetUrl),
    overlay: v.optional(AssetUrl),
    overlayBlend: v.optional(v.picklist(OVERLAY_BLENDS, `must be one of ${OVERLAY_BLENDS.join(', ')}`)),
    areas: v.pipe(nonEmptyList(DesignAreaSchema, TEMPLATE_LIMITS.areasPerView, 'areas'), uniqueIds('area')),
    locked: v.optional(
      v.pipe(list(LockedElementSchema, TEMPLATE_LIMITS.lockedPerView, 'locked elements'), uniqueIds('locked element')),
    ),
    paths: v.optional(v.pipe(list(TemplatePathSchema, TEMPLATE_LIMITS.pathsPerView, 'paths'), uniqueIds('path'))),
    mirror: v.optional(MirrorSchema),
    print: v.optional(TemplatePrintSchema),
  },
  objectMessage,
);

export const TemplateStickerSchema = v.strictObject(
  { id: Id, name: Name, src: AssetUrl, width: Extent, height: Extent },
  objectMessage,
);

export const TemplateBriefSchema = v.strictObject(
  {
    title: Text(200),
    text: Text(5000),
    rules: list(Text(500), TEMPLATE_LIMITS.briefRules, 'rules'),
    termsVersion: v.pipe(
      v.string(),
      v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be 1–64 characters of letters, digits, ".", "_" or "-"'),
    ),
    terms: Text(20_000),
  },
  objectMessage,
);

export const TemplateManifestSchema = v.strictObject(
  {
    format: v.literal(TEMPLATE_FORMAT, `must be "${TEMPLATE_FORMAT}"`),
    version: v.literal(1, 'must be 1 (the only manifest format version)'),
    id: Id,
    name: Name,
    templateVersion: v.pipe(
      v.string(),
      v.regex(/^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/, 'must be 1–64 characters of letters, digits, ".", "_", "+" or "-"'),
    ),
    views: v.pipe(
      nonEmptyList(v.pipe(TemplateViewSchema, printPanelsAreAreas), TEMPLATE_LIMITS.views, 'views'),
      uniqueIds('view'),
      uniquePathIds(),
    ),
    palette: v.optional(nonEmptyList(Colour, TEMPLATE_LIMITS.palette, 'colours')),
    fonts: v.optional(v.pipe(list(TemplateFontSchema, TEMPLATE_LIMITS.fonts, 'fonts'), uniqueFontNames)),
    stickers: v.optional(
      v.pipe(list(TemplateStickerSchema, TEMPLATE_LIMITS.stickers, 'stickers'), uniqueIds('sticker')),
    ),
    brief: v.optional(TemplateBriefSchema),
    pickProductColours: v.optional(v.boolean()),
  },
  objectMessage,
);

// The schema and the hand-written types must describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<v.InferOutput<typeof TemplateManifestSchema>, TemplateManifest> = true;
void sameShape;

/** `views[0].areas[1].path` for an issue, or `manifest` at the root. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || 'manifest';
}

/**
 * Validates a parsed manifest and returns a fresh, normalised copy.
 * Throws `StudioError('template-invalid')` naming the first failing path.
 */
export function parseTemplateManifest(input: unknown): TemplateManifest {
  const result = v.safeParse(TemplateManifestSchema, input, { abortEarly: true });
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issuePath(issue);
  throw new StudioError(ErrorCode.TemplateInvalid, `${path}: ${issue.message}`, { path });
}
