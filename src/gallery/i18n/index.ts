/**
 * The gallery's translations: its own tables (like the jury page's) through
 * the studio's message format. All five are in the gallery's bundle.
 */
import { formats, parse, render, type Params } from '../../i18n/format.ts';
import { matchLocale } from '../../i18n/locale.ts';
import { de } from './de.ts';
import { en, type GalleryKey, type GalleryMessages } from './en.ts';
import { es } from './es.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';

export type { GalleryKey };

export const GALLERY_TABLES: Record<string, GalleryMessages> = { en, de, es, it, nl };

export interface GalleryTranslate {
  (key: GalleryKey, params?: Params): string;
  readonly lang: string;
}

/** The first of `requested` with a table (by language), English last. */
export function galleryTranslator(requested: Iterable<string>): GalleryTranslate {
  const match = matchLocale(requested);
  const table = GALLERY_TABLES[match.id] ?? en;
  const f = formats(match.locale);
  const parsed = new Map<GalleryKey, ReturnType<typeof parse>>();
  const t = (key: GalleryKey, params: Params = {}) => {
    let parts = parsed.get(key);
    if (!parts) parsed.set(key, (parts = parse(table[key])));
    return render(parts, params, f);
  };
  return Object.assign(t, { lang: match.id === 'en' ? 'en' : match.locale });
}
