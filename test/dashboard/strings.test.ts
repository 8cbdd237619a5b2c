import { expect } from '@open-wc/testing';
import { paramNames, parse } from '../../src/i18n/format.ts';
import { ORIGINALITY_TABLES, originalityTranslator } from '../../src/dashboard/originality/strings.ts';

const names = (text: string) => [...paramNames(parse(text))].sort().join();

describe('the originality strings (src/dashboard/originality)', () => {
  it('has every key in five languages, with the same placeholders as English', () => {
    const en = ORIGINALITY_TABLES.en!;
    expect(Object.keys(ORIGINALITY_TABLES).sort()).to.deep.equal(['de', 'en', 'es', 'it', 'nl']);
    for (const [lang, table] of Object.entries(ORIGINALITY_TABLES)) {
      expect(Object.keys(table).sort(), lang).to.deep.equal(Object.keys(en).sort());
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        expect(names(table[key]), `${lang} ${key}`).to.equal(names(en[key]));
      }
    }
  });

  it('fills every placeholder, plurals included, with the locale’s numbers and units', () => {
    for (const lang of Object.keys(ORIGINALITY_TABLES)) {
      const t = originalityTranslator([lang]);
      for (const n of [0, 1, 2]) {
        const text = t('uploads', { n, share: t.percent(0.625) });
        expect(text, `${lang} ${n}`).not.to.match(/[{}#]/);
      }
      expect(t('painted', { painted: t.duration(90_000), engaged: t.duration(7_200_000) })).not.to.match(/[{}]/);
    }
    const de = originalityTranslator(['de-AT']);
    expect(de('strokes', { n: 2 })).to.equal('2 Striche');
    expect(de.percent(0.625)).to.match(/^63\s?%$/);
    expect(originalityTranslator(['fr', 'it'])('flag')).to.equal('Per lo più un’immagine caricata');
  });
});
