import { Canvas, PDFDocument as SkiaPdf } from '@napi-rs/canvas';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream, PDFString } from '@cantoo/pdf-lib';

/** What the intent says the colours mean: the ICC registry's name for sRGB. */
const CONDITION = 'sRGB IEC61966-2.1';

let profile: Promise<Uint8Array> | undefined;

/**
 * The sRGB ICC profile Skia writes (skcms, Skia's BSD licence; 536 bytes, ICC v4): Skia tags every image it puts
 * in a PDF with it, so the page's images and the intent name one profile. It is taken from a one-image PDF made
 * once per process, rather than shipped as a file of ours.
 */
function srgbProfile(): Promise<Uint8Array> {
  profile ??= (async () => {
    const skia = new SkiaPdf();
    const ctx = skia.beginPage(1, 1) as unknown as globalThis.CanvasRenderingContext2D;
    ctx.drawImage(new Canvas(1, 1) as unknown as HTMLCanvasElement, 0, 0);
    skia.endPage();
    const doc = await PDFDocument.load(skia.close());
    for (const [, object] of doc.context.enumerateIndirectObjects())
      if (object instanceof PDFRawStream && object.dict.get(PDFName.of('N')))
        return decodePDFRawStream(object).decode();
    throw new Error('Skia wrote no ICC profile');
  })();
  return profile;
}

/**
 * Says the file's colours are sRGB: an output intent with the sRGB profile. `GTS_PDFX` is the intent type print
 * workflows read; the file claims no PDF/X conformance (no `GTS_PDFXVersion`): no validator here could confirm it.
 */
export async function addSrgbIntent(doc: PDFDocument): Promise<void> {
  const context = doc.context;
  const icc = context.flateStream(await srgbProfile(), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(CONDITION),
    Info: PDFString.of(CONDITION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(icc),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
}
