/**
 * One print job in a process of its own, so that its peak memory is its own: `tsx test/print/job-child.ts <case>`
 * prints `{ seconds, maxRssMb, bytes, width?, height? }` as JSON. Used by test/print/raster.spec.ts and by the
 * print section of `npm run bench`.
 */
import { renderPrintPdf, renderPrintRaster } from '../../src/print/index.ts';
import { readTemplateAsset, shippedTemplate, strokesDesign } from './designs.ts';

const roadster = shippedTemplate('roadster');
const job = process.argv[2];
const started = performance.now();
let result: { bytes: number; width?: number; height?: number };

if (job === 'pdf-2000' || job === 'pdf-10000') {
  const doc = strokesDesign(roadster, 'side', Number(job.slice(4)));
  const { pdf } = await renderPrintPdf(doc, roadster, { readAsset: readTemplateAsset });
  result = { bytes: pdf.length };
} else if (job === 'raster-side-150') {
  const doc = strokesDesign(roadster, 'side', 2000);
  const raster = await renderPrintRaster(doc, roadster, {
    view: 'side',
    dpi: 150,
    format: 'png',
    readAsset: readTemplateAsset,
  });
  let bytes = 0;
  for await (const piece of raster.png) bytes += piece.length;
  result = { bytes, width: raster.width, height: raster.height };
} else throw new Error(`unknown job ${job}`);

const seconds = (performance.now() - started) / 1000;
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ job, seconds, maxRssMb, ...result }) + '\n');
