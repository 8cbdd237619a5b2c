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

/**
 * A whole server-rendered page (share, results): one inline style that the
 * page's CSP allows by its hash, the site's icon, and at most one script of
 * this origin (`script`, a path), which the page must work without.
 */
export function htmlPage(p: { lang: string; title: string; style: string; head?: SafeHtml; body: SafeHtml; script?: string }): string {
  return html`<!doctype html>
<html lang="${p.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
${p.head ?? html``}
<style>${new SafeHtml(p.style)}</style>
${p.script ? html`<script type="module" src="${p.script}"></script>` : html``}
</head>
<body>
<main>
${p.body}
</main>
</body>
</html>
`.text;
}
