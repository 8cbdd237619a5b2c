import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Debian's poppler-utils read the PDFs back, as a print shop's tools would (.ci/run installs them).

/** Runs a poppler tool on the PDF bytes and returns its output. */
export function poppler(tool: 'pdfinfo' | 'pdfimages' | 'pdffonts', args: string[], pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  try {
    const file = join(dir, 'print.pdf');
    writeFileSync(file, pdf);
    return execFileSync(tool, [...args, file], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PageBoxes {
  MediaBox: number[];
  BleedBox: number[];
  TrimBox: number[];
}

/** One page's boxes as `pdfinfo -box` reports them: [x0, y0, x1, y1] in points. */
export function pageBoxes(pdf: Uint8Array, page: number): PageBoxes {
  const out = poppler('pdfinfo', ['-box', '-f', String(page), '-l', String(page)], pdf);
  const box = (name: string) => {
    const line = out.split('\n').find((l) => new RegExp(`^Page\\s+${page} ${name}:|^${name}:`).test(l));
    if (!line) throw new Error(`pdfinfo printed no ${name}:\n${out}`);
    return line.split(':')[1].trim().split(/\s+/).map(Number);
  };
  return { MediaBox: box('MediaBox'), BleedBox: box('BleedBox'), TrimBox: box('TrimBox') };
}

/** The images of a PDF as `pdfimages -list` lists them (the two header lines left out). */
export function listImages(pdf: Uint8Array): { page: number; type: string; width: number; xppi: number }[] {
  return poppler('pdfimages', ['-list'], pdf)
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => l.trim().split(/\s+/))
    .map((f) => ({ page: Number(f[0]), type: f[2], width: Number(f[3]), xppi: Number(f[12]) }));
}

export interface Raster {
  width: number;
  height: number;
  /** `#rrggbb` of the pixel. */
  at(x: number, y: number): string;
}

/** A page rendered by pdftoppm at `dpi`, as RGB pixels. */
export function renderPage(pdf: Uint8Array, page: number, dpi: number): Raster {
  const dir = mkdtempSync(join(tmpdir(), 'print-'));
  try {
    writeFileSync(join(dir, 'print.pdf'), pdf);
    const base = join(dir, 'page');
    const range = ['-f', String(page), '-l', String(page)];
    execFileSync('pdftoppm', ['-r', String(dpi), ...range, '-singlefile', join(dir, 'print.pdf'), base]);
    return parsePpm(readFileSync(`${base}.ppm`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parsePpm(bytes: Buffer): Raster {
  // "P6\n<w> <h>\n255\n" then RGB triplets.
  const header = bytes
    .subarray(0, 64)
    .toString('latin1')
    .match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  if (!header) throw new Error('pdftoppm wrote no binary PPM');
  const [, w, h] = header.map(Number);
  const start = header[0].length;
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return {
    width: w,
    height: h,
    at(x, y) {
      const i = start + (Math.round(y) * w + Math.round(x)) * 3;
      return `#${hex(bytes[i])}${hex(bytes[i + 1])}${hex(bytes[i + 2])}`;
    },
  };
}

/** The fonts of a PDF as `pdffonts` lists them: name, whether embedded and whether subset. */
export function listFonts(pdf: Uint8Array): { name: string; embedded: boolean; subset: boolean }[] {
  return poppler('pdffonts', [], pdf)
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      // The yes/no columns are the last five before the object id (emb sub uni, then "4 0").
      const f = l.trim().split(/\s+/);
      return { name: f[0], embedded: f[f.length - 5] === 'yes', subset: f[f.length - 4] === 'yes' };
    });
}
