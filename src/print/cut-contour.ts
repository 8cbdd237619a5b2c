import { PDFDict, PDFName, type PDFDocument, type PDFPage } from '@cantoo/pdf-lib';
import type { PageGeometry } from './page.ts';
import { asSkia } from './skia.ts';

/** The spot colour's name: the print-and-cut convention that cutters and RIPs look for. */
export const CUT_CONTOUR = 'CutContour';
/** The cut line's width in points: a hairline, as cutters read the path and printers should not show it. */
const CUT_WIDTH_PT = 0.25;

/**
 * The printed panels' outlines (not grown by the bleed: the cut follows the product's edge) as PDF path operators
 * in the page's own space (points, y up from the bottom).
 */
export function cutPath(geometry: PageGeometry): string {
  const bleed = geometry.trim.x;
  const k = geometry.ptPerUnit;
  const x = (u: number) => fmt(bleed + u * k);
  const y = (v: number) => fmt(geometry.page.height - bleed - v * k);
  const ops: string[] = [];
  for (const id of geometry.print.panels ?? geometry.view.areas.map((a) => a.id)) {
    // Skia writes its paths as absolute M, L, Q, C and Z commands.
    const svg = asSkia(geometry.areas.get(id)!).toSVGString();
    const tokens = svg.match(/[MLQCZ]|-?[\d.]+(?:e-?\d+)?/gi) ?? [];
    let [cx, cy] = [0, 0];
    for (let i = 0; i < tokens.length;) {
      const op = tokens[i++].toUpperCase();
      const n = (count: number) => tokens.slice(i, (i += count)).map(Number);
      if (op === 'M' || op === 'L') {
        [cx, cy] = n(2);
        ops.push(`${x(cx)} ${y(cy)} ${op === 'M' ? 'm' : 'l'}`);
      } else if (op === 'C') {
        const [a, b, c, d, e, f] = n(6);
        ops.push(`${x(a)} ${y(b)} ${x(c)} ${y(d)} ${x(e)} ${y(f)} c`);
        [cx, cy] = [e, f];
      } else if (op === 'Q') {
        // PDF has no quadratic: the same curve as a cubic, its controls two thirds of the way to the quadratic's.
        const [qx, qy, ex, ey] = n(4);
        const [c1x, c1y] = [cx + ((qx - cx) * 2) / 3, cy + ((qy - cy) * 2) / 3];
        const [c2x, c2y] = [ex + ((qx - ex) * 2) / 3, ey + ((qy - ey) * 2) / 3];
        ops.push(`${x(c1x)} ${y(c1y)} ${x(c2x)} ${y(c2y)} ${x(ex)} ${y(ey)} c`);
        [cx, cy] = [ex, ey];
      } else if (op === 'Z') ops.push('h');
    }
  }
  return ops.join('\n');
}

const fmt = (v: number) => String(Math.round(v * 1000) / 1000);

/**
 * Strokes the cut path over everything on the page in a `/Separation /CutContour` spot colour (magenta as its
 * alternate, for a proof), overprinting so that it never knocks a white line out of the print.
 */
export function addCutContour(doc: PDFDocument, page: PDFPage, path: string): void {
  const context = doc.context;
  const tint = context.obj({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [0, 1, 0, 0], N: 1 });
  const space = context.obj([PDFName.of('Separation'), PDFName.of(CUT_CONTOUR), PDFName.of('DeviceCMYK'), tint]);
  const state = context.obj({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
  const resources = page.node.normalizedEntries().Resources;
  resource(doc, resources, 'ColorSpace').set(PDFName.of('CSCut'), context.register(space));
  resource(doc, resources, 'ExtGState').set(PDFName.of('GSCut'), context.register(state));
  const content = `q\n/GSCut gs\n/CSCut CS\n1 SCN\n${CUT_WIDTH_PT} w\n1 j\n${path}\nS\nQ\n`;
  // Skia's content may leave its graphics state changed: it goes between q and Q, and the cut after it.
  page.node.wrapContentStreams(
    context.register(context.flateStream('q\n')),
    context.register(context.flateStream('Q\n')),
  );
  page.node.addContentStream(context.register(context.flateStream(content)));
}

function resource(doc: PDFDocument, resources: PDFDict, name: string): PDFDict {
  const key = PDFName.of(name);
  let dict = resources.lookupMaybe(key, PDFDict);
  if (!dict) resources.set(key, (dict = doc.context.obj({})));
  return dict;
}
