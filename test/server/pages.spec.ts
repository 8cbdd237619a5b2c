import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, json, startServer, submission, type TestServer } from './support.ts';

const HOSTILE = `"><img src=x onerror=alert(1)><script>alert('x')</script> & O'Brien`;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]);

/** The page's <meta> tags as property/name → content, read the way a link-preview crawler reads them. */
function metaTags(page: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [, key, content] of page.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)) tags.set(key, unescape(content));
  return tags;
}

async function getPage(server: TestServer, path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('share pages (/d/:id)', () => {
  let server: TestServer;
  const ids: Record<'approved' | 'pending' | 'rejected' | 'hidden', string> = { approved: '', pending: '', rejected: '', hidden: '' };
  before(async () => {
    server = await startServer();
    for (const status of Object.keys(ids) as Array<keyof typeof ids>) {
      const res = await server.call('/designs', json(submission({ author: { name: HOSTILE } }), { 'idempotency-key': `pages-key-${status}` }));
      assert.equal(res.status, 201);
      ids[status] = res.body.id;
      const action = { approved: 'approve', rejected: 'reject', hidden: 'hide', pending: null }[status];
      if (action) assert.equal((await server.call(`/designs/${res.body.id}/${action}`, admin({ method: 'POST' }))).status, 200);
    }
    await server.call(`/designs/${ids.approved}/votes`, { method: 'POST' });
  });
  after(() => server.close());

  it('has Open Graph and Twitter tags with the hostile author escaped, and an absolute og:image that is the social card PNG', async () => {
    const page = await getPage(server, `/d/${ids.approved}`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type')!, /^text\/html; charset=utf-8/);
    const meta = metaTags(page.text);
    assert.equal(meta.get('og:title'), `${HOSTILE}'s design — co-design-studio`);
    assert.match(meta.get('og:description')!, /designed by .*\(1 vote\)/);
    assert.ok(meta.get('og:description')!.includes(HOSTILE));
    assert.equal(meta.get('og:url'), `${server.url}/d/${ids.approved}`);
    assert.equal(meta.get('og:image'), `${server.url}/d/${ids.approved}/card.png`);
    assert.equal(meta.get('og:image:width'), '1200');
    assert.equal(meta.get('twitter:card'), 'summary_large_image');
    const image = await fetch(meta.get('og:image')!);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');

    // Nothing the author wrote became markup: no script but the page's own file, no img but the preview, no broken-out attribute.
    assert.deepEqual(page.text.match(/<script[^>]*>/gi), ['<script type="module" src="/share-page.js">']);
    assert.equal(page.text.match(/<img /g)?.length, 1);
    const tags = [...page.text.matchAll(/<[a-zA-Z][^>]*>/g)].map((m) => m[0]);
    for (const tag of tags) {
      // Every tag is well formed with quoted values free of < > ": nothing broke out of an attribute.
      assert.match(tag, /^<[a-z0-9]+(\s+[a-z:-]+(="[^"<>]*")?)*\s*>$/, tag);
      assert.doesNotMatch(tag.replace(/="[^"]*"/g, ""), /\son[a-z]+/, tag);
    }
    assert.deepEqual(new Set(tags.map((t) => /^<([a-z0-9]+)/.exec(t)![1])), new Set(['html', 'head', 'meta', 'title', 'link', 'style', 'script', 'body', 'main', 'h1', 'img', 'p', 'span', 'strong', 'time', 'a', 'section', 'form', 'button', 'h2', 'ul', 'li', 'div', 'progress']));
    assert.ok(page.text.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; O&#39;Brien'));
    assert.match(page.text, /<a href="\/gallery">/);
    // Without script the still preview shows; the time-lapse section waits hidden for the page's script.
    assert.match(page.text, /<img data-preview src="[^"]+\/preview\/[^"]+\.png"/);
    assert.match(page.text, /<section class="timelapse" data-timelapse hidden /);
  });

  it('serves the page under a strict CSP: script from itself only, its one style by hash, not framable', async () => {
    const page = await getPage(server, `/d/${ids.approved}`);
    const csp = page.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self';/);
    assert.match(csp, /form-action 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe/);
    // The time-lapse: the design and template from this origin only, the template's fonts, the design's images.
    assert.match(csp, /connect-src 'self';/);
    assert.match(csp, /font-src 'self';/);
    assert.match(csp, /img-src 'self' data: blob:;/);
    const style = /<style>([\s\S]*?)<\/style>/.exec(page.text)![1];
    const { createHash } = await import('node:crypto');
    assert.ok(csp.includes(`'sha256-${createHash('sha256').update(style).digest('base64')}'`), 'the inline style is allowed by its hash');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  });

  it('answers 404 for unknown, pending, rejected and hidden designs, alike', async () => {
    const bodies = new Set<string>();
    for (const id of ['no-such-design', ids.pending, ids.rejected, ids.hidden, '..%2F..%2Fetc']) {
      const page = await getPage(server, `/d/${id}`);
      assert.equal(page.status, 404, id);
      assert.match(page.headers.get('content-type')!, /^text\/html/);
      assert.ok(page.headers.get('content-security-policy'));
      assert.doesNotMatch(page.text, /og:title|O&#39;Brien/);
      bodies.add(page.text);
    }
    assert.equal(bodies.size, 1, 'one page for every refusal: nothing tells a pending design from none');
  });

  it('ignores a Host header that is not a plain host name when it builds absolute URLs', async () => {
    const page = await getPage(server, `/d/${ids.approved}`, { host: 'evil.example"><script>' });
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /evil\.example/);
  });

  it('uses the configured public URL for absolute links', async () => {
    const other = await startServer({ publicUrl: 'https://brand.example/' });
    try {
      const res = await other.call('/designs', json(submission({ author: { name: 'Grace' } }), { 'idempotency-key': 'pages-public-url' }));
      await other.call(`/designs/${res.body.id}/approve`, admin({ method: 'POST' }));
      const tags = metaTags((await getPage(other, `/d/${res.body.id}`)).text);
      assert.equal(tags.get('og:image'), `https://brand.example/d/${res.body.id}/card.png`);
      assert.equal(tags.get('og:url'), `https://brand.example/d/${res.body.id}`);
    } finally {
      await other.close();
    }
  });
});

describe('the demo pages', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ serveStatic: true });
  });
  after(() => server.close());

  it('serves /, /social.html, /frame.html, /gallery and /dashboard with a CSP that forbids inline script', async () => {
    const port = new URL(server.url).port;
    for (const path of ['/', '/social.html', '/frame.html', '/gallery', '/dashboard']) {
      const page = await getPage(server, path);
      assert.equal(page.status, 200, path);
      assert.match(page.headers.get('content-type')!, /^text\/html/, path);
      const csp = page.headers.get('content-security-policy')!;
      assert.match(csp, /script-src 'self'(;|$)/, path);
      assert.doesNotMatch(page.text, /<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/, `${path} has no inline script`);
      // The social page frames the other site; only the frame may be framed, and only by it.
      if (path === '/social.html') assert.match(csp, new RegExp(`frame-src http://localhost:${port}`));
      if (path === '/frame.html') assert.match(csp, new RegExp(`frame-ancestors 'self' http://localhost:${port}`));
      else assert.match(csp, /frame-ancestors 'none'/);
    }
  });

  it('serves the built scripts and templates, and no page without its headers', async () => {
    assert.equal((await getPage(server, '/templates/roadster.json')).status, 200);
    assert.equal((await getPage(server, '/demo.css')).status, 200);
    assert.equal((await getPage(server, '/gallery.html')).status, 404);
    assert.equal((await getPage(server, '/d/')).status, 404);
  });
});
