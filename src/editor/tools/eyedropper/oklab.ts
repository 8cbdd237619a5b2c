/** OKLab (Björn Ottosson, 2020): distances in it follow how different two colours look. */
export function oklab(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(linear);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [
    0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  ];
}

function linear(c: number): number {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** The palette colour nearest to `hex` by Euclidean distance in OKLab (ties: the first in the palette). */
export function nearestColour(hex: string, palette: readonly string[]): string {
  const [l, a, b] = oklab(hex);
  let best = palette[0];
  let bestDistance = Infinity;
  for (const colour of palette) {
    const [pl, pa, pb] = oklab(colour);
    const d = (l - pl) ** 2 + (a - pa) ** 2 + (b - pb) ** 2;
    if (d < bestDistance) ((bestDistance = d), (best = colour));
  }
  return best;
}
