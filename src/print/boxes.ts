import { PDFDocument } from '@cantoo/pdf-lib';
import type { PdfBox } from './page.ts';

/**
 * Sets each page's exact MediaBox, its TrimBox (where the product is cut) and BleedBox (how far paint runs past
 * it), which Skia's PDF backend does not write. The page content is kept as it is; only the page dictionaries
 * change.
 */
export async function setPageBoxes(
  pdf: Uint8Array,
  pages: { media: PdfBox; trim: PdfBox; bleed: PdfBox }[],
): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  doc.getPages().forEach((page, i) => {
    const { media, trim, bleed } = pages[i];
    // The exact page size (Skia wrote it rounded up to whole points, see page.ts); the crop box follows it.
    page.setMediaBox(media.x, media.y, media.width, media.height);
    page.setCropBox(media.x, media.y, media.width, media.height);
    page.setBleedBox(bleed.x, bleed.y, bleed.width, bleed.height);
    page.setTrimBox(trim.x, trim.y, trim.width, trim.height);
  });
  return doc.save();
}
