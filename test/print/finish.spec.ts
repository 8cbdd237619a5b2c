import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from '@cantoo/pdf-lib';
import { renderPrintPdf } from '../../src/print/index.ts';
import { design, paint, shippedTemplate } from './designs.ts';
import { poppler, renderPage } from './poppler.ts';

const deck = shippedTemplate('skate-deck');
const blueDeck = design(deck, 'top', [paint('paint', [{ type: 'fill', area: 'deck', color: '#2040c0' }])]);

/** Page pixels (at 100 dpi) down a column of the deck's top view that crosses its top edge at y = 54 units. */
function acrossTopEdge(pdf: Uint8Array): string[] {
  const page = renderPage(pdf, 1, 100);
  const x = ((3.2 + 800 * (864.7 / 1600)) / 25.4) * 100;
  const edge = ((3.2 + 54 * (864.7 / 1600)) / 25.4) * 100;
  return Array.from({ length: 12 }, (_, i) => page.at(x, edge - 6 + i));
}
const magenta = (c: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  // White fading to the deck's blue never has more red than green; the cut line's magenta, even blended, does.
  return r > g + 40 && b > 100;
};

describe('print PDF: cut line and colour', () => {
  it('strokes each printed panel in a CutContour separation, along its edge, and leaves it out when asked', async () => {
    const { pdf } = await renderPrintPdf(blueDeck, deck);
    const doc = await PDFDocument.load(pdf);
    const page = doc.getPage(0);
    const spaces = page.node.Resources()!.lookup(PDFName.of('ColorSpace'), PDFDict);
    const separations = spaces
      .values()
      .map((v) => doc.context.lookup(v))
      .filter((v): v is PDFArray => v instanceof PDFArray)
      .map((a) => a.asArray().map((e) => e.toString()));
    assert.ok(
      separations.some((s) => s[0] === '/Separation' && s[1] === '/CutContour'),
      JSON.stringify(separations),
    );
    // Read back by poppler: the line's alternate colour (magenta) lies on the deck's edge, between white and blue.
    const column = acrossTopEdge(pdf);
    const at = column.findIndex(magenta);
    assert.ok(at > 0, column.join());
    assert.equal(column[0], '#ffffff');
    assert.equal(column[column.length - 1], '#2040c0');

    const preview = await renderPrintPdf(blueDeck, deck, { cutContour: false });
    assert.ok(!Buffer.from(preview.pdf).includes('CutContour'));
    assert.ok(!acrossTopEdge(preview.pdf).some(magenta));
  });

  it('carries an sRGB output intent and claims no PDF/X conformance', async () => {
    const { pdf } = await renderPrintPdf(blueDeck, deck);
    const doc = await PDFDocument.load(pdf);
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    assert.equal(intent.get(PDFName.of('S'))?.toString(), '/GTS_PDFX');
    assert.match(intent.get(PDFName.of('OutputConditionIdentifier'))!.toString(), /sRGB IEC61966-2\.1/);
    const profile = decodePDFRawStream(intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream).decode();
    const text = Buffer.from(profile).toString('latin1');
    // An ICC display profile of RGB colours (its header: class at 12, colour space at 16).
    assert.equal(text.slice(12, 20), 'mntrRGB ');
    assert.equal(profile.length, Buffer.from(profile).readUInt32BE(0));
    assert.doesNotMatch(poppler('pdfinfo', [], pdf), /PDF subtype/);
    assert.ok(!Buffer.from(pdf).includes('GTS_PDFXVersion'));
  });
});
