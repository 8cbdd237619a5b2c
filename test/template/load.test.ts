import { expect } from '@open-wc/testing';
import { StudioError } from '../../src/errors.ts';
import { loadTemplate } from '../../src/template/load.ts';
import type { TemplateManifest } from '../../src/template/types.ts';

async function rejection(promise: Promise<unknown>): Promise<StudioError> {
  try {
    await promise;
  } catch (error) {
    return error as StudioError;
  }
  throw new Error('expected a rejection');
}

function minimal(): TemplateManifest {
  return {
    format: 'co-design-template',
    version: 1,
    id: 'mug',
    name: 'Mug',
    templateVersion: '1',
    views: [{ id: 'front', name: 'Front', width: 800, height: 600, base: 'mug/front.svg', areas: [{ id: 'wrap', name: 'Wrap', path: 'M100 100H700V500H100Z' }] }],
  };
}

/** Each case breaks a valid manifest one way; the message must name the path. */
const invalid: Array<[string, (m: any) => unknown, string]> = [
  ['an unknown key', (m) => void (m.views[0].areas[0].colour = 'red'), 'views[0].areas[0].colour: unknown key'],
  ['an unknown top-level key', (m) => void (m.script = 'x'), 'script: unknown key'],
  ['a bad colour', (m) => void (m.palette = ['#00ff00', 'red']), 'palette[1]:'],
  ['a short colour', (m) => void (m.palette = ['#0f0']), 'palette[0]:'],
  ['a duplicate view id', (m) => void m.views.push(structuredClone(m.views[0])), 'views[1].id: duplicate view id "front"'],
  ['a duplicate area id', (m) => void m.views[0].areas.push(structuredClone(m.views[0].areas[0])), 'views[0].areas[1].id:'],
  ['a duplicate sticker id', (m) => void (m.stickers = [1, 2].map(() => ({ id: 's', name: 'S', src: 's.svg', width: 10, height: 10 }))), 'stickers[1].id:'],
  ['a javascript: URL', (m) => void (m.views[0].base = 'javascript:alert(1)'), 'views[0].base:'],
  ['a javascript: URL with a tab', (m) => void (m.views[0].overlay = 'java\tscript:alert(1)'), 'views[0].overlay:'],
  ['an upper-case JAVASCRIPT: URL', (m) => void (m.views[0].base = 'JAVASCRIPT:alert(1)'), 'views[0].base:'],
  ['a data: URL that is not an image', (m) => void (m.views[0].base = 'data:text/html,<script>alert(1)</script>'), 'views[0].base:'],
  ['a sticker on a blob: URL', (m) => void (m.stickers = [{ id: 's', name: 'S', src: 'blob:https://x/1', width: 10, height: 10 }]), 'stickers[0].src:'],
  ['a URL longer than 2048 characters', (m) => void (m.views[0].base = 'a'.repeat(2049) + '.svg'), 'views[0].base:'],
  ['a __proto__ key', () => JSON.parse(JSON.stringify(minimal()).replace('"id":"front"', '"__proto__":{"polluted":true},"id":"front"')), 'views[0].__proto__: unknown key'],
  ['a constructor key', (m) => void (m.views[0].areas[0].constructor = 'x'), 'views[0].areas[0].constructor: unknown key'],
  ['missing areas', (m) => void delete m.views[0].areas, 'views[0].areas: is required'],
  ['empty areas', (m) => void (m.views[0].areas = []), 'views[0].areas: must have at least one area'],
  ['no views', (m) => void (m.views = []), 'views: must have at least one view'],
  ['an absurd view size', (m) => void (m.views[0].width = 100_000), 'views[0].width: must be at most 8192'],
  ['a tiny view size', (m) => void (m.views[0].height = 2), 'views[0].height: must be at least 16'],
  ['a fractional view size', (m) => void (m.views[0].width = 800.5), 'views[0].width: must be an integer'],
  ['a path with markup', (m) => void (m.views[0].areas[0].path = 'M0 0L10 10"/><script>'), 'views[0].areas[0].path:'],
  ['an empty path', (m) => void (m.views[0].areas[0].path = ''), 'views[0].areas[0].path:'],
  ['a path longer than 100,000 characters', (m) => void (m.views[0].areas[0].path = 'M0 0' + 'L1 1'.repeat(25_000)), 'views[0].areas[0].path:'],
  ['a bad id', (m) => void (m.views[0].id = 'Front View'), 'views[0].id:'],
  ['a name over 120 characters', (m) => void (m.name = 'x'.repeat(121)), 'name: must be at most 120 characters'],
  ['a palette of 65 colours', (m) => void (m.palette = Array(65).fill('#000000')), 'palette: must have at most 64 colours'],
  ['21 brief rules', (m) => void (m.brief = { title: 'T', text: 'T', rules: Array(21).fill('r'), termsVersion: '1', terms: 'T' }), 'brief.rules:'],
  ['an unknown blend', (m) => void (m.views[0].overlayBlend = 'difference'), 'views[0].overlayBlend:'],
  ['a CSS-breaking font family', (m) => void (m.fonts = [{ family: 'x;} body{display:none' }]), 'fonts[0].family:'],
  ['font files without their licence', (m) => void (m.fonts = [{ family: 'Inter', files: [{ src: 'inter.woff2' }] }]), 'fonts[0].license: is required with files'],
  ['font files and a src', (m) => void (m.fonts = [{ family: 'Inter', files: [{ src: 'a.woff2' }], src: 'b.woff2', license: 'OFL.txt' }]), 'fonts[0].src: give either files or src'],
  ['an empty list of font files', (m) => void (m.fonts = [{ family: 'Inter', files: [], license: 'OFL.txt' }]), 'fonts[0].files: must have at least one file'],
  ['a font file on a javascript: URL', (m) => void (m.fonts = [{ family: 'Inter', files: [{ src: 'javascript:alert(1)' }], license: 'OFL.txt' }]), 'fonts[0].files[0].src:'],
  ['a broken unicode range', (m) => void (m.fonts = [{ family: 'Inter', files: [{ src: 'a.woff2', unicodeRange: 'U+00-FF; x' }], license: 'OFL.txt' }]), 'fonts[0].files[0].unicodeRange:'],
  ['a font weight of 0', (m) => void (m.fonts = [{ family: 'Inter', files: [{ src: 'a.woff2', weight: 0 }], license: 'OFL.txt' }]), 'fonts[0].files[0].weight:'],
  ['an alias two fonts claim', (m) => void (m.fonts = [{ family: 'Inter', aliases: ['Arial, sans-serif'] }, { family: 'Anton', aliases: ["'arial' ,sans-serif"] }]), 'fonts[1]: the font name'],
  ['an alias that is another font', (m) => void (m.fonts = [{ family: 'Inter' }, { family: 'Anton', aliases: ['inter'] }]), 'fonts[1]: the font name inter is given twice'],
  ['a wrong format', (m) => void (m.format = 'something-else'), 'format:'],
  ['a future version', (m) => void (m.version = 2), 'version:'],
  ['a non-object', () => 42, 'manifest: must be an object'],
  ['an array', () => [minimal()], 'format: is required'],
];

describe('loadTemplate', () => {
  for (const name of ['roadster', 'sneaker', 'skate-deck']) {
    it(`loads and validates /templates/${name}.json`, async () => {
      const { manifest, baseUrl } = await loadTemplate(`/templates/${name}.json`);
      expect(manifest.id).to.equal(name);
      expect(baseUrl).to.equal(new URL(`/templates/${name}.json`, location.href).href);
    });
  }

  it('resolves asset URLs against the manifest URL', async () => {
    const loaded = await loadTemplate('/templates/roadster.json');
    expect(loaded.resolve(loaded.manifest.views[0].base!)).to.equal(new URL('/templates/roadster/side-base.svg', location.href).href);
    expect(loaded.resolve('../x.png')).to.equal(new URL('/x.png', location.href).href);
    expect(loaded.resolve('https://cdn.example/a.png')).to.equal('https://cdn.example/a.png');
  });

  it('resolves a relative manifest URL against opts.baseUrl', async () => {
    const loaded = await loadTemplate('sneaker.json', { baseUrl: new URL('/templates/', location.href).href });
    expect(loaded.resolve('sneaker/side-base.svg')).to.equal(new URL('/templates/sneaker/side-base.svg', location.href).href);
  });

  it('resolves an object manifest against opts.baseUrl, else the document', async () => {
    const withBase = await loadTemplate(minimal(), { baseUrl: 'https://brand.example/t/mug.json' });
    expect(withBase.resolve('mug/front.svg')).to.equal('https://brand.example/t/mug/front.svg');
    const withoutBase = await loadTemplate(minimal());
    expect(withoutBase.baseUrl).to.equal(document.baseURI);
    expect(withoutBase.resolve('mug/front.svg')).to.equal(new URL('mug/front.svg', document.baseURI).href);
  });

  it('keeps its own copy of an object manifest and lower-cases colours', async () => {
    const source = { ...minimal(), palette: ['#FFAA00', '#00ff00'] };
    const { manifest } = await loadTemplate(source);
    source.views[0].areas[0].path = 'M0 0Z';
    expect(manifest.views[0].areas[0].path).to.equal('M100 100H700V500H100Z');
    expect(manifest.palette).to.deep.equal(['#ffaa00', '#00ff00']);
  });

  it('accepts http(s), protocol-relative and data:image asset URLs', async () => {
    const m = minimal();
    m.views[0].base = 'https://cdn.example/base.png';
    m.views[0].overlay = '//cdn.example/overlay.png';
    m.stickers = [{ id: 'dot', name: 'Dot', src: 'data:image/png;base64,iVBORw0KGgo=', width: 10, height: 10 }];
    const { manifest } = await loadTemplate(m);
    expect(manifest.stickers![0].src).to.match(/^data:image\/png/);
  });

  for (const [what, breakIt, message] of invalid) {
    it(`refuses a manifest with ${what}`, async () => {
      const m = minimal();
      const input = breakIt(m) ?? m;
      const error = await rejection(loadTemplate(input));
      expect(error).to.be.instanceOf(StudioError);
      expect(error.code).to.equal('template-invalid');
      expect(error.message.startsWith(message), error.message).to.be.true;
    });
  }

  it('does not pollute Object.prototype through a __proto__ key', async () => {
    const json = JSON.stringify(minimal()).replace('"name":"Mug"', '"name":"Mug","__proto__":{"polluted":true}');
    await rejection(loadTemplate(JSON.parse(json)));
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('reports a 404 as template-load-failed with the status', async () => {
    const error = await rejection(loadTemplate('/templates/no-such-template.json'));
    expect(error).to.be.instanceOf(StudioError);
    expect(error.code).to.equal('template-load-failed');
    expect(error.params.status).to.equal(404);
    expect(error.message).to.contain('404');
  });

  it('reports a body that is not JSON as template-load-failed', async () => {
    const error = await rejection(loadTemplate('/templates/roadster/side-base.svg'));
    expect(error.code).to.equal('template-load-failed');
    expect(error.message).to.contain('not valid JSON');
  });

  it('reports a network failure as template-load-failed', async () => {
    const error = await rejection(loadTemplate('http://127.0.0.1:9/template.json'));
    expect(error.code).to.equal('template-load-failed');
  });

  it('validates a fetched manifest and names the failing path', async () => {
    const m = minimal();
    m.views[0].areas[0].path = 'M0 0 url(x)';
    const url = `data:application/json,${encodeURIComponent(JSON.stringify(m))}`;
    const error = await rejection(loadTemplate(url));
    expect(error.code).to.equal('template-invalid');
    expect(error.message).to.match(/^views\[0\]\.areas\[0\]\.path: /);
  });

  it('rejects with the abort reason when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await rejection(loadTemplate('/templates/roadster.json', { signal: controller.signal }));
    expect((error as unknown as DOMException).name).to.equal('AbortError');
  });
});
