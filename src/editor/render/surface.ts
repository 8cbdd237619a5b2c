/**
 * Where the shared renderers (strokes, fills, spray) get a scratch canvas and a new path. In the browser these
 * are the DOM's; the print renderer (src/print/) runs the same drawing code in Node on Skia (@napi-rs/canvas) and
 * sets its own here, so a stroke is drawn by one piece of code on screen, in a PNG export and in a print file.
 */
export interface Surfaces {
  canvas(width: number, height: number): HTMLCanvasElement;
  path(d?: string): Path2D;
}

let surfaces: Surfaces = {
  canvas(width, height) {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    return canvas;
  },
  path: (d) => new Path2D(d),
};

/** A scratch canvas of the given size. */
export function createCanvas(width: number, height: number): HTMLCanvasElement {
  return surfaces.canvas(width, height);
}

/** An empty path, or one of SVG path data. */
export function createPath(d?: string): Path2D {
  return surfaces.path(d);
}

/** Replaces the DOM's canvas and path (the print renderer in Node). */
export function useSurfaces(next: Surfaces): void {
  surfaces = next;
}
