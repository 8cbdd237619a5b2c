import { expect } from '@open-wc/testing';
import { sanitizeSvg } from '../../src/security/svg.ts';
import { expectRefused } from './helpers.ts';

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const wrap = (inner: string, attrs = 'width="100" height="100"') => `<svg ${NS} ${XLINK} ${attrs}>${inner}</svg>`;

/** Elements and attributes of a sanitised output, re-parsed. */
function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror').length).to.equal(0);
  return doc;
}

function attrs(svg: string): string[] {
  return [...parse(svg).querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => `${a.name}=${a.value}`));
}

describe('sanitizeSvg', () => {
  it('checks styles set aside from the DOM (the CSP stand-in): safe ones come back, unsafe and forged ones do not', () => {
    const out = sanitizeSvg(
      wrap(
        '<style>.a{fill:#c01078}</style><style>.b{fill:url(http://evil.example/x)}</style>' +
          '<rect class="a" width="5" height="5" style="fill:#10a0c0"/><rect style="fill:url(https://evil.example/y)"/>' +
          '<rect cds-style="fill:url(https://evil.example/z)"/><text>cds-style="x" &lt;b&gt;</text>',
      ),
    );
    expect(out.svg).to.contain('<style>.a{fill:#c01078}</style>').and.contain('style="fill:#10a0c0"');
    expect(out.svg).not.to.contain('evil.example');
    expect(out.svg).not.to.contain('cds-style="fill');
    // Text that looks like the stand-in stays text.
    expect(parse(out.svg).querySelector('text')!.textContent).to.equal('cds-style="x" <b>');
  });

  it('keeps ordinary art and its size', () => {
    const out = sanitizeSvg(wrap('<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="50" height="50" fill="url(#g)" style="stroke: url(#g)"/><use href="#g"/><use xlink:href="#g"/>'));
    expect(out.width).to.equal(100);
    expect(out.height).to.equal(100);
    expect(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).to.be.true;
    expect(out.svg).to.contain('fill="url(#g)"').and.contain('linearGradient').and.contain('stroke: url(#g)');
    expect(parse(out.svg).querySelectorAll('use').length).to.equal(2);
    expect(out.svg).to.contain('href="#g"');
  });

  it('drops a link but keeps what it wrapped', () => {
    const out = sanitizeSvg(wrap('<a href="https://evil.test/"><rect id="kept" width="5" height="5"/></a>')).svg;
    expect(parse(out).getElementById('kept')).to.not.equal(null);
    expect(out).to.not.contain('<a');
  });

  it('is idempotent: its own output comes back unchanged', () => {
    const once = sanitizeSvg(wrap('<circle cx="5" cy="5" r="4"/>', 'viewBox="0 0 10 20" width="10mm"')).svg;
    expect(sanitizeSvg(once).svg).to.equal(once);
  });

  it('reads the size from width/height, units, or the viewBox', () => {
    expect(sanitizeSvg(wrap('', 'viewBox="0 0 300 150"'))).to.include({ width: 300, height: 150 });
    expect(sanitizeSvg(wrap('', 'viewBox="0 0 300 150" width="600"'))).to.include({ width: 600, height: 300 });
    expect(sanitizeSvg(wrap('', 'width="1in" height="72pt"'))).to.include({ width: 96, height: 96 });
    expect(sanitizeSvg(wrap('', 'width="100%" height="100%" viewBox="0,0,40,20"'))).to.include({ width: 40, height: 20 });
  });

  it('refuses a missing or absurd size', async () => {
    await expectRefused(() => sanitizeSvg(wrap('', '')), 'upload-dimensions');
    await expectRefused(() => sanitizeSvg(wrap('', 'width="100000" height="10"')), 'upload-dimensions');
    await expectRefused(() => sanitizeSvg(wrap('', 'viewBox="0 0 0 10"')), 'upload-dimensions');
    await expectRefused(() => sanitizeSvg(wrap('', 'width="NaN" height="1e400"')), 'upload-dimensions');
  });

  it('refuses DOCTYPE and entities (billion laughs) before parsing', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><svg ${NS} width="10" height="10"><text>&lol9;</text></svg>`;
    await expectRefused(() => sanitizeSvg(laughs), 'upload-unsafe');
    const xxe = `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg ${NS} width="10" height="10"><text>&xxe;</text></svg>`;
    await expectRefused(() => sanitizeSvg(xxe), 'upload-unsafe');
    const publicDtd = `<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd"><svg ${NS} width="10" height="10"/>`;
    await expectRefused(() => sanitizeSvg(publicDtd), 'upload-unsafe');
  });

  it('refuses a <use> bomb at its cap, without expanding it', async () => {
    // Each level uses the previous one 10 times: 10^9 elements once expanded, 90 as written.
    let defs = '<g id="l0"><rect width="1" height="1"/></g>';
    for (let i = 1; i <= 9; i++) defs += `<g id="l${i}">${`<use href="#l${i - 1}"/>`.repeat(10)}</g>`;
    const started = performance.now();
    const error = await expectRefused(() => sanitizeSvg(wrap(`<defs>${defs}</defs><use href="#l9"/>`)), 'upload-unsafe');
    // Refused at 20,000 elements: the count stopped there, a billion were never made.
    expect(error.params.limit).to.equal(20000);
    // A bound only a runaway expansion misses (10^9 elements take minutes; the cap, milliseconds), wide enough
    // for a machine whose cores are busy with other work.
    expect(performance.now() - started).to.be.below(5000);
  });

  it('refuses <use> cycles', async () => {
    await expectRefused(() => sanitizeSvg(wrap('<g id="a"><use href="#b"/></g><g id="b"><use href="#a"/></g>')), 'upload-unsafe');
    await expectRefused(() => sanitizeSvg(wrap('<g id="self"><use href="#self"/></g>')), 'upload-unsafe');
  });

  it('refuses too many elements, too much text and malformed XML', async () => {
    await expectRefused(() => sanitizeSvg(wrap('<rect/>'.repeat(5001))), 'upload-too-large');
    await expectRefused(() => sanitizeSvg(wrap(`<desc>${'a'.repeat(1024 * 1024)}</desc>`)), 'upload-too-large');
    await expectRefused(() => sanitizeSvg(`<svg ${NS} width="1" height="1"><rect></svg>`), 'upload-decode');
    await expectRefused(() => sanitizeSvg('<svg width="1" height="1"></svg>'), 'upload-type');
    await expectRefused(() => sanitizeSvg(`<html xmlns="http://www.w3.org/1999/xhtml"/>`), 'upload-type');
  });

  it('copes with deep nesting and odd namespaces without crashing', async () => {
    const deep = wrap(`${'<g>'.repeat(4000)}<rect width="1" height="1"/>${'</g>'.repeat(4000)}`);
    const flat = wrap(`${'<g></g>'.repeat(4000)}<rect width="1" height="1"/>`);
    const time = (svg: string) => {
      const started = performance.now();
      expect(sanitizeSvg(svg).svg).to.contain('<rect');
      return performance.now() - started;
    };
    // Depth costs no more than the same elements side by side (a walk that revisits ancestors would): compared
    // in one run, on one machine however busy, with a floor for timer and scheduling noise.
    const [flatMs, deepMs] = [time(flat), time(deep)];
    expect(deepMs, `deep ${deepMs.toFixed(0)} ms, flat ${flatMs.toFixed(0)} ms`).to.be.below(Math.max(1000, 10 * flatMs));
    const out = sanitizeSvg(wrap('<rect width="1" height="1"/>', 'width="9" height="9" xmlns:evil="javascript:alert(1)" evil:onload="x"'));
    expect(out.svg).to.not.match(/evil|javascript/);
  });

  const hostile: [string, string][] = [
    ['script', '<script>alert(1)</script><script xlink:href="http://evil.test/x.js"/>'],
    ['onload', '<g onload="alert(1)" onclick="alert(2)"><rect width="1" height="1" ONMOUSEOVER="alert(3)"/></g>'],
    ['javascript: href', '<a href="javascript:alert(1)"><rect width="5" height="5"/></a><use href="javascript:alert(1)"/>'],
    ['external image', '<image href="http://evil.test/track.png" width="5" height="5"/><image xlink:href="https://evil.test/x.svg"/>'],
    ['data: image', '<image href="data:image/svg+xml;base64,PHN2Zy8+" width="5" height="5"/>'],
    ['style url', '<rect width="5" height="5" style="background:url(http://evil.test/x.png); fill: red"/>'],
    ['style import', '<style>@import url(http://evil.test/x.css); rect { fill: red }</style>'],
    ['style import string', '<style>@import "http://evil.test/x.css";</style>'],
    ['style escape', '<style>rect { fill: u\\72l(http://evil.test/x) }</style><rect style="fill: \\75 rl(http://evil.test/y)"/>'],
    ['style cdata', '<style><![CDATA[ rect { background-image: url("https://evil.test/z") } ]]></style>'],
    ['font-face', '<style>@font-face { font-family: x; src: url(https://evil.test/f.woff) }</style>'],
    ['image-set', '<rect style="fill: image-set(\'https://evil.test/a.png\' 1x)"/>'],
    ['presentation url', '<rect width="5" height="5" fill="url(https://evil.test/g.svg#g)" filter="url(http://evil.test/f.svg#f)" mask="url( \'//evil.test/m\' )"/>'],
    ['foreignObject', '<foreignObject width="10" height="10"><iframe xmlns="http://www.w3.org/1999/xhtml" src="http://evil.test/"/><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="alert(1)"/></foreignObject>'],
    ['xlink external use', '<use xlink:href="http://evil.test/sprite.svg#icon"/><use href="other.svg#x"/><use href="#ok\' onload=\'x"/>'],
    ['external gradient', '<linearGradient id="g" href="https://evil.test/g.svg#g"/><pattern id="p" xlink:href="//evil.test/p"/>'],
    ['feImage', '<filter id="f"><feImage href="https://evil.test/x.png"/></filter>'],
    ['animation', '<a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(1)"/></a>'],
    ['xml:base', '<g xml:base="http://evil.test/"><use href="#a"/></g>'],
    ['embed/object/iframe', '<embed src="http://evil.test/x"/><object data="http://evil.test/y"/><iframe src="http://evil.test/z"/>'],
    ['html namespace', '<div xmlns="http://www.w3.org/1999/xhtml"><img src="http://evil.test/i.png"/></div>'],
    ['prefixed script', '<x:script xmlns:x="http://www.w3.org/2000/svg">alert(1)</x:script>'],
    ['entity-encoded javascript', '<a href="&#106;avascript:alert(1)">x</a><use href="&#x6A;avascript:alert(1)"/>'],
    ['processing instruction', '<?xml-stylesheet href="http://evil.test/x.css"?><!-- <script>alert(1)</script> -->'],
    ['textPath external', '<text><textPath href="http://evil.test/p.svg#p">x</textPath></text>'],
  ];

  for (const [name, inner] of hostile) {
    it(`removes ${name}`, () => {
      const out = sanitizeSvg(wrap(inner)).svg;
      expect(out).to.not.match(/<(\w+:)?(script|foreignObject|iframe|embed|object|image|feImage|set|animate|a)[\s>/]/i);
      expect(out).to.not.match(/evil\.test|javascript:|data:|@import|\\/i);
      for (const a of attrs(out)) {
        expect(a, a).to.not.match(/^on/i);
        if (/^(xlink:)?href=/.test(a)) expect(a).to.match(/^(xlink:)?href=#[\w.:-]+$/);
        if (/url\(/i.test(a)) expect(a).to.match(/url\(#[\w.:-]+\)/);
      }
    });
  }
});
