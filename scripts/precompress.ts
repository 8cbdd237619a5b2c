// A Vite plugin: beside every JavaScript file a build writes, a brotli (.br) and a gzip (.gz) copy at the
// highest levels, for the reference server's `preCompressed` static files (server/pages/assets.ts).
// At build time, because brotli's best level is far too slow per request (~0.4 s for the studio's entry)
// and the fast levels a server can afford on the fly lose what brotli gains over gzip.
// Written by the same build that writes the file, so a copy is never older than its source.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The copies of `bytes` that are smaller than it: a tiny file may not shrink. */
export async function compressedCopies(bytes: Buffer): Promise<{ extension: '.br' | '.gz'; bytes: Buffer }[]> {
  const [br, gz] = await Promise.all([
    brotli(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: constants.Z_BEST_COMPRESSION }),
  ]);
  return [
    { extension: '.br' as const, bytes: br },
    { extension: '.gz' as const, bytes: gz },
  ].filter((copy) => copy.bytes.length < bytes.length);
}

export function precompress(): Plugin {
  return {
    name: 'co-design-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      const scripts = Object.keys(bundle).filter((file) => file.endsWith('.js'));
      await Promise.all(
        scripts.map(async (file) => {
          const path = join(dir, file);
          for (const copy of await compressedCopies(await readFile(path)))
            await writeFile(path + copy.extension, copy.bytes);
        }),
      );
    },
  };
}
