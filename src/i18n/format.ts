/**
 * Messages: plain text with `{name}` placeholders, plus one ICU-style form,
 * `{count, plural, =0 {…} one {# item} other {# items}}`. Plural forms live
 * inside one string (not in `key#one` / `key#other` keys) so every locale has
 * the same keys even when it needs more forms than English (Arabic has six).
 */
export type Part = string | { arg: string; hash?: true } | { plural: string; branches: Record<string, Part[]> };

export type Params = Record<string, string | number | Date>;

/** Locale-bound formatting used while rendering a message. */
export interface Formats {
  value(v: string | number | Date): string;
  plural(n: number): Intl.LDMLPluralRule;
}

const SIMPLE = /^\s*(\w+)\s*$/;
const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,/;
const BRANCH = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

/** Splits a message into text, placeholders and plurals; `#` counts only inside a plural branch. */
export function parse(text: string, hashArg?: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  const flush = () => {
    if (literal) parts.push(literal);
    literal = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#' && hashArg) {
      flush();
      parts.push({ arg: hashArg, hash: true });
      continue;
    }
    if (c === '{') {
      const end = closing(text, i);
      const body = end < 0 ? '' : text.slice(i + 1, end);
      const simple = SIMPLE.exec(body);
      const plural = PLURAL.exec(body);
      if (simple || plural) {
        flush();
        parts.push(
          simple
            ? { arg: simple[1] }
            : { plural: plural![1], branches: branches(body.slice(plural![0].length), plural![1]) },
        );
        i = end;
        continue;
      }
    }
    // Anything that is not a placeholder stays literal text, braces included.
    literal += c;
  }
  flush();
  return parts;
}

function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function branches(src: string, arg: string): Record<string, Part[]> {
  const out: Record<string, Part[]> = {};
  for (let i = 0; i < src.length;) {
    BRANCH.lastIndex = i;
    const m = BRANCH.exec(src);
    if (!m) break;
    const open = BRANCH.lastIndex - 1;
    const end = closing(src, open);
    if (end < 0) break;
    out[m[1]] = parse(src.slice(open + 1, end), arg);
    i = end + 1;
  }
  return out;
}

/** Fills a parsed message; a missing parameter shows as `{name}` so the gap is visible, not silent. */
export function render(parts: readonly Part[], params: Params, f: Formats): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'string') out += p;
    else if ('arg' in p) out += p.arg in params ? f.value(params[p.arg]) : `{${p.arg}}`;
    else {
      const n = Number(params[p.plural]);
      const b = p.branches;
      out += render(b[`=${n}`] ?? b[Number.isFinite(n) ? f.plural(n) : 'other'] ?? b.other ?? [], params, f);
    }
  }
  return out;
}

/** Writes parts back as a message, mapping the literal text (the pseudo-locales use this). */
export function serialize(parts: readonly Part[], text: (s: string) => string = (s) => s): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return text(p);
      if ('arg' in p) return p.hash ? '#' : `{${p.arg}}`;
      const forms = Object.entries(p.branches).map(([k, v]) => `${k} {${serialize(v, text)}}`);
      return `{${p.plural}, plural, ${forms.join(' ')}}`;
    })
    .join('');
}

/** Every parameter a message uses, plural counts included: translations must use the same set. */
export function paramNames(parts: readonly Part[], into = new Set<string>()): Set<string> {
  for (const p of parts) {
    if (typeof p === 'string') continue;
    if ('arg' in p) into.add(p.arg);
    else {
      into.add(p.plural);
      for (const b of Object.values(p.branches)) paramNames(b, into);
    }
  }
  return into;
}

/** The plurals of a message with their branch keys, for checking a translation's forms. */
export function pluralForms(parts: readonly Part[], into: string[][] = []): string[][] {
  for (const p of parts) {
    if (typeof p === 'object' && 'plural' in p) {
      into.push(Object.keys(p.branches));
      for (const b of Object.values(p.branches)) pluralForms(b, into);
    }
  }
  return into;
}

/** Number, date and plural formatting for one locale; `Intl` objects are costly to build, so they are kept. */
export function formats(locale: string) {
  const numbers = new Map<string, Intl.NumberFormat>();
  const dates = new Map<string, Intl.DateTimeFormat>();
  const rules = new Intl.PluralRules(locale);
  const number = (n: number, opts: Intl.NumberFormatOptions = {}): string => {
    const k = JSON.stringify(opts);
    let nf = numbers.get(k);
    if (!nf) numbers.set(k, (nf = new Intl.NumberFormat(locale, opts)));
    return nf.format(n);
  };
  const date = (
    d: Date | number,
    opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' },
  ): string => {
    const k = JSON.stringify(opts);
    let df = dates.get(k);
    if (!df) dates.set(k, (df = new Intl.DateTimeFormat(locale, opts)));
    return df.format(d);
  };
  // Sizes use binary multiples (what the upload checks count) with the locale's own unit label.
  const bytes = (n: number): string =>
    n >= 2 ** 20
      ? number(n / 2 ** 20, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
      : number(n / 2 ** 10, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
  return {
    number,
    date,
    bytes,
    value: (v: string | number | Date) => (typeof v === 'number' ? number(v) : v instanceof Date ? date(v) : v),
    plural: (n: number) => rules.select(n),
  };
}
