import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { ErrorCode, StudioError } from '../errors.ts';
import type { Dimensions } from './dimensions.ts';
import { Limits } from './limits.ts';
import { isLocalHref, isSafeAttributeValue, isSafeCssValue } from './svg-css.ts';
import { countExpandedElements } from './svg-refs.ts';
import { fixSvgSize } from './svg-size.ts';
import { putStylesBack, setStylesAside, STYLE_STAND_IN } from './svg-styles.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Elements that run script, embed other documents, fetch, navigate or
 * animate (an animation can rewrite `href` after sanitising: `<set
 * attributeName="href" to="javascript:…">`). Static art needs none of them.
 * `image` goes too: its only safe href would be `#id`, which draws nothing.
 */
const FORBIDDEN_ELEMENTS = [
  'script',
  'foreignObject',
  'iframe',
  'embed',
  'object',
  'a',
  'image',
  'feImage',
  'animate',
  'animateMotion',
  'animateTransform',
  'animateColor',
  'set',
  'discard',
  'mpath',
  'cursor',
  'handler',
  'listener',
  'font-face',
  'font-face-uri',
  'font-face-src',
  'color-profile',
];
const FORBIDDEN_LOWER = new Set(FORBIDDEN_ELEMENTS.map((n) => n.toLowerCase()));

const PURIFY_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // DOMPurify leaves <use> out (it can fetch); we allow it with an #id href only, and count its expansion.
  ADD_TAGS: ['use'],
  // Checked `style` attributes, renamed while the SVG is a DOM of this page (svg-styles.ts).
  ADD_ATTR: [STYLE_STAND_IN],
  // Its value is CSS, not a URL ("fill:#f00" reads as an unknown scheme); our pass checks it as CSS.
  ADD_URI_SAFE_ATTR: [STYLE_STAND_IN],
  FORBID_TAGS: FORBIDDEN_ELEMENTS.map((n) => n.toLowerCase()),
  // xml:base would re-root every relative reference; attributeName only serves animation.
  FORBID_ATTR: ['xml:base', 'attributename', 'xlink:actuate', 'xlink:show', 'xlink:role', 'xlink:arcrole'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  RETURN_DOM: true,
};

// A private instance: hooks and config on the shared default would leak into other users.
let purifier: Purifier | undefined;
const purify = () => (purifier ??= DOMPurify(window));

export interface SvgOptions {
  maxBytes?: number;
  maxSide?: number;
  maxElements?: number;
  maxExpandedElements?: number;
}

export interface SanitizedSvg extends Dimensions {
  /** Serialised XML with `xmlns`, ready for a `data:image/svg+xml` URL. */
  svg: string;
}

const unsafe = (message: string, params: Record<string, string | number> = {}) =>
  new StudioError(ErrorCode.UploadUnsafe, message, params);

/**
 * Returns a strictly sanitised copy of an SVG document, or throws a
 * StudioError. Order matters: size and DTD checks on the raw text, then an
 * XML parse (malformed is refused, not repaired), then DOMPurify, then our
 * own stricter pass, then the `<use>` expansion count, then a re-parse of the
 * output that must come out clean.
 */
export function sanitizeSvg(text: string, options: SvgOptions = {}): SanitizedSvg {
  const maxBytes = options.maxBytes ?? Limits.maxSvgBytes;
  if (text.length > maxBytes || new TextEncoder().encode(text).length > maxBytes) {
    throw new StudioError(ErrorCode.UploadTooLarge, `The SVG is larger than ${maxBytes} bytes.`, { limit: maxBytes });
  }
  // Entities are how XML bombs (billion laughs) and external entities work; a DTD has no other use here.
  if (/<!(DOCTYPE|ENTITY|ATTLIST|ELEMENT|NOTATION)/i.test(text)) {
    throw unsafe('SVG files with a DOCTYPE or entity declarations are not accepted.');
  }
  // Styles are checked and set aside first: an SVG element's styles are reported against the page's CSP.
  const aside = setStylesAside(text);
  const doc = aside && new DOMParser().parseFromString(aside.text, 'image/svg+xml');
  const parsed = doc?.documentElement;
  if (!aside || !doc || doc.getElementsByTagName('parsererror').length > 0 || !parsed) {
    throw new StudioError(ErrorCode.UploadDecode, 'The SVG is not well-formed XML.');
  }
  if (parsed.localName !== 'svg' || parsed.namespaceURI !== SVG_NS) {
    throw new StudioError(ErrorCode.UploadType, 'The file is not an SVG image (no <svg> root in the SVG namespace).');
  }
  const maxElements = options.maxElements ?? Limits.svgMaxElements;
  const elements = doc.getElementsByTagName('*').length;
  if (elements > maxElements) {
    throw new StudioError(ErrorCode.UploadTooLarge, `The SVG has ${elements} elements; the limit is ${maxElements}.`, {
      elements,
      limit: maxElements,
    });
  }

  try {
    return purifyTree(parsed, aside.sheets, options);
  } catch (error) {
    // DOMPurify and the DOM throw plain errors on pathological trees: still a refusal, not a crash.
    if (error instanceof StudioError) throw error;
    throw unsafe('The SVG could not be made safe.', { reason: String(error).slice(0, 80) });
  }
}

function purifyTree(parsed: Element, sheets: readonly string[], options: SvgOptions): SanitizedSvg {
  // DOMPurify imports the node into its own inert HTML document and walks it there.
  const body = purify().sanitize(parsed, PURIFY_CONFIG) as unknown as HTMLElement;
  const root = body.firstElementChild;
  if (!root || root.localName !== 'svg' || root.namespaceURI !== SVG_NS) {
    throw unsafe('Nothing safe is left in this SVG.');
  }
  enforce(root);
  const size = fixSvgSize(root, options.maxSide ?? Limits.maxSide);
  countExpandedElements(root, options.maxExpandedElements ?? Limits.svgMaxExpandedElements);
  const svg = new XMLSerializer().serializeToString(root);

  // Belt and braces: what we hand out must parse back to a tree with nothing to remove (its checked
  // styles still under their stand-in name: parsed as SVG here, they would be reported to the page's CSP).
  const check = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const problem =
    check.getElementsByTagName('parsererror').length > 0 ? 'reparse' : findViolation(check.documentElement);
  if (problem) throw unsafe('The SVG could not be made safe.', { reason: problem });
  return { svg: putStylesBack(svg, sheets), ...size };
}

/** Our rules on top of DOMPurify's allow-list; removes whatever breaks them. */
function enforce(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    // Skip what went with a removed ancestor.
    if (el !== root && !root.contains(el)) continue;
    const reason = elementViolation(el);
    if (reason && el !== root) {
      el.remove();
      continue;
    }
    for (const attr of [...el.attributes]) {
      if (attributeViolation(attr)) el.removeAttributeNode(attr);
    }
  }
  // Comments and processing instructions carry nothing we draw.
  const walker = root.ownerDocument.createTreeWalker(
    root,
    NodeFilter.SHOW_COMMENT | NodeFilter.SHOW_PROCESSING_INSTRUCTION,
  );
  const dead: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) dead.push(n);
  for (const n of dead) n.parentNode?.removeChild(n);
}

function elementViolation(el: Element): string | null {
  if (el.namespaceURI !== SVG_NS) return `namespace ${el.namespaceURI}`;
  if (FORBIDDEN_LOWER.has(el.localName.toLowerCase())) return `element ${el.localName}`;
  if (el.localName === 'style') {
    if (el.children.length > 0 || !isSafeCssValue(el.textContent ?? '')) return 'style sheet';
  }
  return null;
}

function attributeViolation(attr: Attr): string | null {
  const name = attr.localName.toLowerCase();
  const ns = attr.namespaceURI;
  // Only the SVG and XLink declarations stay; XMLSerializer re-emits any it needs.
  if (ns === 'http://www.w3.org/2000/xmlns/' || attr.name === 'xmlns') {
    return attr.value === SVG_NS || attr.value === XLINK_NS ? null : `namespace declaration ${attr.name}`;
  }
  if (
    ns !== null &&
    !(ns === XLINK_NS && (name === 'href' || name === 'title')) &&
    !(ns === XML_NS && (name === 'space' || name === 'lang'))
  ) {
    return `attribute ${attr.name}`;
  }
  if (name.startsWith('on')) return `handler ${attr.name}`;
  if (name === 'href') return isLocalHref(attr.value) ? null : `href ${attr.value.slice(0, 40)}`;
  if (!isSafeAttributeValue(attr.value)) return `value of ${attr.name}`;
  return null;
}

/** The first rule the tree breaks, or null when clean. */
function findViolation(root: Element): string | null {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const problem = elementViolation(el) ?? [...el.attributes].map(attributeViolation).find(Boolean) ?? null;
    if (problem) return problem;
  }
  return null;
}
