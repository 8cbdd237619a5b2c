import { IText, type FabricObject } from 'fabric/es';
import { followEditing } from './curve.ts';
import { addBendHandle } from './curve-control.ts';
import { editAlongPath } from './curve-editing.ts';

// The only module that pulls fabric's IText (and Text, its editing
// behaviours and SVG mixins, ~20 KB gzipped) into the build; loaded lazily,
// see loadObjectClasses in render/objects.ts.

export { applyCurve, bendTo, curveOf } from './curve.ts';

export function createText(text: string, props: Record<string, unknown>): IText {
  const fo = new IText(text, props);
  addBendHandle(fo);
  followEditing(fo);
  editAlongPath(fo);
  return fo;
}

export function isText(fo: FabricObject): fo is IText {
  return fo instanceof IText;
}
