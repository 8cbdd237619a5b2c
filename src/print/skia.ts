import { Canvas, Path2D as SkiaPath } from '@napi-rs/canvas';
import { useSurfaces } from '../editor/render/surface.ts';

// @napi-rs/canvas implements the Canvas 2D API on Skia; its classes stand in for the DOM's (the shared renderers
// only use what both have), so the casts below are the one place the two type worlds meet.

/** A Skia canvas as the shared renderers take it. */
export function skiaCanvas(width: number, height: number): HTMLCanvasElement {
  return new Canvas(width, height) as unknown as HTMLCanvasElement;
}

/** A Skia path as the shared renderers take it. */
export function skiaPath(d?: string): Path2D {
  return (d === undefined ? new SkiaPath() : new SkiaPath(d)) as unknown as Path2D;
}

/** The Skia path behind a shared renderer's path, for the path operations the DOM's Path2D lacks. */
export function asSkia(path: Path2D): SkiaPath {
  return path as unknown as SkiaPath;
}

let installed = false;

/** Makes the shared renderers (strokes, fills, spray) draw on Skia: called before every print job. */
export function useSkia(): void {
  if (installed) return;
  useSurfaces({ canvas: skiaCanvas, path: skiaPath });
  installed = true;
}
