/**
 * The production pack: everything a print shop and the brand's lawyers need
 * for one design, in one zip, with a manifest of every file's SHA-256 and
 * size so that a file damaged or swapped on the way is caught.
 */
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import type { StoredDesign } from '../store/store.ts';
import type { StoredJob } from '../store/jobs.ts';

export const PACK_FORMAT = 'co-design-production-pack';

export interface PackFile {
  path: string;
  size: number;
  sha256: string;
  mediaType: string;
}

export interface PackManifest {
  format: typeof PACK_FORMAT;
  version: 1;
  design: string;
  template: { id: string; version: string };
  author: string;
  /** When the print file was made (ISO 8601). */
  madeAt: string;
  files: PackFile[];
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function productionPack(design: StoredDesign, job: StoredJob, pdf: Uint8Array, report: unknown): Uint8Array {
  const files: [path: string, bytes: Uint8Array, mediaType: string][] = [
    [`print/${design.id}.pdf`, pdf, 'application/pdf'],
    // The document exactly as it was validated and stored: the source the PDF was made from.
    ['design.json', new TextEncoder().encode(design.designJson), 'application/json'],
    [
      'credit.json',
      json({
        author: design.author,
        line: `Design by ${design.author}`,
        design: design.id,
        submittedAt: design.createdAt,
      }),
      'application/json',
    ],
    // What the customer agreed to, with the terms' version, as stored at submission.
    ['consent.json', json({ design: design.id, ...design.consent }), 'application/json'],
    ['print-report.json', json({ design: design.id, attempts: job.attempts, report }), 'application/json'],
  ];
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: 1,
    design: design.id,
    template: design.template,
    author: design.author,
    madeAt: new Date(job.updatedAt).toISOString(),
    files: files.map(([path, bytes, mediaType]) => ({
      path,
      size: bytes.byteLength,
      sha256: sha256(bytes),
      mediaType,
    })),
  };
  const zippable: Zippable = {};
  // PDF streams are compressed already: stored as they are, the rest deflated.
  for (const [path, bytes, mediaType] of files)
    zippable[path] = [bytes, { level: mediaType === 'application/pdf' ? 0 : 6 }];
  zippable['manifest.json'] = [json(manifest), { level: 6 }];
  return zipSync(zippable, { mtime: new Date(job.updatedAt) });
}
