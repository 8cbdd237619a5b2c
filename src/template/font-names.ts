/**
 * The one spelling of a font name used to compare them: designs stored the
 * template's CSS font-family lists as they were written, so
 * `"Helvetica Neue", Arial` and `'helvetica neue',arial` must meet.
 */
export function fontKey(name: string): string {
  return name
    .split(',')
    .map((part) =>
      part
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2')
        .replace(/\s+/g, ' ')
        .toLowerCase(),
    )
    .filter(Boolean)
    .join(',');
}
