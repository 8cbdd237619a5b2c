/**
 * SVG path data (a template's design areas) as polygons, in Node where there is no Path2D: curves and arcs
 * are cut into straight pieces of at most `SEGMENTS` per curve, plenty for a coverage grid of ~160 cells
 * on the long side. Every command of SVG 1.1 paths is read, absolute and relative.
 */
export type Polygon = number[]; // x0, y0, x1, y1, …

const SEGMENTS = 16;
const NUMBER = /[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const SEPARATORS = /[\s,]*/y;

class Reader {
  private at = 0;
  constructor(private readonly d: string) {}

  private skip(): void {
    SEPARATORS.lastIndex = this.at;
    SEPARATORS.exec(this.d);
    this.at = SEPARATORS.lastIndex;
  }

  command(): string | null {
    this.skip();
    const c = this.d[this.at];
    if (c && /[a-zA-Z]/.test(c)) {
      this.at++;
      return c;
    }
    return null;
  }

  /** Another set of parameters follows (an implicit repeat of the last command). */
  hasNumber(): boolean {
    this.skip();
    return this.at < this.d.length && /[\d.+-]/.test(this.d[this.at]!);
  }

  number(): number {
    this.skip();
    NUMBER.lastIndex = this.at;
    const m = NUMBER.exec(this.d);
    if (!m) throw new Error(`path data: expected a number at ${this.at}`);
    this.at = NUMBER.lastIndex;
    return Number(m[0]);
  }

  /** Arc flags may be written without separators ("a5 5 0 015 5"): one character each. */
  flag(): number {
    this.skip();
    const c = this.d[this.at];
    if (c !== '0' && c !== '1') throw new Error(`path data: expected an arc flag at ${this.at}`);
    this.at++;
    return Number(c);
  }

  get done(): boolean {
    this.skip();
    return this.at >= this.d.length;
  }
}

export function pathPolygons(d: string): Polygon[] {
  const reader = new Reader(d);
  const polygons: Polygon[] = [];
  let current: Polygon = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  // The last control point, for S and T's reflection.
  let cx = 0;
  let cy = 0;
  let previous = '';
  let command: string | null = null;

  const close = () => {
    if (current.length >= 6) polygons.push(current);
    current = [];
  };
  const lineTo = (nx: number, ny: number) => {
    if (current.length === 0) current.push(x, y);
    current.push(nx, ny);
    x = nx;
    y = ny;
  };
  const cubic = (x1: number, y1: number, x2: number, y2: number, ex: number, ey: number) => {
    const [x0, y0] = [x, y];
    for (let i = 1; i <= SEGMENTS; i++) {
      const t = i / SEGMENTS;
      const u = 1 - t;
      lineTo(
        u * u * u * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t * t * t * ex,
        u * u * u * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t * t * t * ey,
      );
    }
    cx = x2;
    cy = y2;
  };
  const quadratic = (x1: number, y1: number, ex: number, ey: number) => {
    const [x0, y0] = [x, y];
    for (let i = 1; i <= SEGMENTS; i++) {
      const t = i / SEGMENTS;
      const u = 1 - t;
      lineTo(u * u * x0 + 2 * u * t * x1 + t * t * ex, u * u * y0 + 2 * u * t * y1 + t * t * ey);
    }
    cx = x1;
    cy = y1;
  };

  while (!reader.done) {
    const named = reader.command();
    if (named) command = named;
    else if (!command || !reader.hasNumber()) throw new Error('path data: expected a command');
    const c: string = command!;
    const lower = c.toLowerCase();
    const rel: boolean = c !== c.toUpperCase();
    const ox = rel ? x : 0;
    const oy = rel ? y : 0;
    if (lower === 'z') {
      close();
      x = startX;
      y = startY;
      previous = lower;
      command = null;
      continue;
    }
    const n = () => reader.number();
    switch (lower) {
      case 'm': {
        close();
        x = ox + n();
        y = oy + n();
        startX = x;
        startY = y;
        current.push(x, y);
        // Pairs after a moveto are linetos.
        command = rel ? 'l' : 'L';
        break;
      }
      case 'l':
        lineTo(ox + n(), oy + n());
        break;
      case 'h':
        lineTo(ox + n(), y);
        break;
      case 'v':
        lineTo(x, oy + n());
        break;
      case 'c':
        cubic(ox + n(), oy + n(), ox + n(), oy + n(), ox + n(), oy + n());
        break;
      case 's': {
        const reflect = previous === 'c' || previous === 's';
        const [x1, y1] = reflect ? [2 * x - cx, 2 * y - cy] : [x, y];
        cubic(x1, y1, ox + n(), oy + n(), ox + n(), oy + n());
        break;
      }
      case 'q':
        quadratic(ox + n(), oy + n(), ox + n(), oy + n());
        break;
      case 't': {
        const reflect = previous === 'q' || previous === 't';
        const [x1, y1] = reflect ? [2 * x - cx, 2 * y - cy] : [x, y];
        quadratic(x1, y1, ox + n(), oy + n());
        break;
      }
      case 'a': {
        const [rx, ry, rotation] = [n(), n(), n()];
        const [large, sweep] = [reader.flag(), reader.flag()];
        arc(x, y, rx, ry, rotation, large, sweep, ox + n(), oy + n(), lineTo);
        break;
      }
      default:
        throw new Error(`path data: unknown command "${c}"`);
    }
    previous = lower;
  }
  close();
  return polygons;
}

/** An elliptical arc as line pieces, by the SVG spec's endpoint-to-centre conversion (F.6.5, with F.6.6 radii). */
function arc(
  x0: number,
  y0: number,
  rxIn: number,
  ryIn: number,
  degrees: number,
  large: number,
  sweep: number,
  x: number,
  y: number,
  lineTo: (x: number, y: number) => void,
): void {
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0 || (x0 === x && y0 === y)) {
    lineTo(x, y);
    return;
  }
  const phi = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  const dx = (x0 - x) / 2;
  const dy = (y0 - y) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const scale = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (scale > 1) {
    rx *= Math.sqrt(scale);
    ry *= Math.sqrt(scale);
  }
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  const root = (large === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cxp = (root * rx * y1) / ry;
  const cyp = (-root * ry * x1) / rx;
  const cx = cos * cxp - sin * cyp + (x0 + x) / 2;
  const cy = sin * cxp + cos * cyp + (y0 + y) / 2;
  const angle = (ux: number, uy: number) => Math.atan2(uy, ux);
  const start = angle((x1 - cxp) / rx, (y1 - cyp) / ry);
  let delta = angle((-x1 - cxp) / rx, (-y1 - cyp) / ry) - start;
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  for (let i = 1; i <= SEGMENTS; i++) {
    const t = start + (delta * i) / SEGMENTS;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    lineTo(cos * ex - sin * ey + cx, sin * ex + cos * ey + cy);
  }
}

/** Whether (x, y) is inside the polygons by the non-zero winding rule, SVG's default fill rule. */
export function insidePolygons(polygons: readonly Polygon[], x: number, y: number): boolean {
  let winding = 0;
  for (const p of polygons) {
    const n = p.length;
    for (let i = 0; i < n; i += 2) {
      const ax = p[i]!;
      const ay = p[i + 1]!;
      const bx = p[(i + 2) % n]!;
      const by = p[(i + 3) % n]!;
      if (ay <= y) {
        if (by > y && (bx - ax) * (y - ay) - (x - ax) * (by - ay) > 0) winding++;
      } else if (by <= y && (bx - ax) * (y - ay) - (x - ax) * (by - ay) < 0) winding--;
    }
  }
  return winding !== 0;
}
