/**
 * Value checks for SVG attributes and CSS. Presentation attributes are parsed
 * as CSS too (`fill="url(…)"`), so one rule set covers attributes, `style=`
 * and `<style>`. The rules refuse rather than repair: a value that fails is
 * dropped whole.
 */

/** An XML id as a same-document reference; nothing else may be referenced. */
const ID = String.raw`[\p{L}\p{N}_][\p{L}\p{N}_.:-]*`;
const LOCAL_HREF = new RegExp(`^#${ID}$`, 'u');
// url(#id), url('#id'), url("#id") with optional inner whitespace.
const LOCAL_URL = new RegExp(String.raw`^url\(\s*(["']?)#${ID}\1\s*\)`, 'u');

/** True for exactly `#id`: the only `href` / `xlink:href` value kept. */
export function isLocalHref(value: string): boolean {
  return LOCAL_HREF.test(value);
}

// Things that fetch or run whatever their argument: none has a local form we need.
const FORBIDDEN = [
  '@import',
  '@font-face', // src: descriptors fetch fonts
  'image-set(', // also -webkit-image-set(
  'image(',
  'cross-fade(',
  'element(',
  'src(', // CSS Values 4 alternative to url()
  'attr(', // typed attr() can turn an attribute into a value
  'expression(', // old IE
  '-moz-binding',
  'behavior',
  'javascript:',
  'vbscript:',
  'data:',
];

/**
 * True when a CSS text or attribute value references nothing outside the
 * document and carries no script. Backslashes are refused outright: CSS
 * escapes (`u\72l(`, `\40import`) are the usual way to hide the words we
 * look for, and real SVG art does not need them.
 */
export function isSafeCssValue(value: string): boolean {
  if (value.includes('\\')) return false;
  // Comments can split tokens for a human reader (`@im/**/port` is not an
  // import, but keep the check simple and strict): look at both forms.
  const flat = value.toLowerCase();
  const noComments = flat.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  const squeezed = noComments.replace(/[\s\u0000-\u001f\u007f]+/g, '');
  for (const text of [flat, squeezed]) {
    if (FORBIDDEN.some((word) => text.includes(word))) return false;
  }
  return urlsAreLocal(noComments);
}

function urlsAreLocal(css: string): boolean {
  // `url` followed by optional whitespace and `(`: every one must be url(#id).
  const re = /url\s*\(/g;
  for (let m = re.exec(css); m; m = re.exec(css)) {
    const rest = css.slice(m.index).replace(/^url\s*\(/, 'url(');
    if (!LOCAL_URL.test(rest)) return false;
  }
  return true;
}

/**
 * Every attribute value gets the CSS rules: presentation attributes are CSS,
 * and the odd text attribute that trips them ("data: …") is a cheap loss.
 */
export const isSafeAttributeValue = isSafeCssValue;
