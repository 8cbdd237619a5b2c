/**
 * The dashboard's print-file strings in the five languages the studio
 * speaks, through the studio's message format. The rest of the dashboard is
 * English for now (docs/i18n.md); these are the first it words per language.
 */
import { formats, parse, render, type Params } from '../i18n/format.ts';
import { matchLocale, requestedLocales } from '../i18n/locale.ts';

const en = {
  none: 'Print files: not made yet',
  queued: 'Print files: queued',
  making: 'Print files: being made (attempt {attempt} of {max})',
  ready: 'Print files: ready',
  failed: 'Print files failed after {attempts} attempts: {reason}',
  pack: 'Production pack',
  packLabel: 'Download the production pack of {name}’s design',
  packFailed: 'The production pack of {name}’s design could not be downloaded ({reason}).',
  retry: 'Try again',
  retryLabel: 'Make the print files of {name}’s design again',
  retryFailed: 'The print files of {name}’s design could not be queued again ({reason}).',
};
type Key = keyof typeof en;
type Table = Record<Key, string>;

const de: Table = {
  none: 'Druckdateien: noch nicht erstellt',
  queued: 'Druckdateien: in der Warteschlange',
  making: 'Druckdateien: werden erstellt (Versuch {attempt} von {max})',
  ready: 'Druckdateien: bereit',
  failed: 'Druckdateien nach {attempts} Versuchen fehlgeschlagen: {reason}',
  pack: 'Produktionspaket',
  packLabel: 'Produktionspaket des Entwurfs von {name} herunterladen',
  packFailed: 'Das Produktionspaket des Entwurfs von {name} konnte nicht geladen werden ({reason}).',
  retry: 'Erneut versuchen',
  retryLabel: 'Druckdateien des Entwurfs von {name} erneut erstellen',
  retryFailed: 'Die Druckdateien des Entwurfs von {name} konnten nicht erneut eingereiht werden ({reason}).',
};
const es: Table = {
  none: 'Archivos de impresión: aún no creados',
  queued: 'Archivos de impresión: en cola',
  making: 'Archivos de impresión: en preparación (intento {attempt} de {max})',
  ready: 'Archivos de impresión: listos',
  failed: 'Los archivos de impresión fallaron tras {attempts} intentos: {reason}',
  pack: 'Paquete de producción',
  packLabel: 'Descargar el paquete de producción del diseño de {name}',
  packFailed: 'No se pudo descargar el paquete de producción del diseño de {name} ({reason}).',
  retry: 'Reintentar',
  retryLabel: 'Volver a crear los archivos de impresión del diseño de {name}',
  retryFailed: 'No se pudieron volver a poner en cola los archivos de impresión del diseño de {name} ({reason}).',
};
const it: Table = {
  none: 'File di stampa: non ancora creati',
  queued: 'File di stampa: in coda',
  making: 'File di stampa: in preparazione (tentativo {attempt} di {max})',
  ready: 'File di stampa: pronti',
  failed: 'File di stampa non riusciti dopo {attempts} tentativi: {reason}',
  pack: 'Pacchetto di produzione',
  packLabel: 'Scarica il pacchetto di produzione del design di {name}',
  packFailed: 'Non è stato possibile scaricare il pacchetto di produzione del design di {name} ({reason}).',
  retry: 'Riprova',
  retryLabel: 'Crea di nuovo i file di stampa del design di {name}',
  retryFailed: 'Non è stato possibile rimettere in coda i file di stampa del design di {name} ({reason}).',
};
const nl: Table = {
  none: 'Drukbestanden: nog niet gemaakt',
  queued: 'Drukbestanden: in de wachtrij',
  making: 'Drukbestanden: worden gemaakt (poging {attempt} van {max})',
  ready: 'Drukbestanden: klaar',
  failed: 'Drukbestanden mislukt na {attempts} pogingen: {reason}',
  pack: 'Productiepakket',
  packLabel: 'Download het productiepakket van het ontwerp van {name}',
  packFailed: 'Het productiepakket van het ontwerp van {name} kon niet worden gedownload ({reason}).',
  retry: 'Opnieuw proberen',
  retryLabel: 'Maak de drukbestanden van het ontwerp van {name} opnieuw',
  retryFailed:
    'De drukbestanden van het ontwerp van {name} konden niet opnieuw in de wachtrij worden gezet ({reason}).',
};

/** Exported for the table test (test/i18n/dashboard-production.test.ts). */
export const PRODUCTION_TABLES: Record<string, Table> = { en, de, es, it, nl };

export type ProductionText = (key: Key, params?: Params) => string;

/** The strings in the language around `host` (its `lang`, the page's, the browser's), English when none has a table. */
export function productionText(host: Element): ProductionText {
  const match = matchLocale(requestedLocales(host));
  const id = match.id in PRODUCTION_TABLES ? match.id : 'en';
  const f = formats(id === 'en' ? 'en' : match.locale);
  return (key, params = {}) => render(parse(PRODUCTION_TABLES[id][key]), params, f);
}
