/**
 * The jury page's translations: its own tables (the studio's stay as they
 * are) through the studio's message format (src/i18n/format.ts). All five
 * are in the page's bundle: together they are smaller than one request.
 */
import { formats, parse, render, type Params } from '../../i18n/format.ts';
import { matchLocale, type LocaleMatch } from '../../i18n/locale.ts';
import { de } from './de.ts';
import { en, type JuryKey, type JuryMessages } from './en.ts';
import { es } from './es.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';

export type { JuryKey };

export const JURY_TABLES: Record<string, JuryMessages> = { en, de, es, it, nl };

export interface JuryTranslate {
  (key: JuryKey, params?: Params): string;
  readonly lang: string;
  number(n: number): string;
}

/** The first of `requested` with a table (by language), English last. */
export function juryTranslator(requested: Iterable<string>): JuryTranslate {
  const match: LocaleMatch = matchLocale(requested);
  const table = JURY_TABLES[match.id] ?? en;
  const f = formats(match.locale);
  const parsed = new Map<JuryKey, ReturnType<typeof parse>>();
  const t = (key: JuryKey, params: Params = {}) => {
    let parts = parsed.get(key);
    if (!parts) parsed.set(key, (parts = parse(table[key])));
    return render(parts, params, f);
  };
  return Object.assign(t, { lang: match.id === 'en' ? 'en' : match.locale, number: (n: number) => f.number(n) });
}
