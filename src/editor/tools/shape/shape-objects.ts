import { Ellipse, Gradient, Polygon, Polyline, Rect, type FabricObject } from 'fabric/es';
import type { ShapeObject } from '../../../document/types.ts';
import { gradientCoords } from '../../render/fill-gradient.ts';
import { regularPolygon, starPoints } from '../../render/shape-outline.ts';

// fabric's Rect, Ellipse, Polyline and Polygon, loaded lazily (see
// loadObjectClasses in render/objects.ts): the first paint never needs them.

/** `paint` holds the placement, fill and stroke shared by every shape. */
export function createShape(s: ShapeObject, paint: Record<string, unknown>): FabricObject {
  const shape = createOutline(s, paint);
  const g = s.fillGradient;
  // In fabric's 'pixels' units a gradient runs in the shape's own box, from its top-left corner.
  if (g && s.shape !== 'line') {
    const box = { x: 0, y: 0, width: shape.width, height: shape.height };
    const colorStops = g.stops.map((stop) => ({ offset: stop.at, color: stop.color }));
    shape.set(
      'fill',
      new Gradient({ type: g.type, gradientUnits: 'pixels', coords: gradientCoords(g, box), colorStops }),
    );
  }
  return shape;
}

function createOutline(s: ShapeObject, paint: Record<string, unknown>): FabricObject {
  switch (s.shape) {
    case 'rect':
      return new Rect({ ...paint, width: s.width, height: s.height });
    case 'ellipse':
      return new Ellipse({ ...paint, rx: s.width / 2, ry: s.height / 2 });
    case 'line':
      return new Polyline(
        [
          { x: -s.width / 2, y: 0 },
          { x: s.width / 2, y: 0 },
        ],
        {
          ...paint,
          fill: 'transparent',
          stroke: s.stroke ?? s.fill ?? '#000000',
          strokeWidth: s.strokeWidth,
          strokeLineCap: 'round',
        },
      );
    case 'star':
      return new Polygon(starPoints(s.width, s.height, s.sides ?? 5), paint);
    case 'polygon':
      return new Polygon(regularPolygon(s.width, s.height, s.sides ?? 6), paint);
  }
}
