/**
 * HTML text from untrusted values: every value that reaches a page goes
 * through `escapeHtml`, in text and in attributes alike (quoted with ").
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A tagged template that escapes every interpolation unless it is already `SafeHtml`. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function html(strings: TemplateStringsArray, ...values: Array<string | number | SafeHtml | SafeHtml[]>): SafeHtml {
  let out = strings[0];
  values.forEach((value, i) => {
    const text = Array.isArray(value) ? value.map(String).join('') : value instanceof SafeHtml ? value.text : escapeHtml(value);
    out += text + strings[i + 1];
  });
  return new SafeHtml(out);
}
