/**
 * The building blocks the template manifest's schemas share: limits, ids,
 * names, asset URLs, sizes and list helpers. Kept apart so the manifest's
 * parts (views, fonts) can each live in a file of their own.
 */
import * as v from 'valibot';

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
export const objectMessage = (issue: v.BaseIssue<unknown>): string => {
  if (issue.expected === 'never') return 'unknown key';
  if (issue.expected === 'Object') return `must be an object, received ${issue.received}`;
  return 'is required';
};

export const Id = v.pipe(
  v.string(),
  v.regex(
    /^[a-z0-9][a-z0-9_-]{0,63}$/,
    'must be 1–64 characters of a-z, 0-9, "_" or "-", starting with a letter or digit',
  ),
  v.description('Stable identifier, stored in designs.'),
);

export const Name = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(NAME_MAX, `must be at most ${NAME_MAX} characters`),
);

export const Text = (max: number) =>
  v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(max, `must be at most ${max} characters`));

/**
 * An asset URL: relative (resolved against the manifest URL), http(s), or a
 * `data:image/…` URL. Any other scheme is refused, and so are whitespace,
 * control characters and backslashes, which browsers strip or rewrite while
 * parsing — the usual way to smuggle a `javascript:` past a check.
 */
export const ASSET_URL_PATTERN =
  /^(?:https?:|data:image\/[a-z0-9.+-]+[;,]|(?![A-Za-z][A-Za-z0-9+.-]*:))[^\s\\\x00-\x1f\x7f]+$/;

export const AssetUrl = v.pipe(
  v.string(),
  v.maxLength(TEMPLATE_LIMITS.urlLength, `must be at most ${TEMPLATE_LIMITS.urlLength} characters`),
  v.regex(ASSET_URL_PATTERN, 'must be a relative URL, an http(s) URL or a data:image URL, without spaces'),
  v.description('Relative URLs resolve against the manifest URL.'),
);

/** `#rrggbb`; upper case is accepted and stored in lower case. */
export const Colour = v.pipe(
  v.string(),
  v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c'),
  v.toLowerCase(),
);

/** Path data characters only, starting with a moveto. */
export const PATH_DATA_PATTERN = /^[\t\n\f\r ]*[Mm][MmZzLlHhVvCcSsQqTtAa0-9eE.,+\-\t\n\f\r ]*$/;

export const PathData = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(TEMPLATE_LIMITS.pathLength, `must be at most ${TEMPLATE_LIMITS.pathLength} characters`),
  v.regex(PATH_DATA_PATTERN, 'must be SVG path data starting with M'),
  v.description('SVG path data in view units, filled with the nonzero rule.'),
);

export const ViewSize = v.pipe(
  v.number(),
  v.integer('must be an integer'),
  v.minValue(TEMPLATE_LIMITS.minViewSize, `must be at least ${TEMPLATE_LIMITS.minViewSize}`),
  v.maxValue(VIEW_MAX, `must be at most ${VIEW_MAX}`),
);

/** A position in view units; may sit partly outside the view. */
export const Coordinate = v.pipe(
  v.number(),
  v.minValue(-VIEW_MAX, `must be at least ${-VIEW_MAX}`),
  v.maxValue(VIEW_MAX, `must be at most ${VIEW_MAX}`),
);

export const Extent = v.pipe(
  v.number(),
  v.minValue(1, 'must be at least 1'),
  v.maxValue(VIEW_MAX, `must be at most ${VIEW_MAX}`),
);

/** Refuses a second item with the same `id`, naming that item's path. */
export function uniqueIds<T extends { id: string }>(what: string) {
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

export const list = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(v.array(item, 'must be an array'), v.maxLength(max, `must have at most ${max} ${what}`));

export const nonEmptyList = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(
    v.array(item, 'must be an array'),
    v.minLength(1, `must have at least one ${what.replace(/s$/, '')}`),
    v.maxLength(max, `must have at most ${max} ${what}`),
  );

/** An issue on one key of an object (an object-level check names the key it is about). */
export function keyIssue<T extends Record<string, unknown>>(key: string, input: T): [v.ObjectPathItem] {
  return [{ type: 'object', origin: 'value', input, key, value: input[key] }];
}
