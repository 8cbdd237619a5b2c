/**
 * The replay's own few strings in the studio's five locales. A table of its own rather than keys in
 * src/i18n/en.ts: the studio's tables would cost the replay's bundle more than the replay itself.
 */
import { matchLocale, requestedLocales, type LOCALES } from '../i18n/locale.ts';

const en = {
  label: 'Time-lapse of the design',
  loading: 'Loading the time-lapse…',
  play: 'Play',
  pause: 'Pause',
  replay: 'Play again',
  speed: 'Speed',
  position: 'Position in the time-lapse',
  time: '{now} of {total}',
  failed: 'The time-lapse could not be shown.',
};
type Key = keyof typeof en;

// The pseudo-locales (en-XA, ar-XB) read English here.
const tables: Partial<Record<(typeof LOCALES)[number] | string, Record<Key, string>>> = {
  en,
  de: {
    label: 'Zeitraffer des Designs',
    loading: 'Zeitraffer wird geladen…',
    play: 'Abspielen',
    pause: 'Pause',
    replay: 'Noch einmal abspielen',
    speed: 'Tempo',
    position: 'Stelle im Zeitraffer',
    time: '{now} von {total}',
    failed: 'Der Zeitraffer konnte nicht gezeigt werden.',
  },
  it: {
    label: 'Time-lapse del design',
    loading: 'Caricamento del time-lapse…',
    play: 'Riproduci',
    pause: 'Pausa',
    replay: 'Riproduci di nuovo',
    speed: 'Velocità',
    position: 'Posizione nel time-lapse',
    time: '{now} di {total}',
    failed: 'Impossibile mostrare il time-lapse.',
  },
  nl: {
    label: 'Timelapse van het ontwerp',
    loading: 'Timelapse wordt geladen…',
    play: 'Afspelen',
    pause: 'Pauzeren',
    replay: 'Opnieuw afspelen',
    speed: 'Snelheid',
    position: 'Positie in de timelapse',
    time: '{now} van {total}',
    failed: 'De timelapse kon niet worden getoond.',
  },
  es: {
    label: 'Timelapse del diseño',
    loading: 'Cargando el timelapse…',
    play: 'Reproducir',
    pause: 'Pausa',
    replay: 'Volver a reproducir',
    speed: 'Velocidad',
    position: 'Posición en el timelapse',
    time: '{now} de {total}',
    failed: 'No se pudo mostrar el timelapse.',
  },
};

export type ReplayStrings = (key: Key, params?: Record<string, string>) => string;

/** The strings for the element's language (its `lang`, the nearest `lang` above it, the browser's). */
export function replayStrings(host: Element, explicit?: string | null): ReplayStrings {
  const { id } = matchLocale(requestedLocales(host, explicit));
  const table = tables[id] ?? en;
  return (key, params = {}) => table[key].replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** m:ss, as a player shows it. */
export function clockText(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
