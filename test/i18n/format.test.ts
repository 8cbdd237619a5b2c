import { expect } from '@open-wc/testing';
import { formats, parse, render, type Params } from '../../src/i18n/format.ts';
import { loadTranslator, translator } from '../../src/i18n/translate.ts';

const fmt = (locale: string, message: string, params: Params) => render(parse(message), params, formats(locale));

describe('plurals', () => {
  it('English: an exact form first, then one / other', () => {
    const m = '{count, plural, =0 {No drafts yet} one {# draft} other {# drafts}}';
    expect([0, 1, 2, 1000].map((count) => fmt('en', m, { count }))).to.deep.equal(['No drafts yet', '1 draft', '2 drafts', '1,000 drafts']);
  });

  it('German', () => {
    const m = '{count, plural, one {# Entwurf} other {# Entwürfe}}';
    expect([0, 1, 2, 1000, 1.5].map((count) => fmt('de', m, { count }))).to.deep.equal(['0 Entwürfe', '1 Entwurf', '2 Entwürfe', '1.000 Entwürfe', '1,5 Entwürfe']);
  });

  it('Italian, where a million takes its own form (and falls back to other when not written)', () => {
    const m = '{count, plural, one {# bozza} other {# bozze}}';
    // Like Spanish, Italian groups digits only from five of them on.
    expect([0, 1, 2, 1000, 10_000].map((count) => fmt('it', m, { count }))).to.deep.equal(['0 bozze', '1 bozza', '2 bozze', '1000 bozze', '10.000 bozze']);
    expect(formats('it').plural(1_000_000)).to.equal('many');
    expect(fmt('it', m, { count: 1_000_000 })).to.equal('1.000.000 bozze');
  });

  it('Spanish, with the "many" form of round millions', () => {
    const m = '{count, plural, one {# capa} many {# de capas} other {# capas}}';
    expect([1, 3, 1000, 10_000, 1_000_000].map((count) => fmt('es', m, { count }))).to.deep.equal(['1 capa', '3 capas', '1000 capas', '10.000 capas', '1.000.000 de capas']);
  });

  it('Dutch', () => {
    const m = '{count, plural, one {# laag} other {# lagen}}';
    expect([0, 1, 2, 1000].map((count) => fmt('nl', m, { count }))).to.deep.equal(['0 lagen', '1 laag', '2 lagen', '1.000 lagen']);
  });

  it('Arabic pseudo-locale: all six forms, which one key per message can hold', () => {
    const m = '{count, plural, zero {z} one {o} two {t} few {f} many {m} other {x}}';
    expect([0, 1, 2, 3, 11, 100].map((count) => fmt('ar-XB', m, { count }))).to.deep.equal(['z', 'o', 't', 'f', 'm', 'x']);
  });

  it('fills placeholders inside a form, and # only inside plurals', () => {
    const m = '#{n}: {count, plural, one {{name} has # layer} other {{name} has # layers}}';
    expect(fmt('en', m, { n: 2, name: 'Deck', count: 1 })).to.equal('#2: Deck has 1 layer');
    expect(fmt('en', m, { n: 2, name: 'Deck', count: 3 })).to.equal('#2: Deck has 3 layers');
  });

  it('shows a missing parameter as its placeholder, and leaves other braces alone', () => {
    expect(fmt('en', 'Hide {name}', {})).to.equal('Hide {name}');
    expect(fmt('en', 'a {b c} {} d', {})).to.equal('a {b c} {} d');
  });
});

describe('numbers and dates', () => {
  before(() => loadTranslator('de').then(() => Promise.all(['it', 'nl', 'es'].map((l) => loadTranslator(l)))));

  it('formats numbers with each locale’s separators', () => {
    const got = ['en', 'de', 'it', 'nl', 'es'].map((l) => translator(l).number(12345.5));
    expect(got).to.deep.equal(['12,345.5', '12.345,5', '12.345,5', '12.345,5', '12.345,5']);
  });

  it('formats a number parameter in a message', () => {
    expect(translator('de')('layer.paint', { n: 1000 })).to.equal('Malebene 1.000');
    expect(translator('en')('layer.paint', { n: 1000 })).to.equal('Paint 1,000');
  });

  it('formats with the region when the table is the language’s (de-AT, de-CH)', async () => {
    const at = await loadTranslator('de-CH');
    expect(at.id).to.equal('de');
    expect(at.number(12345.5)).to.equal(new Intl.NumberFormat('de-CH').format(12345.5));
    expect(at.number(12345.5)).to.not.equal(translator('de').number(12345.5));
  });

  it('writes an upload limit as the locale writes sizes', () => {
    const mb = 8 * 2 ** 20;
    expect(['en', 'de', 'it', 'nl', 'es'].map((l) => translator(l).bytes(mb))).to.deep.equal(['8 MB', '8 MB', '8 MB', '8 MB', '8 MB']);
    expect(translator('de').bytes(1.5 * 2 ** 20)).to.equal('1,5 MB');
    expect(translator('en').bytes(1.5 * 2 ** 20)).to.equal('1.5 MB');
    expect(translator('en').bytes(512 * 1024)).to.equal('512 kB');
  });

  it('formats dates in each language', () => {
    const d = new Date(Date.UTC(2025, 2, 7, 14, 5));
    const opts: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
    const got = ['en', 'de', 'it', 'nl', 'es'].map((l) => translator(l).date(d, opts));
    expect(got).to.deep.equal(['March 7, 2025', '7. März 2025', '7 marzo 2025', '7 maart 2025', '7 de marzo de 2025']);
    expect(translator('de').date(d, { timeStyle: 'short', timeZone: 'UTC' })).to.equal('14:05');
    expect(translator('en').date(d, { timeStyle: 'short', timeZone: 'UTC' })).to.equal('2:05 PM');
  });

  it('formats a Date parameter as medium date and short time, in local time', () => {
    const d = new Date(2025, 2, 7, 14, 5);
    expect(fmt('de', 'Gespeichert: {when}', { when: d })).to.equal(`Gespeichert: ${new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' }).format(d)}`);
    expect(fmt('de', 'Gespeichert: {when}', { when: d })).to.contain('07.03.2025');
  });
});

describe('translators', () => {
  it('load a table on demand and then serve it synchronously', async () => {
    const t = await loadTranslator(['fr', 'nl-BE']);
    expect([t.id, t.locale, t.dir]).to.deep.equal(['nl', 'nl-BE', 'ltr']);
    expect(t('tool.pencil')).to.equal('Potlood');
    expect(translator('nl-BE')('tool.pencil')).to.equal('Potlood');
  });

  it('en-XA: accented, bracketed, about a third longer, placeholders intact', async () => {
    const t = await loadTranslator('en-XA');
    const text = t('layers.hide', { name: 'Paint 1' });
    expect(text).to.match(/^⟦Ĥîðé Paint 1·+⟧$/);
    expect(t('tool.select').length).to.be.greaterThan('Select and move'.length * 1.3);
  });

  it('ar-XB: right to left, English shown mirrored, parameters outside the override', async () => {
    const t = await loadTranslator('ar-XB');
    expect(t.dir).to.equal('rtl');
    expect(t('layers.hide', { name: 'Paint 1' })).to.equal('\u202eHide \u202cPaint 1');
  });
});
