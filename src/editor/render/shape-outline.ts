// The outlines of the star and the polygon, centred on (0, 0): fabric draws them in the studio
// (tools/shape/shape-objects.ts) and the print renderer (src/print/) as PDF paths, from the same points.

/** A star of `points` points in a `w` × `h` ellipse, the first point straight up. */
export function starPoints(w: number, h: number, points: number): { x: number; y: number }[] {
  const out = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? 1 : 0.45;
    const a = (Math.PI * i) / points - Math.PI / 2;
    out.push({ x: (Math.cos(a) * r * w) / 2, y: (Math.sin(a) * r * h) / 2 });
  }
  return out;
}

/** A regular polygon of `sides` sides in a `w` × `h` ellipse, the first corner straight up. */
export function regularPolygon(w: number, h: number, sides: number): { x: number; y: number }[] {
  const out = [];
  for (let i = 0; i < sides; i++) {
    const a = (Math.PI * 2 * i) / sides - Math.PI / 2;
    out.push({ x: (Math.cos(a) * w) / 2, y: (Math.sin(a) * h) / 2 });
  }
  return out;
}
