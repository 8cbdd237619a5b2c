import type { FabricImage, FabricObject, IText } from 'fabric/es';
import type {
  DesignDocument,
  Gradient,
  PlacedObject,
  Placement,
  ShapeObject,
  TextObject,
} from '../../document/types.ts';

// fabric's text, shape and image classes are a third of the bundle and the
// first paint needs none of them. Each kind loads as a chunk of its own when
// its tool is chosen, in idle time after start-up, or before a design that
// holds it is shown (OpenTemplate.preload), so that the scene, thumbnails and
// the exporter can still build objects synchronously.
const chunks = {
  text: () => withContrast(import('../tools/text/text-object.ts')),
  shape: () => withContrast(import('../tools/shape/shape-objects.ts')),
  image: () => import('../tools/image/image-object.ts'),
};
export type ObjectClasses = keyof typeof chunks;

// A new text or shape is checked against the colour it would sit on (../contrast.ts) as it is placed,
// synchronously: that code comes with their classes.
let contrast: typeof import('../contrast.ts') | undefined;
function withContrast<T>(chunk: Promise<T>): Promise<T> {
  return Promise.all([chunk, import('../contrast.ts')]).then(([m, c]) => {
    contrast = c;
    return m;
  });
}
/** The contrast check, once a text or shape chunk has loaded. */
export const contrastCheck = () => contrast;
type Loaded = { [K in ObjectClasses]?: Awaited<ReturnType<(typeof chunks)[K]>> };

const loaded: Loaded = {};
const loading: { [K in ObjectClasses]?: Promise<unknown> } = {};

/** Loads one kind's classes once; later calls share the same promise. */
export function loadObjectClasses(kind: ObjectClasses): Promise<void> {
  loading[kind] ??= chunks[kind]().then(
    (m) => Object.assign(loaded, { [kind]: m }),
    (err: unknown) => {
      delete loading[kind]; // a flaky network gets another try on the next call
      throw err;
    },
  );
  return loading[kind].then(() => undefined);
}

export function objectClassesLoaded(kind: ObjectClasses): boolean {
  return !!loaded[kind];
}

export const classesFor = (o: PlacedObject): ObjectClasses => (o.type === 'sticker' ? 'image' : o.type);

/** Loads the lazy object classes a design needs before it can be shown synchronously. */
export async function loadObjectSupport(doc: DesignDocument): Promise<void> {
  const kinds = new Set(
    doc.views.flatMap((v) => v.layers.flatMap((l) => (l.kind === 'object' ? [classesFor(l.object)] : []))),
  );
  await Promise.all([...kinds].map(loadObjectClasses));
}

/**
 * For a tool: runs `place` at once when `kind` is loaded (inside the tap, so
 * a phone may open its keyboard), else when the chunk arrives, unless
 * `stillWanted` says the customer has moved on by then.
 */
export function whenLoaded(kind: ObjectClasses, place: () => void, stillWanted: () => boolean): void {
  if (loaded[kind]) return place();
  loadObjectClasses(kind).then(
    () => stillWanted() && place(),
    (err: unknown) => console.error(`co-design-studio: the ${kind} tool could not load`, err),
  );
}

function need<K extends ObjectClasses>(kind: K): NonNullable<Loaded[K]> {
  const m = loaded[kind];
  if (!m) throw new Error(`${kind} objects need loadObjectClasses('${kind}') (or loadObjectSupport(doc)) first`);
  return m as NonNullable<Loaded[K]>;
}

export interface ObjectAssets {
  /** A decoded image for an image src or a sticker id. */
  image(obj: PlacedObject): HTMLImageElement | undefined;
  /** The path data of a template path (`paths` of a view) that text can follow. */
  path?(id: string): string | undefined;
  /** The template's shipped font a text is drawn with (src/editor/fonts/); none: its stored CSS font-family. */
  textFace?(obj: TextObject): { fontFamily: string; opacity: number } | undefined;
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
    case 'text': {
      const text = need('text');
      const fo = text.createText(obj.text, { ...common, ...placement, ...textProps(obj, assets) });
      text.applyCurve(fo, obj.curve, assets.path);
      return fo;
    }
    case 'shape':
      return need('shape').createShape(obj, shapePaint(obj, placement));
    case 'image':
    case 'sticker': {
      const img = assets.image(obj) ?? document.createElement('canvas');
      // The image's own pixels are scaled so that scale 1 means the stored width/height.
      return need('image').createImage(img, {
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

function textProps(t: TextObject, assets: ObjectAssets) {
  return {
    fontFamily: t.font,
    ...assets.textFace?.(t),
    fontSize: t.size,
    fill: t.color,
    fontWeight: t.bold ? 'bold' : 'normal',
    fontStyle: t.italic ? ('italic' as const) : ('normal' as const),
  };
}

function shapePaint(s: ShapeObject, placement: ReturnType<typeof placementProps>) {
  return {
    ...common,
    ...placement,
    fill: s.fill ?? 'transparent',
    stroke: s.stroke ?? undefined,
    strokeWidth: s.stroke ? s.strokeWidth : 0,
  };
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
  const next = {
    ...obj,
    x: round(center.x),
    y: round(center.y),
    scaleX: round(scaleX, 1e4),
    scaleY: round(scaleY, 1e4),
    angle: round(fo.angle ?? 0, 1e3),
  };
  if (obj.type === 'text') readText(next as TextObject, fo as IText);
  return next;
}

/** The text and its curve (a bend handle's drag changes only the fabric object). */
function readText(next: TextObject, fo: IText): void {
  next.text = fo.text;
  const curve = loaded.text ? loaded.text.curveOf(fo) : next.curve;
  if (curve) next.curve = curve;
  else delete next.curve;
}

function round(v: number, f = 1e3): number {
  return Math.round(v * f) / f;
}

/** Updates a fabric object in place to show a changed placed object. */
export function updateFabricObject(fo: FabricObject, obj: PlacedObject, assets: ObjectAssets): boolean {
  if (obj.type === 'text' && loaded.text?.isText(fo)) {
    fo.set({ text: obj.text, ...textProps(obj, assets), ...placementProps(obj) });
    loaded.text.applyCurve(fo, obj.curve, assets.path);
    fo.setCoords();
    return true;
  }
  if ((obj.type === 'image' || obj.type === 'sticker') && loaded.image?.isImage(fo)) {
    const img = assets.image(obj);
    if (img !== fo.getElement()) return false;
    fo.set({
      ...placementProps(obj),
      scaleX: (obj.scaleX * obj.width) / (img.width || 1),
      scaleY: (obj.scaleY * obj.height) / (img.height || 1),
    });
    fo.setCoords();
    return true;
  }
  // Shapes change geometry with their properties: the caller rebuilds them.
  return false;
}

/** A text or shape object in a new colour, font or size (the style panel acts on the selection). */
export function restyled(
  o: PlacedObject,
  patch: { color?: string; font?: string; fontSize?: number; gradient?: Gradient },
): PlacedObject {
  if (o.type === 'text')
    return { ...o, color: patch.color ?? o.color, font: patch.font ?? o.font, size: patch.fontSize ?? o.size };
  // A gradient goes on a filled shape (its first stop is the fill); a plain colour makes it solid again.
  if (o.type === 'shape' && o.fill && 'gradient' in patch) return withGradient(o, patch.gradient);
  if (o.type === 'shape' && patch.color)
    return o.fill ? withGradient({ ...o, fill: patch.color }, undefined) : { ...o, stroke: patch.color };
  return o;
}

function withGradient(o: ShapeObject, gradient: Gradient | undefined): ShapeObject {
  const { fillGradient: _old, ...rest } = o;
  return gradient ? { ...rest, fill: gradient.stops[0].color, fillGradient: gradient } : rest;
}
