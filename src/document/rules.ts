/**
 * Rules across fields and items that the schema cannot state: unique ids,
 * marks per view, and fields that only some tools or shapes may carry.
 */
import { designInvalid } from './issues.ts';
import { DOCUMENT_LIMITS as L } from './limits.ts';
import type { DesignDocument, Fill, Gradient, ImageObject, Mark, PlacedObject, Stroke } from './types.ts';

function checkStroke(stroke: Stroke, path: string): void {
  const points = stroke.pts.length / 2;
  // Any tool may carry pressure (a pen records it); only pencil and eraser draw with it.
  if (stroke.pressure !== undefined && stroke.pressure.length !== points) {
    throw designInvalid(`${path}.pressure`, `expected one value per point (${points}), got ${stroke.pressure.length}`);
  }
  const spray = stroke.tool === 'spray';
  for (const key of ['seed', 'density'] as const) {
    if (spray && stroke[key] === undefined)
      throw designInvalid(`${path}.${key}`, 'a spray stroke needs a seed and a density');
    if (!spray && stroke[key] !== undefined) throw designInvalid(`${path}.${key}`, `only spray strokes carry a ${key}`);
  }
  if (!spray && stroke.style !== undefined) throw designInvalid(`${path}.style`, 'only spray strokes carry a style');
  if (stroke.drips && stroke.style === undefined) {
    throw designInvalid(`${path}.drips`, 'only spray strokes of style 2 drip');
  }
}

function checkFill(fill: Fill, path: string): void {
  if (fill.under && fill.region) throw designInvalid(`${path}.under`, 'a bucket fill (region) is never a base coat');
  if (fill.gradient) checkGradient(fill.gradient, `${path}.gradient`);
  const entries = fill.region?.reduce((n, ring) => n + ring.length, 0) ?? 0;
  if (entries > L.regionEntries) {
    throw designInvalid(`${path}.region`, `expected at most ${L.regionEntries} entries in all rings, got ${entries}`);
  }
}

function checkGradient(gradient: Gradient, path: string): void {
  if (gradient.type === 'radial' && gradient.angle !== undefined)
    throw designInvalid(`${path}.angle`, 'only a linear gradient has an angle');
  gradient.stops.forEach((stop, i) => {
    if (i > 0 && stop.at < gradient.stops[i - 1].at)
      throw designInvalid(`${path}.stops[${i}].at`, 'expected the stops in order of "at"');
  });
}

function checkObject(object: PlacedObject, path: string): void {
  // fabric sets every line of a text on the same curve: curved text is one line.
  if (object.type === 'text' && object.curve && object.text.includes('\n'))
    throw designInvalid(`${path}.text`, 'curved text is one line, without line breaks');
  if (object.type !== 'shape') return;
  if (object.fillGradient) {
    if (object.fill === null || object.shape === 'line')
      throw designInvalid(`${path}.fillGradient`, 'only a filled shape (not a line) has a fill gradient');
    checkGradient(object.fillGradient, `${path}.fillGradient`);
  }
  if (object.sides !== undefined && object.shape !== 'star' && object.shape !== 'polygon') {
    throw designInvalid(`${path}.sides`, `only stars and polygons have sides, not a ${object.shape}`);
  }
  if (object.shape === 'line' ? object.height !== 0 : object.height <= 0) {
    throw designInvalid(
      `${path}.height`,
      object.shape === 'line' ? 'a line has height 0' : 'expected a number above 0',
    );
  }
}

/** A paint layer's `times`: a pair per mark, durations within bounds (a fill's 0), the decoded clock in range. */
function checkTimes(marks: readonly Mark[], times: readonly number[], path: string): void {
  if (times.length !== 2 * marks.length)
    throw designInvalid(path, `expected two entries per mark (${2 * marks.length}), got ${times.length}`);
  let clock = 0;
  for (let m = 0; m < marks.length; m++) {
    const duration = times[2 * m + 1];
    if (duration < 0 || duration > L.strokeTicks)
      throw designInvalid(
        path,
        `expected a duration from 0 to ${L.strokeTicks} at index ${2 * m + 1}, got ${duration}`,
      );
    if (marks[m].type === 'fill' && duration !== 0)
      throw designInvalid(path, `a fill lasts 0, got ${duration} at index ${2 * m + 1}`);
    // A gap may go back in time (the mirror image of a stroke starts with it), never before the clock's 0.
    const start = clock + times[2 * m];
    clock = start + duration;
    if (start < 0 || clock > L.clockTicks)
      throw designInvalid(path, `mark ${m} lies outside 0 to ${L.clockTicks} once decoded`);
  }
}

/** Throws `design-invalid` at the first broken rule of a schema-valid document. */
export function checkDocumentRules(doc: DesignDocument): void {
  const viewIds = new Set<string>();
  doc.views.forEach((view, v) => {
    if (viewIds.has(view.view)) throw designInvalid(`views[${v}].view`, `duplicate view id "${view.view}"`);
    viewIds.add(view.view);
    const layerIds = new Set<string>();
    let marks = 0;
    view.layers.forEach((layer, l) => {
      const path = `views[${v}].layers[${l}]`;
      if (layerIds.has(layer.id)) throw designInvalid(`${path}.id`, `duplicate layer id "${layer.id}" in this view`);
      layerIds.add(layer.id);
      if (layer.kind === 'object') {
        checkObject(layer.object, `${path}.object`);
        return;
      }
      marks += layer.marks.length;
      if (marks > L.marksPerView) {
        throw designInvalid(`${path}.marks`, `more than ${L.marksPerView} marks in this view`, {
          limit: L.marksPerView,
        });
      }
      layer.marks.forEach((mark, m) => {
        if (mark.type === 'stroke') checkStroke(mark, `${path}.marks[${m}]`);
        else checkFill(mark, `${path}.marks[${m}]`);
      });
      if (layer.times) checkTimes(layer.marks, layer.times, `${path}.times`);
    });
  });
}

export interface ImageEntry {
  /** e.g. `views[0].layers[2].object` */
  path: string;
  image: ImageObject;
}

/**
 * Every image of a document with its path: the hook for deep content checks
 * (decoding, dimensions, SVG sanitising) that live outside this pure module.
 */
export function listImages(doc: DesignDocument): ImageEntry[] {
  const images: ImageEntry[] = [];
  doc.views.forEach((view, v) =>
    view.layers.forEach((layer, l) => {
      if (layer.kind === 'object' && layer.object.type === 'image') {
        images.push({ path: `views[${v}].layers[${l}].object`, image: layer.object });
      }
    }),
  );
  return images;
}
