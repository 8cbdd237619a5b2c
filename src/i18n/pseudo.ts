import type { MessageKey } from './en.ts';
import { parse, serialize } from './format.ts';

type Messages = Record<MessageKey, string>;

// Look-alike letters: text still reads as English, but a string that skipped
// the table (still plain ASCII) stands out at a glance.
const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'åƀçðéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇÐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i],
  ]),
);

/** en-XA: accented, bracketed and about a third longer, to find clipped and untranslated text. */
export function accented(source: Messages): Messages {
  const pseudo = map(source, (s) => [...s].map((c) => ACCENTED[c] ?? c).join(''));
  for (const [k, v] of Object.entries(source) as [MessageKey, string][])
    pseudo[k] = `⟦${pseudo[k]}${'·'.repeat(Math.ceil(v.length / 3))}⟧`;
  return pseudo;
}

/**
 * ar-XB: English wrapped in right-to-left overrides, shown mirrored and laid
 * out right to left, so RTL layout can be tested without reading Arabic.
 */
export function mirrored(source: Messages): Messages {
  return map(source, (s) => (s.trim() ? `\u202e${s}\u202c` : s));
}

// Only literal text changes; placeholders and plural syntax stay intact.
function map(source: Messages, text: (s: string) => string): Messages {
  return Object.fromEntries(Object.entries(source).map(([k, v]) => [k, serialize(parse(v), text)])) as Messages;
}
