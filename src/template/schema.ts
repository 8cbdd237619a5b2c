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
import {
  FONT_STYLES,
  MIRROR_AXES,
  OVERLAY_BLENDS,
  TEMPLATE_FORMAT,
  type TemplateFont,
  type TemplateManifest,
  type TemplateView,
} from './types.ts';

export const TEMPLATE_LIMITS = {
  views: 16,
  areasPerView: 64,
  lockedPerView: 32,
  pathsPerView: 16,
  stickers: 200,
  fonts: 16,
  fontFiles: 16,
  fontAliases: 8,
  palette: 64,
  briefRules: 20,
  pathLength: 100_000,
  urlLength: 2048,
  nameLength: 120,
  minViewSize: 16,
  maxViewSize: 8192,
} as const;

const NAME_MAX = TEMPLATE_LIMITS.nameLength;
const VIEW_MAX = TEMPLATE_LIMITS.maxViewSize;

/** One message function for the three issues a strict object raises. */
const objectMessage = (issue: v.BaseIssue<unknown>): string => {
  if (issue.expected === 'never') return 'unknown key';
  if (issue.expected === 'Object') return `must be an object, received ${issue.received}`;
  return 'is required';
};

const Id = v.pipe(
  v.string(),
  v.regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'must be 1–64 characters of a-z, 0-9, "_" or "-", starting with a letter or digit',
  ),
  v.description('Stable identifier, stored in designs.'),
);

const Name = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(NAME_MAX, `must be at most ${NAME_MAX} characters`),
);

const Text = (max: number) =>
  v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

/**
 * An asset URL: relative (resolved against the manifest URL), http(s), or a
 * `data:image/…` URL. Any other scheme is refused, and so are whitespace,
 * control characters and backslashes, which browsers strip or rewrite while
 * parsing — the usual way to smuggle a `javascript:` past a check.
 */
export const ASSET_URL_PATTERN =
  /^(?:https?:|data:image\/[a-z0-9.+-]+[;,]|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s\\\x00-\x1f\x7f]+$/;

const AssetUrl = v.pipe(
  v.string(),
  v.maxLength(TEMPLATE_LIMITS.urlLength, `must be at most ${TEMPLATE_LIMITS.urlLength} characters`),
  v.regex(ASSET_URL_PATTERN, 'must be a relative URL, an http(s) URL or a data:image URL, without spaces'),
  v.description('Relative URLs resolve against the manifest URL.'),
);

/** `#rrggbb`; upper case is accepted and stored in lower case. */
const Colour = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c'), v.toLowerCase());

/** Path data characters only, starting with a moveto. */
export const PATH_DATA_PATTERN = /^[\t\n\f\r ]*[Mm][MmZzLlHhVvCcSsQqTtAa0-9eE.,+\-\t\n\f\r ]*$/;

const PathData = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(TEMPLATE_LIMITS.pathLength, `must be at most ${TEMPLATE_LIMITS.pathLength} characters`),
  v.regex(PATH_DATA_PATTERN, 'must be SVG path data starting with M'),
  v.description('SVG path data in view units, filled with the nonzero rule.'),
);

const ViewSize = v.pipe(
  v.number(),
  v.integer('must be an integer'),
  v.minValue(TEMPLATE_LIMITS.minViewSize, `must be at least ${TEMPLATE_LIMITS.minViewSize}`),
  v.maxValue(VIEW_MAX, `must be at most ${VIEW_MAX}`),
);

/** A position in view units; may sit partly outside the view. */
const Coordinate = v.pipe(
  v.number(),
  v.minValue(-VIEW_MAX, `must be at least ${-VIEW_MAX}`),
  v.maxValue(VIEW_MAX, `must be at most ${VIEW_MAX}`),
);

const Extent = v.pipe(
  v.number(),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(VIEW_MAX, `must be at most ${VIEW_MAX}`),
);

/** Refuses a second item with the same `id`, naming that item's path. */
function uniqueIds<T extends { id: string }>(what: string) {
  return v.rawCheck<T[]>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const seen = new Set<string>();
    dataset.value.forEach((item, index) => {
      if (!seen.has(item.id)) return void seen.add(item.id);
      addIssue({
        message: `duplicate ${what} id "${item.id}"`,
        path: [
          { type: 'array', origin: 'value', input: dataset.value, key: index, value: item },
          { type: 'object', origin: 'value', input: item as Record<string, unknown>, key: 'id', value: item.id },
        ],
      });
    });
  });
}

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

const list = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(v.array(item, 'must be an array'), v.maxLength(max, `must have at most ${max} ${what}`));

const nonEmptyList = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(
    v.array(item, 'must be an array'),
    v.minLength(1, `must have at least one ${what.replace(/s$/, '')}`),
    v.maxLength(max, `must have at most ${max} ${what}`),
  );

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

const FontFamily = v.pipe(
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

/** An issue on one key of an object (an object-level check names the key it is about). */
function keyIssue<T extends Record<string, unknown>>(key: string, input: T): [v.ObjectPathItem] {
  return [{ type: 'object', origin: 'value', input, key, value: input[key] }];
}

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
const uniqueFontNames = v.rawCheck<TemplateFont[]>(({ dataset, addIssue }) => {
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
