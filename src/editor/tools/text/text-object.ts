import { IText, type FabricObject } from 'fabric/es';

// The only module that pulls fabric's IText (and Text, its editing
// behaviours and SVG mixins, ~20 KB gzipped) into the build; loaded lazily,
// see loadObjectClasses in render/objects.ts.

export function createText(text: string, props: Record<string, unknown>): IText {
  return new IText(text, props);
}

export function isText(fo: FabricObject): fo is IText {
  return fo instanceof IText;
}
