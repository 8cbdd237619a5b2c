import { Ellipse, FabricImage, FabricObject, Polygon, Polyline, Rect, type IText } from 'fabric/es';
import type { DesignDocument, PlacedObject, Placement, ShapeObject, TextObject } from '../../document/types.ts';

type TextSupport = typeof import('../tools/text/text-object.ts');

// fabric's IText is a fifth of the bundle and the first paint rarely needs
// it: it loads when the text tool is chosen, in idle time after start-up, or
// before a design that holds text is shown (OpenTemplate.preload).
let textSupport: TextSupport | undefined;
let textLoading: Promise<TextSupport> | undefined;

/** Loads fabric's text classes once; later calls share the same promise. */
export function loadTextSupport(): Promise<void> {
  textLoading ??= import('../tools/text/text-object.ts').then(
    (m) => (textSupport = m),
    (err: unknown) => {
      textLoading = undefined; // a flaky network gets another try on the next call
      throw err;
    },
  );
  return textLoading.then(() => undefined);
}

export function textSupportLoaded(): boolean {
  return !!textSupport;
}

/** Loads the lazy object classes a design needs before it can be shown synchronously. */
export async function loadObjectSupport(doc: DesignDocument): Promise<void> {
  const hasText = doc.views.some((v) => v.layers.some((l) => l.kind === 'object' && l.object.type === 'text'));
  if (hasText) await loadTextSupport();
}

export interface ObjectAssets {
  /** A decoded image for an image src or a sticker id. */
  image(obj: PlacedObject): HTMLImageElement | undefined;
}

const common = {
  originX: 'center',
  originY: 'center',
  objectCaching: false,
  cornerStyle: 'circle',
  transparentCorners: false,
  borderScaleFactor: 1.5,
  padding: 4,
} as const;

/** Builds the fabric object that shows a placed object. */
export function createFabricObject(obj: PlacedObject, assets: ObjectAssets): FabricObject {
  const placement = placementProps(obj);
  switch (obj.type) {
    case 'text':
      if (!textSupport) throw new Error('Text objects need loadTextSupport() (or loadObjectSupport(doc)) first');
      return textSupport.createText(obj.text, { ...common, ...placement, ...textProps(obj) });
    case 'shape':
      return createShape(obj, placement);
    case 'image':
    case 'sticker': {
      const img = assets.image(obj) ?? document.createElement('canvas');
      // The image's own pixels are scaled so that scale 1 means the stored width/height.
      return new FabricImage(img, {
        ...common,
        ...placement,
        scaleX: (obj.scaleX * obj.width) / (img.width || 1),
        scaleY: (obj.scaleY * obj.height) / (img.height || 1),
      });
    }
  }
}

function placementProps(p: Placement) {
  return { left: p.x, top: p.y, scaleX: p.scaleX, scaleY: p.scaleY, angle: p.angle };
}

function textProps(t: TextObject) {
  return {
    fontFamily: t.font,
    fontSize: t.size,
    fill: t.color,
    fontWeight: t.bold ? 'bold' : 'normal',
    fontStyle: t.italic ? ('italic' as const) : ('normal' as const),
  };
}

function createShape(s: ShapeObject, placement: ReturnType<typeof placementProps>): FabricObject {
  const paint = { ...common, ...placement, fill: s.fill ?? 'transparent', stroke: s.stroke ?? undefined, strokeWidth: s.stroke ? s.strokeWidth : 0 };
  switch (s.shape) {
    case 'rect':
      return new Rect({ ...paint, width: s.width, height: s.height });
    case 'ellipse':
      return new Ellipse({ ...paint, rx: s.width / 2, ry: s.height / 2 });
    case 'line':
      return new Polyline([{ x: -s.width / 2, y: 0 }, { x: s.width / 2, y: 0 }], { ...paint, fill: 'transparent', stroke: s.stroke ?? s.fill ?? '#000000', strokeWidth: s.strokeWidth, strokeLineCap: 'round' });
    case 'star':
      return new Polygon(starPoints(s.width, s.height, s.sides ?? 5), paint);
    case 'polygon':
      return new Polygon(regularPolygon(s.width, s.height, s.sides ?? 6), paint);
  }
}

export function starPoints(w: number, h: number, points: number): { x: number; y: number }[] {
  const out = [];
  for (let i = 0; i < points * 2; i++) {
    const r = i % 2 === 0 ? 1 : 0.45;
    const a = (Math.PI * i) / points - Math.PI / 2;
    out.push({ x: (Math.cos(a) * r * w) / 2, y: (Math.sin(a) * r * h) / 2 });
  }
  return out;
}

export function regularPolygon(w: number, h: number, sides: number): { x: number; y: number }[] {
  const out = [];
  for (let i = 0; i < sides; i++) {
    const a = (Math.PI * 2 * i) / sides - Math.PI / 2;
    out.push({ x: (Math.cos(a) * w) / 2, y: (Math.sin(a) * h) / 2 });
  }
  return out;
}

/** Reads a transformed fabric object back into the placed object it shows. */
export function readPlacement<T extends PlacedObject>(obj: T, fo: FabricObject): T {
  const center = fo.getCenterPoint();
  let scaleX = fo.scaleX ?? 1;
  let scaleY = fo.scaleY ?? 1;
  if (obj.type === 'image' || obj.type === 'sticker') {
    const img = (fo as FabricImage).getElement() as HTMLImageElement;
    scaleX = (scaleX * (img.width || 1)) / obj.width;
    scaleY = (scaleY * (img.height || 1)) / obj.height;
  }
  const next = { ...obj, x: round(center.x), y: round(center.y), scaleX: round(scaleX, 1e4), scaleY: round(scaleY, 1e4), angle: round(fo.angle ?? 0, 1e3) };
  if (obj.type === 'text') (next as TextObject).text = (fo as IText).text;
  return next;
}

function round(v: number, f = 1e3): number {
  return Math.round(v * f) / f;
}

/** Updates a fabric object in place to show a changed placed object. */
export function updateFabricObject(fo: FabricObject, obj: PlacedObject, assets: ObjectAssets): boolean {
  if (obj.type === 'text' && textSupport?.isText(fo)) {
    fo.set({ text: obj.text, ...textProps(obj), ...placementProps(obj) });
    fo.setCoords();
    return true;
  }
  if ((obj.type === 'image' || obj.type === 'sticker') && fo instanceof FabricImage) {
    const img = assets.image(obj);
    if (img !== fo.getElement()) return false;
    fo.set({ ...placementProps(obj), scaleX: (obj.scaleX * obj.width) / (img.width || 1), scaleY: (obj.scaleY * obj.height) / (img.height || 1) });
    fo.setCoords();
    return true;
  }
  // Shapes change geometry with their properties: the caller rebuilds them.
  return false;
}

/** A text or shape object in a new colour, font or size (the style panel acts on the selection). */
export function restyled(o: PlacedObject, patch: { color?: string; font?: string; fontSize?: number }): PlacedObject {
  if (o.type === 'text') return { ...o, color: patch.color ?? o.color, font: patch.font ?? o.font, size: patch.fontSize ?? o.size };
  if (o.type === 'shape' && patch.color) return o.fill ? { ...o, fill: patch.color } : { ...o, stroke: patch.color };
  return o;
}
