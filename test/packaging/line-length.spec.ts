/**
 * No line in src/ is over 120 characters (issue 12). Prettier keeps code
 * within its printWidth but leaves comments, strings and template text as
 * they are; this names every line that still runs long, as file:line.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MAX = 120;

function sources(dir = join(root, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

describe('line length in src/', () => {
  it(`has no line over ${MAX} characters`, () => {
    const files = sources();
    assert.ok(files.length > 0, 'found the sources');
    const long = files.flatMap((path) =>
      readFileSync(path, 'utf8')
        .split(/\r?\n/)
        // Characters as a reader counts them (code points), not UTF-16 units or bytes.
        .map((line, i) => ({ at: `${relative(root, path)}:${i + 1}`, length: [...line].length }))
        .filter((l) => l.length > MAX),
    );
    assert.deepEqual(
      long.map((l) => `${l.at} (${l.length})`),
      [],
      `lines over ${MAX} characters: wrap comments, split strings, break templates`,
    );
  });
});
