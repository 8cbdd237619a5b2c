/**
 * The repository stands alone: no tracked file points at a document that is
 * not in it (a design file outside `docs/`, a sibling `shared` folder) or at
 * a path on one engineer's machine. A newcomer with a fresh clone must be
 * able to follow every reference.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/*
 * The patterns are spelled so that this file does not match them itself.
 * Case matters: `docs/design.md` is the page in the repository.
 */
const OUTSIDE = [
  { what: 'a design file that is not in the repository', pattern: /DESIGN\.md/ },
  { what: 'a sibling "shared" folder', pattern: /\.\.\/shared\b/ },
  // An absolute path at the start of a token, not a URL's path (https://x/home/ is fine).
  { what: 'an absolute path on a machine', pattern: /(?<![\w.:/~-])\/(?:work|home|Users|root)\/[\w.-]/ },
];

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return out.split('\0').filter((path) => path && !path.startsWith('node_modules/'));
}

const isCheckout = existsSync(join(root, '.git'));

describe('the repository stands alone', () => {
  it('no tracked file refers to a document or a path outside the repository', { skip: !isCheckout && 'not a git checkout' }, () => {
    const found: string[] = [];
    for (const path of trackedFiles()) {
      const file = join(root, path);
      // Listed but deleted in this worktree: nothing to read.
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      if (bytes.includes(0)) continue; // binary: images, fonts
      const lines = bytes.toString('utf8').split('\n');
      lines.forEach((line, i) => {
        for (const { what, pattern } of OUTSIDE) {
          if (pattern.test(line)) found.push(`${path}:${i + 1}: ${what}: ${line.trim().slice(0, 120)}`);
        }
      });
    }
    assert.deepEqual(found, [], `references outside the repository:\n${found.join('\n')}`);
  });

  it('flags each kind of reference, and not the page that is in the repository', () => {
    const hits = (line: string) => OUTSIDE.filter(({ pattern }) => pattern.test(line)).map(({ what }) => what);
    assert.deepEqual(hits(`see ${'DESIGN'}.md`), ['a design file that is not in the repository']);
    assert.deepEqual(hits(`read ${'..'}/shared/STYLE.md`), ['a sibling "shared" folder']);
    assert.deepEqual(hits(`copied from ${'/wo'}rk/shared/x.mjs`), ['an absolute path on a machine']);
    assert.deepEqual(hits(`cd ${'/ho'}me/ann/repo`), ['an absolute path on a machine']);
    assert.deepEqual(hits('see docs/design.md'), []);
    assert.deepEqual(hits('https://example.com/home/index.html'), []);
    assert.deepEqual(hits('`../common/logo.svg`, `/assets/x.png`'), []);
  });
});
