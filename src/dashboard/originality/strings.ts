/**
 * The originality figures' words in the dashboard (docs/originality.md), in the five languages of the studio.
 * The tables are small and all in the dashboard's bundle, as the jury page's are.
 */
import { formats, parse, render, type Params } from '../../i18n/format.ts';
import { matchLocale } from '../../i18n/locale.ts';

const en = {
  label: 'How it was made',
  strokes: '{n, plural, =0 {No strokes} one {# stroke} other {# strokes}}',
  painted: 'Painted {painted} of {engaged} engaged',
  noTime: 'No time on task',
  uploads:
    '{n, plural, =0 {No uploads} one {# upload covers {share} of the areas} ' +
    'other {# uploads cover {share} of the areas}}',
  uploadsUnknown: '{n, plural, =0 {No uploads} one {# upload (template unknown)} other {# uploads (template unknown)}}',
  flag: 'Mostly one uploaded image',
  flagHelp: 'One upload covers {share} of a view with only {strokes} strokes: check that it is the customer’s own.',
  watch: 'Watch it painted',
} as const;

export type OriginalityKey = keyof typeof en;
type Table = Record<OriginalityKey, string>;

const de: Table = {
  label: 'Wie es entstand',
  strokes: '{n, plural, =0 {Keine Striche} one {# Strich} other {# Striche}}',
  painted: '{painted} gemalt von {engaged} aktiv',
  noTime: 'Keine Zeitmessung',
  uploads:
    '{n, plural, =0 {Keine Uploads} one {# Upload deckt {share} der Flächen} ' +
    'other {# Uploads decken {share} der Flächen}}',
  uploadsUnknown:
    '{n, plural, =0 {Keine Uploads} one {# Upload (Vorlage unbekannt)} other {# Uploads (Vorlage unbekannt)}}',
  flag: 'Überwiegend ein hochgeladenes Bild',
  flagHelp: 'Ein Upload deckt {share} einer Ansicht bei nur {strokes} Strichen: Prüfe, ob es vom Kunden selbst stammt.',
  watch: 'So ist es entstanden',
};

const es: Table = {
  label: 'Cómo se hizo',
  strokes: '{n, plural, =0 {Sin trazos} one {# trazo} other {# trazos}}',
  painted: '{painted} pintando de {engaged} activo',
  noTime: 'Sin tiempo de uso',
  uploads:
    '{n, plural, =0 {Sin imágenes subidas} one {# imagen subida cubre {share} de las zonas} ' +
    'other {# imágenes subidas cubren {share} de las zonas}}',
  uploadsUnknown:
    '{n, plural, =0 {Sin imágenes subidas} one {# imagen subida (plantilla desconocida)} ' +
    'other {# imágenes subidas (plantilla desconocida)}}',
  flag: 'Sobre todo una imagen subida',
  flagHelp: 'Una imagen subida cubre {share} de una vista con solo {strokes} trazos: comprueba que sea del cliente.',
  watch: 'Mira cómo se pintó',
};

const it: Table = {
  label: 'Come è stato fatto',
  strokes: '{n, plural, =0 {Nessun tratto} one {# tratto} other {# tratti}}',
  painted: '{painted} dipingendo su {engaged} di attività',
  noTime: 'Nessun tempo registrato',
  uploads:
    '{n, plural, =0 {Nessuna immagine caricata} one {# immagine caricata copre {share} delle aree} ' +
    'other {# immagini caricate coprono {share} delle aree}}',
  uploadsUnknown:
    '{n, plural, =0 {Nessuna immagine caricata} one {# immagine caricata (modello sconosciuto)} ' +
    'other {# immagini caricate (modello sconosciuto)}}',
  flag: 'Per lo più un’immagine caricata',
  flagHelp: 'Un’immagine caricata copre {share} di una vista con solo {strokes} tratti: verifica che sia del cliente.',
  watch: 'Guarda come è stato dipinto',
};

const nl: Table = {
  label: 'Hoe het gemaakt is',
  strokes: '{n, plural, =0 {Geen streken} one {# streek} other {# streken}}',
  painted: '{painted} geschilderd van {engaged} actief',
  noTime: 'Geen tijdmeting',
  uploads:
    '{n, plural, =0 {Geen uploads} one {# upload bedekt {share} van de vlakken} ' +
    'other {# uploads bedekken {share} van de vlakken}}',
  uploadsUnknown:
    '{n, plural, =0 {Geen uploads} one {# upload (sjabloon onbekend)} other {# uploads (sjabloon onbekend)}}',
  flag: 'Vooral één geüploade afbeelding',
  flagHelp: 'Eén upload bedekt {share} van een aanzicht met maar {strokes} streken: controleer of het van de klant is.',
  watch: 'Zie hoe het geschilderd is',
};

export const ORIGINALITY_TABLES: Record<string, Table> = { en, de, es, it, nl };

export interface OriginalityTranslate {
  (key: OriginalityKey, params?: Params): string;
  readonly lang: string;
  percent(share: number): string;
  duration(ms: number): string;
}

/** The first of `requested` with a table (by language), English last. */
export function originalityTranslator(requested: Iterable<string>): OriginalityTranslate {
  const match = matchLocale(requested);
  const table = ORIGINALITY_TABLES[match.id] ?? en;
  const f = formats(match.locale);
  const t = (key: OriginalityKey, params: Params = {}) => render(parse(table[key]), params, f);
  // Durations as the locale writes units ("12 min", "12 Min.", "12 min"), a whole unit or one decimal.
  const duration = (ms: number) => {
    const [value, unit] =
      ms < 60_000 ? [ms / 1000, 'second'] : ms < 3_600_000 ? [ms / 60_000, 'minute'] : [ms / 3_600_000, 'hour'];
    return f.number(value, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 });
  };
  return Object.assign(t, {
    lang: match.locale,
    percent: (share: number) => f.number(share, { style: 'percent', maximumFractionDigits: 0 }),
    duration,
  });
}
