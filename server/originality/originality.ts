import type { DesignDocument, ImageObject } from '../../src/document/types.ts';
import type { Metrics } from '../../src/protocol/metrics.ts';
import type { Originality } from '../../src/protocol/submission.ts';
import type { TemplateManifest } from '../../src/template/types.ts';
import { areaGrid } from './grid.ts';

/**
 * "Mostly one uploaded image": one upload covers at least 60 % of its view's design areas and the design
 * has fewer than 20 strokes. A hand-painted design has hundreds; a logo with a few touches, a handful.
 */
export const MOSTLY_UPLOAD = { share: 0.6, strokesBelow: 20 } as const;

// Tools whose engaged time is painting by hand (the rest place, type, select or pick).
const PAINT_TOOLS = new Set<string>(['pencil', 'marker', 'spray', 'eraser', 'fill']);

/** Whether (x, y) lies in the image's rectangle as placed: centred at (x, y), scaled, turned by `angle`. */
function covers(image: ImageObject, x: number, y: number): boolean {
  const rad = (-image.angle * Math.PI) / 180;
  const dx = x - image.x;
  const dy = y - image.y;
  const lx = dx * Math.cos(rad) - dy * Math.sin(rad);
  const ly = dx * Math.sin(rad) + dy * Math.cos(rad);
  return (
    Math.abs(lx) <= (image.width * Math.abs(image.scaleX)) / 2 &&
    Math.abs(ly) <= (image.height * Math.abs(image.scaleY)) / 2
  );
}

/**
 * The moderators' originality figures of a stored design, from the validated document itself (never from what
 * the client claims) and the submission's time on task. Upload coverage samples each view's design areas on a
 * grid (`grid.ts`) and counts the cells whose centre lies in a visible upload's placed rectangle: paint over an
 * upload and the image's own transparent pixels are not taken into account. Without the template (an id this
 * server does not know) the coverage is null and nothing is flagged.
 */
export function originalityOf(
  doc: DesignDocument,
  template: TemplateManifest | undefined,
  metrics: Metrics | null,
): Originality {
  let strokes = 0;
  let uploads = 0;
  let areaCells = 0;
  let coveredCells = 0;
  let largestShare = 0;
  for (const view of doc.views) {
    const images: ImageObject[] = [];
    for (const layer of view.layers) {
      if (!layer.visible) continue;
      if (layer.kind === 'paint') strokes += layer.marks.filter((m) => m.type === 'stroke').length;
      else if (layer.object.type === 'image') images.push(layer.object);
    }
    uploads += images.length;
    const templateView = template?.views.find((v) => v.id === view.view);
    if (!templateView) continue;
    const { centres } = areaGrid(templateView);
    const cells = centres.length / 2;
    if (cells === 0) continue;
    areaCells += cells;
    const perImage = new Array<number>(images.length).fill(0);
    for (let i = 0; i < centres.length; i += 2) {
      let hit = false;
      images.forEach((image, k) => {
        if (!covers(image, centres[i]!, centres[i + 1]!)) return;
        perImage[k]!++;
        hit = true;
      });
      if (hit) coveredCells++;
    }
    for (const count of perImage) largestShare = Math.max(largestShare, count / cells);
  }
  const known = template !== undefined && areaCells > 0;
  const uploadShare = known ? coveredCells / areaCells : null;
  const largestUploadShare = known ? largestShare : null;
  return {
    strokes,
    uploads,
    uploadShare: uploadShare === null ? null : round(uploadShare),
    largestUploadShare: largestUploadShare === null ? null : round(largestUploadShare),
    engagedMs: metrics ? metrics.engagedMs : null,
    paintedMs: metrics ? metrics.tools.reduce((ms, t) => ms + (PAINT_TOOLS.has(t.tool) ? t.engagedMs : 0), 0) : null,
    mostlyUpload:
      largestUploadShare !== null && largestUploadShare >= MOSTLY_UPLOAD.share && strokes < MOSTLY_UPLOAD.strokesBelow,
  };
}

/** Shares to three decimals: the grid is not finer than that, and the JSON stays short. */
function round(share: number): number {
  return Math.round(share * 1000) / 1000;
}
