import { PDFDocument } from '@cantoo/pdf-lib';
import { addCutContour } from './cut-contour.ts';
import type { LayerImages } from './layer-image.ts';
import { addSrgbIntent } from './output-intent.ts';
import type { PdfBox } from './page.ts';

/** What Skia's PDF lacks, per page: the exact boxes, and the cut line's path (none: no cut line). */
export interface PageFinish {
  media: PdfBox;
  trim: PdfBox;
  bleed: PdfBox;
  cut?: string;
}

/**
 * Finishes Skia's PDF with pdf-lib: each page's exact MediaBox, its TrimBox (where the product is cut) and
 * BleedBox (how far paint runs past it), which Skia does not write; the image layers in their stand-ins' places;
 * the CutContour line; the sRGB output intent.
 * Skia's page content is kept as it is.
 */
export async function finishPdf(pdf: Uint8Array, pages: PageFinish[], images: LayerImages): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  images.swapInto(doc);
  doc.getPages().forEach((page, i) => {
    const { media, trim, bleed, cut } = pages[i];
    // The exact page size (Skia wrote it rounded up to whole points, see page.ts); the crop box follows it.
    page.setMediaBox(media.x, media.y, media.width, media.height);
    page.setCropBox(media.x, media.y, media.width, media.height);
    page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
    page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
    if (cut) addCutContour(doc, page, cut);
  });
  await addSrgbIntent(doc);
  return doc.save();
}
