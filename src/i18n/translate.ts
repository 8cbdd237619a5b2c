import { en, type MessageKey } from './en.ts';
import { formats, parse, render, type Params, type Part } from './format.ts';
import { matchLocale, textDirection, type LocaleId, type LocaleMatch } from './locale.ts';

export type { Params } from './format.ts';
export {
  LOCALES,
  PSEUDO_LOCALES,
  matchLocale,
  requestedLocales,
  textDirection,
  type LocaleId,
  type LocaleMatch,
} from './locale.ts';

/** A complete table: a key missing from a locale is a type error. */
export type Messages = Record<MessageKey, string>;

/** Translates a key; also carries the locale's direction and its `Intl` formatting. */
export interface Translate {
  (key: MessageKey, params?: Params): string;
  /** The table in use. */
  readonly id: LocaleId;
  /** The BCP 47 tag `Intl` formats with, e.g. `de-AT` while the table is `de`. */
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  number(n: number, opts?: Intl.NumberFormatOptions): string;
  /** Date and time; by default medium date, short time (a draft's "last edited"). */
  date(d: Date | number, opts?: Intl.DateTimeFormatOptions): string;
  /** A byte count as the locale writes it: `8 MB`, `1,5 MB`, `512 kB`. */
  bytes(n: number): string;
}

// Only English ships in the main bundle; each other table is its own chunk,
// fetched the first time a studio needs it.
const loaders: Record<Exclude<LocaleId, 'en'>, () => Promise<Messages>> = {
  it: () => import('./it.ts').then((m) => m.it),
  nl: () => import('./nl.ts').then((m) => m.nl),
  es: () => import('./es.ts').then((m) => m.es),
  de: () => import('./de.ts').then((m) => m.de),
  'en-XA': () => import('./pseudo.ts').then((m) => m.accented(en)),
  'ar-XB': () => import('./pseudo.ts').then((m) => m.mirrored(en)),
};

const tables = new Map<LocaleId, Messages>([['en', en]]);
const pending = new Map<LocaleId, Promise<Messages>>();
const translators = new Map<string, Translate>();

/** Loads a locale's table (once; concurrent callers share the request). */
export function loadTable(id: LocaleId): Promise<Messages> {
  const loaded = tables.get(id);
  if (loaded) return Promise.resolve(loaded);
  let p = pending.get(id);
  if (!p) {
    p = loaders[id as Exclude<LocaleId, 'en'>]().then((t) => (tables.set(id, t), t));
    pending.set(id, p);
    // A failed chunk load (offline) may be retried later rather than cached.
    p.catch(() => pending.delete(id));
  }
  return p;
}

/**
 * The translator for a locale tag or a list of them in order of preference,
 * after loading its table. On a failed load the studio speaks English rather
 * than not at all.
 */
export async function loadTranslator(requested: string | readonly string[]): Promise<Translate> {
  const match = matchLocale(typeof requested === 'string' ? [requested] : requested);
  try {
    await loadTable(match.id);
    return translatorFor(match);
  } catch {
    return translatorFor({ id: 'en', locale: 'en' });
  }
}

/**
 * The translator for a locale, synchronously: English until the locale's
 * table has been loaded with `loadTranslator` or `loadTable`.
 */
export function translator(requested: string | readonly string[] | undefined): Translate {
  const match = matchLocale(requested === undefined ? [] : typeof requested === 'string' ? [requested] : requested);
  return translatorFor(tables.has(match.id) ? match : { id: 'en', locale: 'en' });
}

/** The translator for a match, if its table is loaded already; no waiting. */
export function loadedTranslator(match: LocaleMatch): Translate | undefined {
  return tables.has(match.id) ? translatorFor(match) : undefined;
}

function translatorFor(match: LocaleMatch): Translate {
  const cacheKey = `${match.id}|${match.locale}`;
  const cached = translators.get(cacheKey);
  if (cached) return cached;
  const table = tables.get(match.id)!;
  const f = formats(match.locale);
  const parsed = new Map<MessageKey, Part[]>();
  const t = (key: MessageKey, params: Params = {}): string => {
    let parts = parsed.get(key);
    if (!parts) parsed.set(key, (parts = parse(table[key] || en[key] || key)));
    return render(parts, params, f);
  };
  const made: Translate = Object.assign(t, {
    id: match.id,
    locale: match.locale,
    dir: textDirection(match.locale),
    number: f.number,
    date: f.date,
    bytes: f.bytes,
  });
  translators.set(cacheKey, made);
  return made;
}
