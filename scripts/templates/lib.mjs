// Shared helpers: number formatting, SVG wrapper, a tiny stroke font.
export const f = (n) => (Math.round(n * 10) / 10).toString();

export function svg(w, h, body, defs = '') {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    (defs ? `<defs>${defs}</defs>` : '') + body + `</svg>\n`;
}

// Glyphs on a grid 10 units tall (y down, baseline at 10); [advance, path].
const G = {
  A: [6, 'M0 10L3 0L6 10M1.1 6.6H4.9'],
  B: [6, 'M0 5H3.3C4.7 5 5.4 4 5.4 2.5C5.4 1 4.6 0 3.2 0H0V10H3.6C5.2 10 6 9 6 7.5C6 6 5.2 5 3.6 5'],
  C: [6, 'M6 1.6C5.2 0.5 4.2 0 3.1 0C1.3 0 0 2.2 0 5C0 7.8 1.3 10 3.1 10C4.2 10 5.2 9.5 6 8.4'],
  D: [6, 'M0 0V10H2.4C4.7 10 6 8 6 5C6 2 4.7 0 2.4 0Z'],
  E: [5, 'M5 0H0V10H5M0 5H4.2'],
  H: [6, 'M0 0V10M6 0V10M0 5H6'],
  I: [0, 'M0 0V10'],
  K: [5.6, 'M0 0V10M5.6 0L0 6.4M2 4.2L5.6 10'],
  L: [5, 'M0 0V10H5'],
  M: [7.4, 'M0 10V0L3.7 7L7.4 0V10'],
  O: [7, 'M3.5 0C1.4 0 0 2.2 0 5C0 7.8 1.4 10 3.5 10C5.6 10 7 7.8 7 5C7 2.2 5.6 0 3.5 0Z'],
  R: [6, 'M0 10V0H3.4C5 0 6 1.1 6 2.7C6 4.3 5 5.4 3.4 5.4H0M3.3 5.4L6 10'],
  S: [5.6, 'M5.4 1.4C4.8 0.5 3.9 0 2.8 0C1.3 0 0.2 0.9 0.2 2.5C0.2 5.6 5.6 4.5 5.6 7.5C5.6 9.1 4.4 10 2.8 10C1.6 10 0.6 9.5 0 8.5'],
  T: [6, 'M0 0H6M3 0V10'],
  U: [6, 'M0 0V6.5C0 8.7 1.3 10 3 10C4.7 10 6 8.7 6 6.5V0'],
  '.': [0, 'M0 9.9V10'],
  '-': [3, 'M0 5.6H3'],
  '0': [5.6, 'M2.8 0C1.1 0 0 2.2 0 5C0 7.8 1.1 10 2.8 10C4.5 10 5.6 7.8 5.6 5C5.6 2.2 4.5 0 2.8 0Z'],
  '1': [3, 'M0 2.2L3 0V10'],
  '2': [5.6, 'M0.2 2.3C0.6 0.8 1.7 0 3 0C4.5 0 5.5 1 5.5 2.6C5.5 5.2 0 6.8 0 10H5.6'],
  '3': [5.6, 'M0.3 0H5.3L2.4 4C4.4 3.8 5.6 5 5.6 6.9C5.6 8.8 4.3 10 2.7 10C1.5 10 0.5 9.4 0 8.4'],
  '4': [6, 'M4.5 10V0L0 7H6'],
  '5': [5.6, 'M5.2 0H1L0.5 4.4C1.1 4 1.9 3.8 2.7 3.8C4.4 3.8 5.6 5 5.6 6.9C5.6 8.8 4.3 10 2.7 10C1.5 10 0.6 9.5 0 8.6'],
  '6': [5.6, 'M4.9 0.8C4.3 0.3 3.6 0 2.9 0C1.1 0 0 2.5 0 6.2C0 8.6 1.2 10 2.8 10C4.5 10 5.6 8.7 5.6 7C5.6 5.3 4.5 4.1 2.9 4.1C1.6 4.1 0.5 4.9 0 6.2'],
  '7': [5.6, 'M0 0H5.6L2 10'],
  '8': [5.6, 'M2.8 4.8C1.3 4.8 0.4 3.8 0.4 2.4C0.4 1 1.4 0 2.8 0C4.2 0 5.2 1 5.2 2.4C5.2 3.8 4.3 4.8 2.8 4.8C1.1 4.8 0 5.9 0 7.4C0 9 1.2 10 2.8 10C4.4 10 5.6 9 5.6 7.4C5.6 5.9 4.5 4.8 2.8 4.8Z'],
  '9': [5.6, 'M0.7 9.2C1.3 9.7 2 10 2.7 10C4.5 10 5.6 7.5 5.6 3.8C5.6 1.4 4.4 0 2.8 0C1.1 0 0 1.3 0 3C0 4.7 1.1 5.9 2.7 5.9C4 5.9 5.1 5.1 5.6 3.8'],
};
const SPACE = 4;

/** Width of `text` in glyph units with `track` units between letters. */
export function textWidth(text, track = 2.4) {
  let w = 0;
  [...text].forEach((ch, i) => { w += (ch === ' ' ? SPACE : G[ch][0]) + (i ? track : 0); });
  return w;
}

/** Stroked lettering as one <g>; (x, y) is the top-left, `h` the cap height. */
export function lettering(text, x, y, h, { track = 2.4, weight = 1.4, color = '#000', anchor = 'start', extra = '' } = {}) {
  const s = h / 10;
  const w = textWidth(text, track);
  const x0 = anchor === 'middle' ? x - (w * s) / 2 : x;
  let cx = 0;
  let d = '';
  [...text].forEach((ch) => {
    if (ch === ' ') { cx += SPACE + track; return; }
    const [adv, path] = G[ch];
    d += `<path transform="translate(${f(cx)} 0)" d="${path}"/>`;
    cx += adv + track;
  });
  return `<g transform="translate(${f(x0)} ${f(y)}) scale(${s.toFixed(4)})" fill="none" stroke="${color}" stroke-width="${weight}" stroke-linecap="round" stroke-linejoin="round"${extra}>${d}</g>`;
}

/** Mirrors a cubic chain about y = cy, reversed, so it continues a clockwise outline. */
export function mirrorBack(start, segs, cy) {
  // segs: [[c1x,c1y,c2x,c2y,x,y], ...] starting from `start`.
  const pts = [start, ...segs.map((s) => [s[4], s[5]])];
  const m = (x, y) => `${f(x)} ${f(2 * cy - y)}`;
  let d = '';
  for (let i = segs.length - 1; i >= 0; i--) {
    const [c1x, c1y, c2x, c2y] = segs[i];
    const [px, py] = pts[i];
    d += `C${m(c2x, c2y)} ${m(c1x, c1y)} ${m(px, py)}`;
  }
  return d;
}

export const cubic = (segs) => segs.map((s) => `C${s.slice(0, 2).map(f).join(' ')} ${s.slice(2, 4).map(f).join(' ')} ${s.slice(4).map(f).join(' ')}`).join('');

/** The same cubic chain walked backwards, ending at `start`. */
export function reverse(start, segs) {
  const pts = [start, ...segs.map((s) => [s[4], s[5]])];
  let d = '';
  for (let i = segs.length - 1; i >= 0; i--) {
    const [c1x, c1y, c2x, c2y] = segs[i];
    d += `C${f(c2x)} ${f(c2y)} ${f(c1x)} ${f(c1y)} ${f(pts[i][0])} ${f(pts[i][1])}`;
  }
  return d;
}

/** Point and unit normal at t on a cubic from p0 with [c1x,c1y,c2x,c2y,x,y]. */
export function cubicAt(p0, s, t) {
  const [x0, y0] = p0, [x1, y1, x2, y2, x3, y3] = s, u = 1 - t;
  const x = u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * x3;
  const y = u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * y3;
  const dx = 3 * u * u * (x1 - x0) + 6 * u * t * (x2 - x1) + 3 * t * t * (x3 - x2);
  const dy = 3 * u * u * (y1 - y0) + 6 * u * t * (y2 - y1) + 3 * t * t * (y3 - y2);
  const l = Math.hypot(dx, dy);
  return { x, y, tx: dx / l, ty: dy / l, nx: -dy / l, ny: dx / l };
}
