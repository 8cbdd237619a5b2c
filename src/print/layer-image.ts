import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, type PDFDocument, type PDFRef } from '@cantoo/pdf-lib';
import { Deflater } from './deflate.ts';
import { skiaCanvas } from './skia.ts';

// An image layer goes into the PDF as ONE image, however many strips drew it: separate strip images each get their
// edge antialiased by a PDF viewer, and where two meet a light seam shows. Skia's PDF canvas takes only whole
// bitmaps, so the page gets a 1 × 1 stand-in of a colour of its own, drawn where the layer goes; once Skia is done,
// pdf-lib puts the layer's image, deflated strip by strip as it was drawn, in the stand-in's place. An image fills
// the unit square whatever its pixel size, so the stand-in's placement holds for the whole image.

/** A layer's pixels, deflated: colour (RGB) and alpha (the soft mask) apart, as PDF keeps them. */
export interface LayerImage {
  width: number;
  height: number;
  rgb: Uint8Array;
  alpha: Uint8Array;
}

/** The layer images of one job, by the stand-in colour each was drawn with (its index + 1 as 0xRRGGBB). */
export class LayerImages {
  readonly images: LayerImage[] = [];

  /** Keeps the image; returns the stand-in to draw in its place. */
  add(image: LayerImage): HTMLCanvasElement {
    this.images.push(image);
    const key = this.images.length;
    const standIn = skiaCanvas(1, 1);
    const ctx = standIn.getContext('2d')!;
    ctx.fillStyle = `rgb(${(key >> 16) & 255}, ${(key >> 8) & 255}, ${key & 255})`;
    ctx.fillRect(0, 0, 1, 1);
    return standIn;
  }

  /** Puts each image in its stand-in's place in the PDF Skia wrote. */
  swapInto(doc: PDFDocument): void {
    if (!this.images.length) return;
    const context = doc.context;
    const found = new Set<number>();
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      const key = standInKey(object);
      if (!key) continue;
      const image = this.images[key - 1];
      const colourSpace = (object as PDFRawStream).dict.get(PDFName.of('ColorSpace'));
      swap(doc, ref, image, colourSpace);
      found.add(key);
    }
    if (found.size !== this.images.length)
      throw new Error(`print: ${this.images.length - found.size} image layers lost their place in the PDF`);
  }
}

/** The stand-in key of a 1 × 1 image, or 0. */
function standInKey(object: unknown): number {
  if (!(object instanceof PDFRawStream)) return 0;
  const dict = object.dict;
  if (dict.get(PDFName.of('Subtype'))?.toString() !== '/Image') return 0;
  if (dict.get(PDFName.of('Width'))?.toString() !== '1' || dict.get(PDFName.of('Height'))?.toString() !== '1') return 0;
  const px = decodePDFRawStream(object).decode();
  return px.length === 3 ? (px[0] << 16) | (px[1] << 8) | px[2] : 0;
}

function swap(doc: PDFDocument, ref: PDFRef, image: LayerImage, colourSpace: unknown): void {
  const context = doc.context;
  const mask = context.stream(image.alpha, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.width,
    Height: image.height,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
  });
  const picture = context.stream(image.rgb, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: image.width,
    Height: image.height,
    BitsPerComponent: 8,
    Filter: 'FlateDecode',
    SMask: context.register(mask),
  });
  picture.dict.set(PDFName.of('ColorSpace'), (colourSpace as PDFArray | undefined) ?? PDFName.of('DeviceRGB'));
  context.assign(ref, picture);
}

/** Deflates a layer's strips as they are drawn: RGB and alpha apart, no whole bitmap held. */
export class LayerImageWriter {
  private readonly rgb = new Deflater();
  private readonly alpha = new Deflater();

  constructor(
    readonly width: number,
    readonly height: number,
  ) {}

  async add(rgba: Uint8ClampedArray, rows: number): Promise<void> {
    const pixels = this.width * rows;
    const rgb = new Uint8Array(pixels * 3);
    const alpha = new Uint8Array(pixels);
    for (let i = 0, j = 0; i < pixels; i++, j += 4) {
      rgb[i * 3] = rgba[j];
      rgb[i * 3 + 1] = rgba[j + 1];
      rgb[i * 3 + 2] = rgba[j + 2];
      alpha[i] = rgba[j + 3];
    }
    await Promise.all([this.rgb.write(rgb), this.alpha.write(alpha)]);
  }

  async finish(): Promise<LayerImage> {
    const [rgb, alpha] = await Promise.all([this.rgb.finish(), this.alpha.finish()]);
    return { width: this.width, height: this.height, rgb, alpha };
  }

  abort(): void {
    this.rgb.abort();
    this.alpha.abort();
  }
}
