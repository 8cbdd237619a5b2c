import { isSafeCssValue } from './svg-css.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
/**
 * Chromium checks every `style="…"` and `<style>` of an SVG element against
 * the page's Content-Security-Policy, even in the inert documents that
 * DOMParser and DOMPurify make: on a page with a strict `style-src` each one
 * is reported as a violation while nothing is applied. Elements of any other
 * namespace carry no styles, so the raw SVG is first parsed under this
 * stand-in namespace, where its styles are checked and set aside.
 */
const INERT_NS = 'urn:x-co-design-studio:inert-svg';
/** What a checked `style` attribute is called until the output is a string again. */
export const STYLE_STAND_IN = 'cds-style';

export interface StylesAside {
  /** The SVG text without `style` attributes (checked ones renamed) and without `<style>` elements. */
  text: string;
  /** The checked style sheets, to go back in at the end. */
  sheets: string[];
}

/**
 * Takes the styles out of a raw SVG before it is parsed as SVG: unsafe ones
 * are dropped, safe `style` attributes become `cds-style`, safe sheets are
 * kept aside. Returns null for text that is not well-formed XML.
 */
export function setStylesAside(text: string): StylesAside | null {
  const doc = new DOMParser().parseFromString(text.split(SVG_NS).join(INERT_NS), 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) return null;
  const sheets: string[] = [];
  for (const el of [...doc.getElementsByTagName('*')]) {
    if (!el.isConnected) continue;
    // Only the renaming below may make a stand-in: one written in the file skipped the style check.
    el.removeAttribute(STYLE_STAND_IN);
    if (el.namespaceURI === INERT_NS && el.localName === 'style') {
      const css = el.textContent ?? '';
      if (el.children.length === 0 && isSafeCssValue(css)) sheets.push(css);
      el.remove();
      continue;
    }
    const style = el.getAttribute('style');
    if (style === null) continue;
    el.removeAttribute('style');
    if (isSafeCssValue(style)) el.setAttribute(STYLE_STAND_IN, style);
  }
  return { text: new XMLSerializer().serializeToString(doc).split(INERT_NS).join(SVG_NS), sheets };
}

/**
 * The sanitised SVG, serialised, with its styles back: `cds-style` renamed in
 * the tags (XMLSerializer escapes `<` and `>` in values and text, so every
 * `<…>` is a tag) and the sheets as `<style>` first in the root.
 */
export function putStylesBack(svg: string, sheets: readonly string[]): string {
  const named = svg.replace(/<[^<>]*>/g, (tag) => tag.replace(/(\s)cds-style=/g, '$1style='));
  if (sheets.length === 0) return named;
  const open = /^<[^<>]*>/.exec(named);
  if (!open) return named;
  const css = sheets
    .map((s) => `<style>${s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</style>`)
    .join('');
  // An empty root (`<svg …/>`) has nothing to style.
  if (open[0].endsWith('/>')) return named;
  return open[0] + css + named.slice(open[0].length);
}
