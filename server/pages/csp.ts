/**
 * Content-Security-Policy for the HTML pages the reference host serves.
 * Scripts only from this origin, never inline, never eval; nothing framed
 * or framing unless the page is one half of the social-app demo.
 */

/** The static pages; the share page builds its own policy (`sharePolicy`). */
export type PageKind = 'studio' | 'app' | 'social' | 'frame';

const BASE = ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"];

/**
 * The demo's other site: the social page on 127.0.0.1 frames the studio on
 * localhost and the other way round (two sites of one machine). Only those
 * two names qualify; any other Host gets no partner at all.
 */
export function partnerOrigin(host: string | undefined, protocol: string): string | null {
  const match = /^(localhost|127\.0\.0\.1)(:\d{1,5})?$/.exec(host ?? '');
  if (!match) return null;
  const other = match[1] === 'localhost' ? '127.0.0.1' : 'localhost';
  return `${protocol}://${other}${match[2] ?? ''}`;
}

export function pagePolicy(kind: PageKind, partner: string | null): string {
  switch (kind) {
    case 'app':
      // The gallery and dashboard: lit's styles are constructed stylesheets, which style-src does not govern;
      // previews come from /api or as blob: URLs made from fetched bytes; a design's replay draws its data: images.
      return [...BASE, "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'", "frame-ancestors 'none'"].join('; ');
    case 'studio':
    case 'social':
    case 'frame': {
      // The studio sets no style attribute (its swatches go through the CSSOM), so no inline style is allowed;
      // lit's styles are constructed stylesheets. Designs carry data:image URLs; exports and previews are blob: URLs.
      const policy = [...BASE, "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self' data: blob:"];
      policy.push(kind === 'frame' && partner ? `frame-ancestors 'self' ${partner}` : "frame-ancestors 'none'");
      if (kind === 'social' && partner) policy.push(`frame-src ${partner}`);
      return policy.join('; ');
    }
  }
}

/**
 * Server-rendered pages: one inline style allowed by its hash; no script unless `script` (then 'self' only).
 * `replay`: the page plays `<co-design-replay>`, which fetches the design and its template from this origin,
 * loads the template's fonts, draws the design's embedded data: images and offers the video as a blob: URL.
 */
export function sharePolicy(styleHash: string, { script = false, form = false, replay = false } = {}): string {
  return [
    "default-src 'none'",
    ...(script ? ["script-src 'self'"] : []),
    ...(replay ? ["connect-src 'self'", "font-src 'self'", "img-src 'self' data: blob:"] : ["img-src 'self'"]),
    `style-src '${styleHash}'`,
    "base-uri 'none'",
    form ? "form-action 'self'" : "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
