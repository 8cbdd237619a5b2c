/**
 * The results page's strings in the five languages the studio speaks,
 * through the studio's message format (src/i18n/format.ts). The language is
 * `?lang=` when given, else the first of `Accept-Language` with a table.
 */
import { formats, parse, render, type Params } from '../../src/i18n/format.ts';
import { matchLocale } from '../../src/i18n/locale.ts';

const en = {
  title: 'Results: {campaign}',
  notYet: 'The results of “{campaign}” will be shown on {date}.',
  notYetMoved: 'The results of “{campaign}” are not out yet.',
  none: 'No winners were named.',
  winners: 'The winners',
  place: '{place, plural, =1 {1st place} =2 {2nd place} =3 {3rd place} other {#th place}}',
  by: 'by {name}',
  alt: 'The {template} designed by {name}',
  open: 'See {name}’s design',
  empty: 'This place is empty: the design was taken down.',
  gallery: 'See all entries in the gallery',
  notFound: 'This campaign is not here',
};
type Key = keyof typeof en;
type Table = Record<Key, string>;

const de: Table = {
  title: 'Ergebnisse: {campaign}',
  notYet: 'Die Ergebnisse von „{campaign}“ werden am {date} gezeigt.',
  notYetMoved: 'Die Ergebnisse von „{campaign}“ stehen noch nicht fest.',
  none: 'Es wurden keine Gewinner benannt.',
  winners: 'Die Gewinner',
  place: '{place}. Platz',
  by: 'von {name}',
  alt: 'Der {template}, gestaltet von {name}',
  open: 'Entwurf von {name} ansehen',
  empty: 'Dieser Platz ist leer: Der Entwurf wurde entfernt.',
  gallery: 'Alle Beiträge in der Galerie',
  notFound: 'Diese Kampagne gibt es hier nicht',
};
const es: Table = {
  title: 'Resultados: {campaign}',
  notYet: 'Los resultados de «{campaign}» se mostrarán el {date}.',
  notYetMoved: 'Los resultados de «{campaign}» aún no se han publicado.',
  none: 'No se nombraron ganadores.',
  winners: 'Los ganadores',
  place: '{place}.º puesto',
  by: 'de {name}',
  alt: 'El {template} diseñado por {name}',
  open: 'Ver el diseño de {name}',
  empty: 'Este puesto está vacío: el diseño se retiró.',
  gallery: 'Ver todas las propuestas en la galería',
  notFound: 'Esta campaña no está aquí',
};
const it: Table = {
  title: 'Risultati: {campaign}',
  notYet: 'I risultati di «{campaign}» saranno pubblicati il {date}.',
  notYetMoved: 'I risultati di «{campaign}» non sono ancora usciti.',
  none: 'Non è stato nominato nessun vincitore.',
  winners: 'I vincitori',
  place: '{place}º posto',
  by: 'di {name}',
  alt: 'Il {template} disegnato da {name}',
  open: 'Guarda il design di {name}',
  empty: 'Questo posto è vuoto: il design è stato rimosso.',
  gallery: 'Tutte le proposte nella galleria',
  notFound: 'Questa campagna non è qui',
};
const nl: Table = {
  title: 'Uitslag: {campaign}',
  notYet: 'De uitslag van “{campaign}” wordt op {date} bekendgemaakt.',
  notYetMoved: 'De uitslag van “{campaign}” is nog niet bekend.',
  none: 'Er zijn geen winnaars genoemd.',
  winners: 'De winnaars',
  place: '{place}e plaats',
  by: 'door {name}',
  alt: 'De {template}, ontworpen door {name}',
  open: 'Bekijk het ontwerp van {name}',
  empty: 'Deze plaats is leeg: het ontwerp is verwijderd.',
  gallery: 'Alle inzendingen in de galerij',
  notFound: 'Deze campagne is hier niet',
};

const TABLES: Record<string, Table> = { en, de, es, it, nl };

/** Language tags of an `Accept-Language` header, most wanted first. */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag.trim(), q: q ? Number(q[1]) : 1, i };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((l) => l.tag);
}

export interface ResultsText {
  (key: Key, params?: Params): string;
  lang: string;
  date(d: Date): string;
}

export function resultsText(requested: string[]): ResultsText {
  const match = matchLocale(requested);
  const id = match.id in TABLES ? match.id : 'en';
  const table = TABLES[id];
  const f = formats(id === 'en' ? 'en' : match.locale);
  const t = (key: Key, params: Params = {}) => render(parse(table[key]), params, f);
  // The server does not know the reader's time zone: dates are written in UTC and say so.
  const date = (d: Date) => `${f.date(d, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })} UTC`;
  return Object.assign(t, { lang: id, date });
}
