import { expect } from '@open-wc/testing';
import { en, type MessageKey } from '../../src/i18n/en.ts';
import { paramNames, parse, pluralForms, type Part } from '../../src/i18n/format.ts';
import { LOCALES, PSEUDO_LOCALES, loadTable, type Messages } from '../../src/i18n/translate.ts';

// Read at run time, so a key added to English fails here until every locale has it.
const keys = Object.keys(en) as MessageKey[];

const sorted = (s: Set<string>) => [...s].sort().join(',');

function literals(parts: readonly Part[]): string[] {
  return parts.flatMap((p) => (typeof p === 'string' ? [p] : 'plural' in p ? Object.values(p.branches).flatMap(literals) : []));
}

describe('translation tables', () => {
  it('English, the fallback, has no empty message', () => {
    expect(keys.filter((k) => !en[k].trim())).to.deep.equal([]);
  });

  for (const id of [...LOCALES.filter((l) => l !== 'en'), ...PSEUDO_LOCALES]) {
    describe(id, () => {
      let table: Messages;
      before(async () => {
        table = await loadTable(id);
      });

      it('has every English key, none of them empty', () => {
        const missing = keys.filter((k) => typeof table[k] !== 'string' || !table[k].trim());
        expect(missing, `${id} lacks`).to.deep.equal([]);
      });

      it('has no key English lacks', () => {
        expect(Object.keys(table).filter((k) => !(k in en)), `${id} has extra`).to.deep.equal([]);
      });

      it('uses exactly the placeholders English uses', () => {
        const wrong = keys
          .filter((k) => table[k] !== undefined && sorted(paramNames(parse(en[k]))) !== sorted(paramNames(parse(table[k]))))
          .map((k) => `${k}: {${sorted(paramNames(parse(en[k])))}} ≠ {${sorted(paramNames(parse(table[k])))}}`);
        expect(wrong).to.deep.equal([]);
      });

      it('has no stray braces (a mistyped placeholder)', () => {
        const stray = keys.filter((k) => table[k] !== undefined && literals(parse(table[k])).some((s) => /[{}]/.test(s)));
        expect(stray).to.deep.equal([]);
      });

      it('writes only plural forms the language has, always with `other`', () => {
        const forms = new Set<string>(new Intl.PluralRules(id).resolvedOptions().pluralCategories);
        const wrong = keys.flatMap((k) =>
          pluralForms(parse(table[k] ?? ''))
            .filter((branch) => !branch.includes('other') || branch.some((f) => !forms.has(f) && !/^=\d+$/.test(f)))
            .map((branch) => `${k}: ${branch.join(' ')}`),
        );
        expect(wrong).to.deep.equal([]);
      });
    });
  }
});
