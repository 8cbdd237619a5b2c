import { createPath } from '../editor/render/surface.ts';

// SVG art (stickers, brand badges) drawn as vector paths on the print page. Skia's PDF canvas can only draw an SVG
// image as pixels, so this draws the plain subset the shipped art is made of — shapes, groups, transforms, clip
// paths, presentation attributes — with the canvas's own paths, and says "no" to anything else (text, gradients,
// `style`, `use`, filters, images…), which the caller then draws as an image at the raster dpi.

interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}

/** A parsed SVG the subset can draw, with its own size (what the browser would give the image). */
export interface VectorSvg {
  root: Node;
  width: number;
  height: number;
  clips: Map<string, Node>;
}

const SHAPES = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polygon', 'polyline']);
const CONTAINERS = new Set(['svg', 'g']);
const INHERITED = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-miterlimit',
  'fill-rule',
  'fill-opacity',
  'stroke-opacity',
];
/** Attributes the subset draws (or that change nothing here); any other makes the art an image. */
const KNOWN = new Set([
  ...INHERITED,
  'xmlns',
  'xmlns:xlink',
  'version',
  'id',
  'd',
  'x',
  'y',
  'width',
  'height',
  'rx',
  'ry',
  'cx',
  'cy',
  'r',
  'x1',
  'y1',
  'x2',
  'y2',
  'points',
  'viewBox',
  'transform',
  'opacity',
  'clip-path',
]);

/** The SVG as a tree the subset can draw, or undefined when it holds anything else. */
export function parseVectorSvg(text: string): VectorSvg | undefined {
  const root = parse(text);
  if (!root || root.tag !== 'svg') return undefined;
  const clips = new Map<string, Node>();
  if (!drawable(root, clips)) return undefined;
  // Every clip path named must exist.
  const refs = collect(root).flatMap((n) => (n.attrs['clip-path'] ? [n.attrs['clip-path']] : []));
  if (!refs.every((r) => clips.has(/^url\(#([^)]+)\)$/.exec(r.trim())![1]))) return undefined;
  const box = viewBox(root);
  const width = length(root.attrs.width) ?? box?.[2];
  const height = length(root.attrs.height) ?? box?.[3];
  if (!width || !height) return undefined;
  return { root, width, height, clips };
}

/** Draws the SVG stretched over the box (x, y, width, height) in the context's units, as drawImage would. */
export function drawVectorSvg(
  ctx: CanvasRenderingContext2D,
  svg: VectorSvg,
  box: { x: number; y: number; width: number; height: number },
): void {
  ctx.save();
  ctx.translate(box.x, box.y);
  ctx.scale(box.width / svg.width, box.height / svg.height);
  const vb = viewBox(svg.root);
  if (vb) {
    // preserveAspectRatio's default: the view box fitted whole and centred (xMidYMid meet).
    const s = Math.min(svg.width / vb[2], svg.height / vb[3]);
    ctx.translate((svg.width - vb[2] * s) / 2, (svg.height - vb[3] * s) / 2);
    ctx.scale(s, s);
    ctx.translate(-vb[0], -vb[1]);
  }
  drawChildren(ctx, svg.root, svg, { fill: '#000000' });
  ctx.restore();
}

type Style = Record<string, string>;

function drawChildren(ctx: CanvasRenderingContext2D, node: Node, svg: VectorSvg, inherited: Style): void {
  for (const child of node.children) {
    if (child.tag === 'defs' || child.tag === 'clipPath') continue;
    const style = { ...inherited };
    for (const name of INHERITED) if (child.attrs[name] !== undefined) style[name] = child.attrs[name];
    ctx.save();
    if (child.attrs.transform) applyTransform(ctx, child.attrs.transform);
    const clip = child.attrs['clip-path'];
    if (clip) ctx.clip(clipPath(svg, clip));
    if (child.tag === 'g') drawChildren(ctx, child, svg, style);
    else paintShape(ctx, child, style, Number(child.attrs.opacity ?? 1));
    ctx.restore();
  }
}

function paintShape(ctx: CanvasRenderingContext2D, node: Node, style: Style, opacity: number): void {
  const path = shapePath(node);
  const fill = style.fill ?? '#000000';
  if (fill !== 'none') {
    ctx.globalAlpha = opacity * Number(style['fill-opacity'] ?? 1);
    ctx.fillStyle = fill;
    ctx.fill(path, style['fill-rule'] === 'evenodd' ? 'evenodd' : 'nonzero');
  }
  const stroke = style.stroke;
  const width = Number(style['stroke-width'] ?? 1);
  if (stroke && stroke !== 'none' && width > 0) {
    ctx.globalAlpha = opacity * Number(style['stroke-opacity'] ?? 1);
    ctx.strokeStyle = stroke;
    ctx.lineWidth = width;
    ctx.lineCap = (style['stroke-linecap'] as CanvasLineCap | undefined) ?? 'butt';
    ctx.lineJoin = (style['stroke-linejoin'] as CanvasLineJoin | undefined) ?? 'miter';
    ctx.miterLimit = Number(style['stroke-miterlimit'] ?? 4);
    ctx.stroke(path);
  }
}

function shapePath(node: Node): Path2D {
  const a = (name: string) => Number(node.attrs[name] ?? 0);
  switch (node.tag) {
    case 'path':
      return createPath(node.attrs.d ?? '');
    case 'rect': {
      const path = createPath();
      const [w, h] = [a('width'), a('height')];
      let [rx, ry] = [node.attrs.rx, node.attrs.ry].map((v) => (v === undefined ? undefined : Number(v)));
      rx ??= ry ?? 0;
      ry ??= rx;
      [rx, ry] = [Math.min(rx, w / 2), Math.min(ry, h / 2)];
      if (rx > 0 && ry > 0) {
        path.roundRect(a('x'), a('y'), w, h, rx === ry ? rx : [{ x: rx, y: ry }]);
      } else path.rect(a('x'), a('y'), w, h);
      return path;
    }
    case 'circle':
    case 'ellipse': {
      const path = createPath();
      const [rx, ry] = node.tag === 'circle' ? [a('r'), a('r')] : [a('rx'), a('ry')];
      path.ellipse(a('cx'), a('cy'), rx, ry, 0, 0, 2 * Math.PI);
      return path;
    }
    case 'line':
      return createPath(`M${a('x1')} ${a('y1')}L${a('x2')} ${a('y2')}`);
    default: {
      const points = (node.attrs.points ?? '').trim();
      return createPath(points ? `M${points}${node.tag === 'polygon' ? 'Z' : ''}` : '');
    }
  }
}

/** A `clip-path="url(#id)"`'s shapes as one path, in the user space of the element it clips. */
function clipPath(svg: VectorSvg, ref: string): Path2D {
  const id = /^url\(#([^)]+)\)$/.exec(ref.trim())![1];
  const path = createPath();
  for (const shape of svg.clips.get(id)!.children) {
    const part = shapePath(shape);
    const m = shape.attrs.transform ? matrixOf(shape.attrs.transform) : undefined;
    path.addPath(part, m);
  }
  return path;
}

/** Whether every element and attribute is in the subset (collecting the clip paths as it goes). */
function drawable(node: Node, clips: Map<string, Node>): boolean {
  if (!CONTAINERS.has(node.tag) && !SHAPES.has(node.tag) && node.tag !== 'defs' && node.tag !== 'clipPath')
    return false;
  for (const [name, value] of Object.entries(node.attrs)) {
    if (!KNOWN.has(name) && !(node.tag === 'clipPath' && name === 'clipPathUnits' && value === 'userSpaceOnUse'))
      return false;
    if (/url\(|currentColor|var\(/i.test(value) && name !== 'clip-path') return false;
    if (name === 'transform' && !matrixOf(value)) return false;
    if (name === 'clip-path' && !/^url\(#[^)]+\)$/.test(value.trim())) return false;
  }
  // A group's opacity applies to the group as one layer; drawn here it would apply to each shape.
  if (node.tag === 'g' && Number(node.attrs.opacity ?? 1) !== 1) return false;
  if (node.tag === 'clipPath') {
    if (!node.attrs.id || node.children.some((c) => !SHAPES.has(c.tag))) return false;
    clips.set(node.attrs.id, node);
  }
  return node.children.every((c) => drawable(c, clips));
}

function collect(node: Node): Node[] {
  return [node, ...node.children.flatMap(collect)];
}

function viewBox(svg: Node): [number, number, number, number] | undefined {
  const v = svg.attrs.viewBox
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  return v?.length === 4 && v.every(Number.isFinite) && v[2] > 0 && v[3] > 0
    ? (v as [number, number, number, number])
    : undefined;
}

/** A length in user units (px or unitless); undefined for percentages and other units. */
function length(v: string | undefined): number | undefined {
  const m = v && /^\s*([\d.]+)(px)?\s*$/.exec(v);
  return m ? Number(m[1]) : undefined;
}

function applyTransform(ctx: CanvasRenderingContext2D, transform: string): void {
  const m = matrixOf(transform)!;
  ctx.transform(m.a, m.b, m.c, m.d, m.e, m.f);
}

/** An SVG transform list as one matrix, or undefined if it is not one. */
function matrixOf(
  transform: string,
): (DOMMatrix2DInit & { a: number; b: number; c: number; d: number; e: number; f: number }) | undefined {
  let [a, b, c, d, e, f] = [1, 0, 0, 1, 0, 0];
  const apply = (n: number[]) => {
    [a, b, c, d, e, f] = [
      a * n[0] + c * n[1],
      b * n[0] + d * n[1],
      a * n[2] + c * n[3],
      b * n[2] + d * n[3],
      a * n[4] + c * n[5] + e,
      b * n[4] + d * n[5] + f,
    ];
  };
  const re = /\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)\s*,?/gy;
  let at = 0;
  for (let m = re.exec(transform); m; m = re.exec(transform)) {
    at = re.lastIndex;
    const n = m[2]
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (n.some((v) => !Number.isFinite(v))) return undefined;
    const rad = ((n[0] ?? 0) * Math.PI) / 180;
    if (m[1] === 'matrix' && n.length === 6) apply(n);
    else if (m[1] === 'translate' && n.length >= 1) apply([1, 0, 0, 1, n[0], n[1] ?? 0]);
    else if (m[1] === 'scale' && n.length >= 1) apply([n[0], 0, 0, n[1] ?? n[0], 0, 0]);
    else if (m[1] === 'rotate' && n.length === 1)
      apply([Math.cos(rad), Math.sin(rad), -Math.sin(rad), Math.cos(rad), 0, 0]);
    else if (m[1] === 'rotate' && n.length === 3) {
      apply([1, 0, 0, 1, n[1], n[2]]);
      apply([Math.cos(rad), Math.sin(rad), -Math.sin(rad), Math.cos(rad), 0, 0]);
      apply([1, 0, 0, 1, -n[1], -n[2]]);
    } else if (m[1] === 'skewX' && n.length === 1) apply([1, 0, Math.tan(rad), 1, 0, 0]);
    else if (m[1] === 'skewY' && n.length === 1) apply([1, Math.tan(rad), 0, 1, 0, 0]);
    else return undefined;
  }
  if (transform.slice(at).trim()) return undefined;
  return { a, b, c, d, e, f };
}

/**
 * A small XML reader for SVG files of the plain kind (the upload check refuses DOCTYPEs and entities): tags,
 * attributes in double or single quotes, comments and the XML declaration skipped. Text content ends the subset.
 */
function parse(text: string): Node | undefined {
  const stack: Node[] = [{ tag: '#root', attrs: {}, children: [] }];
  // A comment or declaration (skipped), a tag (1: "/", 2: name, 3: attributes, 4: "/"), text (5), a stray "<" (6).
  const tagPattern = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.source;
  const re = new RegExp(`<!--[\\s\\S]*?-->|<\\?[\\s\\S]*?\\?>|${tagPattern}|([^<]+)|(<)`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[6]) return undefined;
    if (m[5] !== undefined) {
      if (m[5].trim()) return undefined;
      continue;
    }
    if (!m[2]) continue;
    const [, close, tag, rawAttrs, selfClose] = m;
    if (close) {
      if (stack.pop()?.tag !== tag || !stack.length) return undefined;
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of rawAttrs.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = a[2] ?? a[3];
    const node = { tag, attrs, children: [] };
    stack[stack.length - 1].children.push(node);
    if (!selfClose) stack.push(node);
  }
  const [top] = stack;
  return stack.length === 1 && top.children.length === 1 ? top.children[0] : undefined;
}
