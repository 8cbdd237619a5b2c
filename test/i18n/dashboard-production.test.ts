import { expect } from '@open-wc/testing';
import { PRODUCTION_TABLES, productionText } from '../../src/dashboard/production-i18n.ts';
import { paramNames, parse } from '../../src/i18n/format.ts';
import { LOCALES } from '../../src/i18n/locale.ts';

const sorted = (names: Set<string>) => [...names].sort().join(',');

describe('the dashboard’s print-file strings', () => {
  it('are in every locale the studio speaks, with exactly the English keys and placeholders', () => {
    const en = PRODUCTION_TABLES.en;
    expect(Object.keys(PRODUCTION_TABLES).sort()).to.deep.equal([...LOCALES].sort());
    for (const [id, table] of Object.entries(PRODUCTION_TABLES)) {
      expect(Object.keys(table), id).to.deep.equal(Object.keys(en));
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(table[key].trim(), `${id} ${key}`).not.to.equal('');
        expect(sorted(paramNames(parse(table[key]))), `${id} ${key}`).to.equal(sorted(paramNames(parse(en[key]))));
      }
    }
  });

  it('speaks the language around the dashboard, and English for one it has no table for', () => {
    const host = document.createElement('div');
    host.lang = 'de-AT';
    document.body.append(host);
    try {
      expect(productionText(host)('making', { attempt: 2, max: 3 })).to.equal(
        'Druckdateien: werden erstellt (Versuch 2 von 3)',
      );
      host.lang = 'nl';
      expect(productionText(host)('pack')).to.equal('Productiepakket');
      host.lang = 'fr';
      // `fr` has no table: the next requested language (the page's, then the browser's) or English answers.
      expect(Object.values(PRODUCTION_TABLES).map((t) => t.pack)).to.include(productionText(host)('pack'));
    } finally {
      host.remove();
    }
  });
});
