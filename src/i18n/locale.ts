/** Locales with a complete table; `en` is built in, the others load on demand. */
export const LOCALES = ['en', 'it', 'nl', 'es', 'de'] as const;
/** Generated from English for tests: accented and longer, and right-to-left. */
export const PSEUDO_LOCALES = ['en-XA', 'ar-XB'] as const;
export type LocaleId = (typeof LOCALES)[number] | (typeof PSEUDO_LOCALES)[number];

/** The locale a studio speaks: `id` picks the table, `locale` (e.g. `de-AT`) drives `Intl`. */
export interface LocaleMatch {
  id: LocaleId;
  locale: string;
}

/**
 * Where a studio looks for its language, in order: its `locale` attribute, the
 * nearest `lang` (across shadow roots, since hosts nest us in their own
 * components), the document's `lang`, then the browser's languages.
 */
export function requestedLocales(
  host: Element,
  explicit?: string | null,
  languages: readonly string[] = navigator.languages ?? [navigator.language],
): string[] {
  return [explicit, nearestLang(host), host.ownerDocument.documentElement.lang, ...languages].filter(
    (l): l is string => !!l?.trim(),
  );
}

function nearestLang(el: Element): string | undefined {
  for (let node: Element | undefined = el; node;) {
    // lang="" means "unknown", so it gives no answer and the search goes on outward.
    const found = node.closest('[lang]:not([lang=""])');
    if (found) return found.getAttribute('lang')!;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return undefined;
}

/** The first requested locale we have a table for, exactly or by its language (`de-AT` → `de`); English last. */
export function matchLocale(requested: Iterable<string>): LocaleMatch {
  for (const raw of requested) {
    let tag: string;
    let language: string;
    try {
      tag = Intl.getCanonicalLocales(raw.trim())[0];
      language = new Intl.Locale(tag).language;
    } catch {
      continue; // a malformed lang attribute on the host page is not our error
    }
    const exact = PSEUDO_LOCALES.find((p) => p.toLowerCase() === tag.toLowerCase());
    if (exact) return { id: exact, locale: exact };
    const id = LOCALES.find((l) => l === language);
    if (id) return { id, locale: tag };
  }
  return { id: 'en', locale: 'en' };
}

// Scripts written right to left (ISO 15924); the locale's likely script decides.
const RTL_SCRIPTS = new Set(['Adlm', 'Arab', 'Hebr', 'Mand', 'Nkoo', 'Rohg', 'Samr', 'Syrc', 'Thaa', 'Yezi']);

/** `rtl` for locales written right to left (`ar`, `he`, `fa`, `ur`, `ar-XB`…), else `ltr`. */
export function textDirection(locale: string): 'ltr' | 'rtl' {
  try {
    return RTL_SCRIPTS.has(new Intl.Locale(locale).maximize().script ?? '') ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
