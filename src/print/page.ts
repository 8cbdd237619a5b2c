import { Path2D as SkiaPath, PathOp, StrokeJoin } from '@napi-rs/canvas';
import { areaViews } from '../editor/areas.ts';
import type { TemplatePrint, TemplateView } from '../template/types.ts';
import { asSkia, skiaPath } from './skia.ts';

/** PDF points (1/72 in) in a millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** A box in PDF points, from the page's bottom-left corner as PDF counts. */
export interface PdfBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a view lies on its print page, and what of it is printed. */
export interface PageGeometry {
  view: TemplateView;
  print: TemplatePrint;
  /** The view's size on the product. */
  widthMm: number;
  heightMm: number;
  /** The page: the view plus the bleed on every side (= MediaBox = BleedBox). */
  page: PdfBox;
  /** The view itself: where the product is cut. */
  trim: PdfBox;
  /**
   * The page as Skia is asked for it: Skia writes whole points, so it gets the page rounded up, and the exact
   * MediaBox is set afterwards (finish.ts). Skia's content counts y down from the rounded page's top edge.
   */
  skiaPage: { width: number; height: number };
  /** Millimetres per design unit. */
  mmPerUnit: number;
  /** PDF points per design unit. */
  ptPerUnit: number;
  /** The bleed in design units. */
  bleedUnits: number;
  /** Each of the view's areas as a path in design units (fills need them, printed or not). */
  areas: Map<string, Path2D>;
  /** The printed panels grown by the bleed: everything drawn is clipped to it. */
  printed: Path2D;
  /** `printed`'s bounding box in design units, within the page. */
  bounds: { left: number; top: number; right: number; bottom: number };
}

/** The page of a view that has a print size (`view.print`). */
export function pageGeometry(view: TemplateView, print: TemplatePrint): PageGeometry {
  const mmPerUnit = print.widthMm / view.width;
  const heightMm = view.height * mmPerUnit;
  const bleedPt = print.bleedMm * PT_PER_MM;
  const trim = { x: bleedPt, y: bleedPt, width: print.widthMm * PT_PER_MM, height: heightMm * PT_PER_MM };
  const page = { x: 0, y: 0, width: trim.width + 2 * bleedPt, height: trim.height + 2 * bleedPt };
  const bleedUnits = print.bleedMm / mmPerUnit;
  const areas = new Map<string, Path2D>();
  for (const area of view.areas) {
    const path = skiaPath(area.path);
    areas.set(area.id, path);
    // A gradient fill finds its area's box through the view (fill-gradient.ts), as in the studio.
    areaViews.set(path, view);
  }
  const printed = grownPanels(view, print, areas, bleedUnits);
  const [l, t, r, b] = asSkia(printed).getBounds();
  const bounds = {
    left: Math.max(l, -bleedUnits),
    top: Math.max(t, -bleedUnits),
    right: Math.min(r, view.width + bleedUnits),
    bottom: Math.min(b, view.height + bleedUnits),
  };
  return {
    view,
    print,
    widthMm: print.widthMm,
    heightMm,
    page,
    trim,
    skiaPage: { width: Math.ceil(page.width), height: Math.ceil(page.height) },
    mmPerUnit,
    ptPerUnit: mmPerUnit * PT_PER_MM,
    bleedUnits,
    areas,
    printed,
    bounds,
  };
}

/** The union of the printed panels, grown by the bleed (a round join, so corners grow as arcs). */
function grownPanels(view: TemplateView, print: TemplatePrint, areas: Map<string, Path2D>, bleed: number): Path2D {
  const ids = print.panels ?? view.areas.map((a) => a.id);
  let union = asSkia(skiaPath());
  for (const id of ids) union = union.op(asSkia(areas.get(id)!), PathOp.Union);
  // stroke() turns its path into the outline in place: it works on a copy.
  if (bleed > 0)
    union = union.op(new SkiaPath(union).stroke({ width: 2 * bleed, join: StrokeJoin.Round }), PathOp.Union);
  return union as unknown as Path2D;
}

/** An image layer of a view at `dpi`: pixels per design unit, its size (the printed panels' box) in pixels. */
export interface RasterScale {
  pxPerUnit: number;
  widthPx: number;
  heightPx: number;
}

export function rasterScale(geometry: PageGeometry, dpi: number): RasterScale {
  const pxPerUnit = (geometry.mmPerUnit / 25.4) * dpi;
  const { left, top, right, bottom } = geometry.bounds;
  return { pxPerUnit, widthPx: Math.ceil((right - left) * pxPerUnit), heightPx: Math.ceil((bottom - top) * pxPerUnit) };
}
