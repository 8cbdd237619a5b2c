import { FabricImage, type FabricObject } from 'fabric/es';

// fabric's FabricImage (with its filter backends, ~4 KB gzipped) shows images
// and stickers; loaded lazily, see loadObjectClasses in render/objects.ts.

export function createImage(img: HTMLImageElement | HTMLCanvasElement, props: Record<string, unknown>): FabricObject {
  return new FabricImage(img, props);
}

export function isImage(fo: FabricObject): fo is FabricImage {
  return fo instanceof FabricImage;
}
