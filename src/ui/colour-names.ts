import type { MessageKey } from '../i18n/en.ts';
import type { Translate } from '../i18n/translate.ts';

/** Hue ranges (degrees, start inclusive) and their names; red wraps around 0. */
const HUES: ReadonlyArray<[number, MessageKey]> = [
  [10, 'colour.orange'],
  [45, 'colour.yellow'],
  [70, 'colour.green'],
  [165, 'colour.teal'],
  [195, 'colour.blue'],
  [255, 'colour.purple'],
  [290, 'colour.pink'],
  [345, 'colour.red'],
];

/**
 * A name for a swatch that a screen reader can say, from its hue and lightness ("Dark blue" rather than
 * "#0a2c6e"), in the customer's language; the hex value stays in its title.
 */
export function colourName(t: Translate, hex: string): string {
  const rgb = parseHex(hex);
  if (!rgb) return hex;
  const { hue, chroma, lightness } = hsl(rgb);
  if (chroma < 0.12) {
    if (lightness < 0.15) return t('colour.black');
    if (lightness > 0.92) return t('colour.white');
    return shade(t, t('colour.grey'), lightness);
  }
  let name: MessageKey = 'colour.red';
  for (const [from, key] of HUES) if (hue >= from) name = key;
  // A deep orange or yellow is what people call brown.
  if ((name === 'colour.orange' || name === 'colour.yellow') && lightness < 0.4) return t('colour.brown');
  return shade(t, t(name), lightness);
}

function shade(t: Translate, name: string, lightness: number): string {
  if (lightness > 0.75) return t('colour.light', { colour: name.toLowerCase() });
  if (lightness < 0.25) return t('colour.dark', { colour: name.toLowerCase() });
  return name;
}

function hsl([r, g, b]: [number, number, number]): { hue: number; chroma: number; lightness: number } {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const d = max - min;
  let hue = 0;
  if (d > 0) {
    if (max === r) hue = ((g - b) / d) * 60;
    else if (max === g) hue = ((b - r) / d + 2) * 60;
    else hue = ((r - g) / d + 4) * 60;
  }
  return { hue: (hue + 360) % 360, chroma: d / 255, lightness: (max + min) / 510 };
}

function parseHex(hex: string): [number, number, number] | undefined {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex.trim());
  if (!m) return undefined;
  const full = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}
