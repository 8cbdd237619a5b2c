import { IText, type FabricObject, type ITextProps } from 'fabric/es';

// This module is the only one that pulls fabric's IText (and Text, its
// editing behaviours and SVG mixins, ~20 KB gzipped) into the bundle: it is
// loaded lazily, see loadTextSupport in render/objects.ts.

export function createText(text: string, props: Partial<ITextProps>): IText {
  return new IText(text, props);
}

export function isText(fo: FabricObject): fo is IText {
  return fo instanceof IText;
}
