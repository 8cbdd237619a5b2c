/**
 * The one call from a print job into the renderer (src/print/), kept small so
 * the options can follow the renderer's API as it grows: the template's files
 * (fonts, locked art) are read from the templates folder, the cut line is on
 * in production files. The job's timeout is the worker thread's (server/jobs/run-thread.ts), which also
 * bounds a strip of Skia drawing that `signal` could not cut short.
 */
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { renderPrintPdf, type PrintOptions, type PrintReport } from '../../src/print/index.ts';

export interface PrintFile {
  pdf: Uint8Array;
  report: PrintReport;
}

/** A template's id as a file name: nothing that could climb out of the folder. */
const TEMPLATE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export async function makePrintFile(designJson: string, templatesDir: string): Promise<PrintFile> {
  const design = JSON.parse(designJson) as { template?: { id?: unknown } };
  const id = design.template?.id;
  if (typeof id !== 'string' || !TEMPLATE_ID.test(id))
    throw new Error(`template.id: not a template this server has (${String(id).slice(0, 64)})`);
  const manifest = JSON.parse(
    await readTemplateFile(templatesDir, `${id}.json`, `template "${id}"`).then((b) => b.toString()),
  );
  const options: PrintOptions = {
    readAsset: async (path) => readTemplateFile(templatesDir, path, path),
    cutContour: true,
  };
  return renderPrintPdf(design, manifest, options);
}

/** A file under the templates folder; a path leading outside it is refused. */
async function readTemplateFile(dir: string, path: string, what: string): Promise<Buffer> {
  const file = resolve(dir, path);
  const inside = relative(dir, file);
  if (inside.startsWith('..') || inside === '' || resolve(file) !== file)
    throw new Error(`${what}: outside the templates folder`);
  try {
    return await readFile(file);
  } catch {
    throw new Error(`${what}: no such file in the templates folder`);
  }
}
