import { expect } from '@open-wc/testing';
import { matchLocale, requestedLocales, textDirection } from '../../src/i18n/locale.ts';

const resolve = (host: Element, explicit?: string | null, languages: readonly string[] = []) => matchLocale(requestedLocales(host, explicit, languages));

describe('locale resolution', () => {
  let root: HTMLElement;
  let pageLang: string;
  beforeEach(() => {
    pageLang = document.documentElement.lang;
    document.documentElement.lang = '';
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    root.remove();
    document.documentElement.lang = pageLang;
  });

  function nest(html: string): Element {
    root.innerHTML = html;
    return root.querySelector('#host')!;
  }

  it('prefers the locale attribute over the page', () => {
    const host = nest('<div lang="it"><span id="host"></span></div>');
    document.documentElement.lang = 'es';
    expect(resolve(host, 'de', ['nl'])).to.deep.equal({ id: 'de', locale: 'de' });
  });

  it('then the nearest lang of an ancestor, over the document and the browser', () => {
    document.documentElement.lang = 'es';
    const host = nest('<div lang="nl"><section lang="it"><span id="host"></span></section></div>');
    expect(resolve(host, null, ['de'])).to.deep.equal({ id: 'it', locale: 'it' });
  });

  it('finds lang across shadow roots (a host component nesting the studio)', () => {
    const outer = nest('<div lang="es"><x-wrapper id="host"></x-wrapper></div>');
    const inner = document.createElement('span');
    outer.attachShadow({ mode: 'open' }).append(inner);
    expect(resolve(inner, null, ['de'])).to.deep.equal({ id: 'es', locale: 'es' });
  });

  it('then the document lang', () => {
    document.documentElement.lang = 'nl-BE';
    const detached = document.createElement('span');
    expect(resolve(detached, undefined, ['de'])).to.deep.equal({ id: 'nl', locale: 'nl-BE' });
  });

  it('then the browser languages, in order', () => {
    const host = nest('<span id="host"></span>');
    expect(resolve(host, undefined, ['fr-FR', 'fr', 'es-MX', 'en'])).to.deep.equal({ id: 'es', locale: 'es-MX' });
    expect(requestedLocales(host).slice(-navigator.languages.length)).to.deep.equal([...navigator.languages]);
  });

  it('treats lang="" as unknown and looks further out', () => {
    document.documentElement.lang = 'it';
    const host = nest('<div lang=""><span id="host"></span></div>');
    expect(resolve(host, '', ['de'])).to.deep.equal({ id: 'it', locale: 'it' });
  });

  it('skips a locale without a table, and a malformed tag, to the next source', () => {
    const host = nest('<div lang="de-CH"><span id="host"></span></div>');
    expect(resolve(host, 'fr', ['it'])).to.deep.equal({ id: 'de', locale: 'de-CH' });
    expect(matchLocale(['not a tag!', 'it_IT', 'IT-it'])).to.deep.equal({ id: 'it', locale: 'it-IT' });
  });

  it('falls back from a region to its language and keeps the region for formatting', () => {
    expect(matchLocale(['de-AT'])).to.deep.equal({ id: 'de', locale: 'de-AT' });
    expect(matchLocale(['es-419'])).to.deep.equal({ id: 'es', locale: 'es-419' });
    expect(matchLocale(['en-GB'])).to.deep.equal({ id: 'en', locale: 'en-GB' });
  });

  it('ends in English when nothing matches', () => {
    expect(matchLocale(['fr', 'ja', 'zh-Hant-TW'])).to.deep.equal({ id: 'en', locale: 'en' });
    expect(matchLocale([])).to.deep.equal({ id: 'en', locale: 'en' });
  });

  it('knows the pseudo-locales only by their exact tag', () => {
    expect(matchLocale(['en-xa'])).to.deep.equal({ id: 'en-XA', locale: 'en-XA' });
    expect(matchLocale(['ar-XB'])).to.deep.equal({ id: 'ar-XB', locale: 'ar-XB' });
    expect(matchLocale(['ar', 'de'])).to.deep.equal({ id: 'de', locale: 'de' });
  });
});

describe('textDirection', () => {
  it('is rtl for languages and scripts written right to left', () => {
    for (const l of ['ar', 'ar-EG', 'he', 'fa', 'ur', 'ckb', 'az-Arab', 'ar-XB']) expect(textDirection(l), l).to.equal('rtl');
  });

  it('is ltr for the rest, and for a tag it cannot read', () => {
    for (const l of ['en', 'de-AT', 'it', 'nl', 'es-419', 'az', 'en-XA', 'zh-Hant', '!!']) expect(textDirection(l), l).to.equal('ltr');
  });
});
