/** Designs for the print job specs: submissions whose print files take milliseconds, or seconds. */
import { paint, stroke } from '../print/designs.ts';
import { submission } from './support.ts';

/** A roadster design with a few pencil and marker strokes on the side: vectors only, made in milliseconds. */
export function drawnDesign() {
  const design = submission().design;
  design.views[0].layers = [
    paint('paint-side', [
      stroke('pencil', '#d02020', 12, [
        [100, 100],
        [300, 180],
        [500, 120],
      ]),
      stroke('marker', '#2040d0', 30, [
        [120, 300],
        [600, 320],
      ]),
    ]),
  ];
  return design;
}

/**
 * A design that takes the renderer seconds, not milliseconds: four paint layers with an eraser stroke each,
 * every one printed as a 150-dpi image of the roadster's whole side.
 */
export function slowDesign(layers = 4) {
  const design = submission().design;
  design.views[0].layers = Array.from({ length: layers }, (_, i) =>
    paint(`slow-${i}`, [
      stroke('pencil', '#d02020', 40, [
        [100, 100 + 50 * i],
        [900, 300],
      ]),
      stroke('eraser', '#000000', 30, [
        [120, 120 + 50 * i],
        [800, 280],
      ]),
    ]),
  );
  return design;
}

/** Valid, but past the print limits: nine image layers of the side (the renderer's pre-flight takes eight). */
export function tooLargeDesign() {
  return slowDesign(9);
}
