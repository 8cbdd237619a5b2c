/**
 * How the reference server serves the widget (server/pages/assets.ts,
 * server/compression.ts): compressed by Accept-Encoding, hashed chunks cached
 * for a year, everything else revalidated. Over real HTTP on loopback, read
 * with node:http so that the bytes on the wire are seen before any decoding.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bundleSize } from '../../scripts/bundle-size.ts';
import { registerCompression } from '../../server/compression.ts';
import { IMMUTABLE, REVALIDATE, registerAssets } from '../../server/pages/assets.ts';
import { ADMIN, admin, json, startServer, submission, type TestServer } from './support.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BOTH = { 'accept-encoding': 'gzip, deflate, br' };

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function raw(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decode(res: Raw): Buffer {
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(res.body);
  if (encoding === 'gzip') return gunzipSync(res.body);
  assert.equal(encoding, undefined);
  return res.body;
}

const varies = (res: Raw) => /\baccept-encoding\b/i.test(String(res.headers.vary));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)));
}

/** The biggest lazy chunk, by its name in this build (the hash changes with the code). */
function largestChunk(): string[] {
  const dir = join(root, 'dist/chunks');
  if (!existsSync(dir)) return [];
  const sizes = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: `chunks/${f}`, size: statSync(join(dir, f)).size }));
  return sizes
    .sort((a, b) => b.size - a.size)
    .slice(0, 1)
    .map((c) => c.file);
}

describe('serving the widget like a CDN', () => {
  let server: TestServer;
  before(async () => {
    assert.ok(
      readdirSync(join(root, 'dist')).includes('co-design-studio.js.br'),
      'dist/ is missing or old: run `npm run build` first',
    );
    server = await startServer({ serveStatic: true });
  });
  after(() => server.close());

  // Each ≥ 1 KB, over the on-the-fly threshold; the scripts come from the build's own .br/.gz copies.
  const SAMPLES = [
    ['/dist/co-design-studio.js', 'dist/co-design-studio.js'],
    ['/dist/parent.js', 'dist/parent.js'],
    ...largestChunk().map((file) => [`/dist/${file}`, `dist/${file}`]),
    ['/templates/roadster.json', 'templates/roadster.json'],
    ['/templates/roadster/side-base.svg', 'templates/roadster/side-base.svg'],
    ['/demo.css', 'demo/demo.css'],
    ['/', 'demo/index.html'],
  ];

  it('sends brotli when allowed, else gzip, else the file as is; each decodes to the bytes of the file', async () => {
    for (const [path, file] of SAMPLES) {
      const bytes = readFileSync(join(root, file));
      const br = await raw(server.url + path, BOTH);
      const gzip = await raw(server.url + path, { 'accept-encoding': 'gzip, br;q=0' });
      const plain = await raw(server.url + path);
      const identity = await raw(server.url + path, { 'accept-encoding': 'identity' });
      assert.equal(br.headers['content-encoding'], 'br', path);
      assert.equal(gzip.headers['content-encoding'], 'gzip', path);
      assert.equal(plain.headers['content-encoding'], undefined, `${path}: nothing compressed without Accept-Encoding`);
      assert.equal(identity.headers['content-encoding'], undefined, path);
      for (const res of [br, gzip, plain, identity]) {
        assert.equal(res.status, 200, path);
        assert.ok(
          decode(res).equals(bytes),
          `${path} (${res.headers['content-encoding'] ?? 'identity'}) decodes to ${file}`,
        );
        assert.ok(varies(res), `${path}: Vary: accept-encoding on every answer, the plain one too`);
      }
      assert.ok(br.body.length < gzip.body.length && gzip.body.length < plain.body.length, path);
    }
  });

  it("compresses the API's JSON over 1 KB, and leaves the PNG previews and small answers alone", async () => {
    const { body } = await server.call('/designs', json(submission(), { 'idempotency-key': 'serving-key-1' }));
    await server.call(`/designs/${body.id}/approve`, admin({ method: 'POST' }));
    // What moderation reads: the design with its metrics, over 1 KB.
    const detail = await raw(`${server.api}/designs/${body.id}`, { ...BOTH, authorization: `Bearer ${ADMIN}` });
    assert.equal(detail.headers['content-encoding'], 'br');
    assert.ok(varies(detail));
    assert.ok(detail.body.length < decode(detail).length);
    assert.equal(JSON.parse(decode(detail).toString('utf8')).id, body.id);
    const preview = await raw(`${server.api}/designs/${body.id}/preview/side.png`, BOTH);
    assert.equal(preview.headers['content-type'], 'image/png');
    assert.equal(preview.headers['content-encoding'], undefined, 'a PNG is compressed already');
    const list = await raw(`${server.api}/designs`, BOTH);
    assert.ok(list.body.length < 1024 && list.headers['content-encoding'] === undefined, 'under 1 KB: sent as it is');
  });

  it('serves the templates\' fonts as font/woff2, as they are (woff2 is compressed already), revalidated', async () => {
    const path = '/templates/fonts/inter/inter-latin-400-normal.woff2';
    const res = await raw(server.url + path, BOTH);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'font/woff2');
    assert.equal(res.headers['content-encoding'], undefined);
    assert.equal(res.headers['cache-control'], REVALIDATE);
    assert.ok(res.body.equals(readFileSync(join(root, 'templates', path.slice('/templates/'.length)))));
    const licence = await raw(`${server.url}/templates/fonts/inter/LICENSE.txt`);
    assert.match(String(licence.headers['content-type']), /^text\/plain/);
  });

  it('caches hashed chunks for a year, immutable, and nothing else: entries, maps, types, templates, art, demo', async () => {
    const chunks = new Set(filesUnder(join(root, 'dist')).filter((f) => /^chunks\/[^/]+\.js$/.test(f)));
    assert.ok(chunks.size > 10, 'the build wrote its lazy chunks');
    const files = [
      ...filesUnder(join(root, 'dist'))
        .filter((f) => !/\.(br|gz)$/.test(f))
        .map((f) => `/dist/${f}`),
      ...filesUnder(join(root, 'templates')).map((f) => `/templates/${f}`),
      ...filesUnder(join(root, 'demo'))
        .filter((f) => !f.endsWith('.html'))
        .map((f) => `/${f}`),
      '/',
      '/social.html',
      '/frame.html',
      '/gallery',
      '/dashboard',
    ];
    for (const entry of ['co-design-studio.js', 'parent.js', 'gallery.js', 'dashboard.js'])
      assert.ok(files.includes(`/dist/${entry}`));
    let immutable = 0;
    for (const path of files) {
      for (const headers of [BOTH, {}]) {
        const res = await raw(server.url + path, headers, 'HEAD');
        assert.equal(res.status, 200, path);
        const hashed = path.startsWith('/dist/') && chunks.has(path.slice('/dist/'.length));
        assert.equal(res.headers['cache-control'], hashed ? IMMUTABLE : REVALIDATE, path);
        if (hashed) immutable++;
        else
          assert.ok(res.headers.etag && res.headers['last-modified'], `${path}: revalidated by ETag and Last-Modified`);
      }
    }
    assert.equal(immutable, chunks.size * 2);
  });

  it("matches the build's own names: lazy chunks go to chunks/ with a hash, entries never do", async () => {
    const config = (await import('../../vite.config.ts')).default as (env: { mode: string; command: 'build' }) => any;
    for (const mode of ['production', 'parent', 'gallery', 'dashboard']) {
      const { build } = config({ mode, command: 'build' });
      assert.match(build.rollupOptions.output.chunkFileNames, /^chunks\/[^/]*-\[hash\]\.js$/, mode);
      assert.doesNotMatch(
        build.lib.fileName(),
        /^chunks\//,
        `${mode}: the entry's name is not hashed, so not in chunks/`,
      );
    }
  });

  it('answers a revalidation with 304 and no body, for every encoding, and the copy that was asked for', async () => {
    for (const [path] of SAMPLES) {
      for (const headers of [BOTH, { 'accept-encoding': 'gzip' }, {}]) {
        const first = await raw(server.url + path, headers);
        const etag = String(first.headers.etag);
        const again = await raw(server.url + path, { ...headers, 'if-none-match': etag });
        assert.equal(again.status, 304, `${path} ${JSON.stringify(headers)}`);
        assert.equal(again.body.length, 0);
        assert.equal(again.headers.etag, etag);
        assert.equal(again.headers['content-encoding'], undefined, `${path}: a 304 relabels nothing a cache holds`);
        assert.equal(again.headers['cache-control'], first.headers['cache-control']);
        const since = await raw(server.url + path, {
          ...headers,
          'if-modified-since': String(first.headers['last-modified']),
        });
        assert.equal(since.status, 304, `${path}: by Last-Modified too`);
      }
    }
    // The build's copies are files of their own: the br copy's ETag is not the plain one's,
    // so neither revalidates the other.
    const br = await raw(`${server.url}/dist/co-design-studio.js`, BOTH);
    const plain = await raw(`${server.url}/dist/co-design-studio.js`);
    assert.notEqual(br.headers.etag, plain.headers.etag);
    assert.equal(
      (await raw(`${server.url}/dist/co-design-studio.js`, { 'if-none-match': String(br.headers.etag) })).status,
      200,
    );
  });

  it('answers HEAD with the headers of GET, and Range with the bytes of the copy it names', async () => {
    for (const [path] of SAMPLES) {
      const get = await raw(server.url + path, BOTH);
      const head = await raw(server.url + path, BOTH, 'HEAD');
      assert.equal(head.status, 200);
      assert.equal(head.body.length, 0);
      for (const name of [
        'content-encoding',
        'content-type',
        'cache-control',
        'etag',
        'vary',
        'content-security-policy',
      ]) {
        assert.equal(head.headers[name], get.headers[name], `${path}: ${name}`);
      }
    }
    // The build's copy: a range of the br bytes, labelled br, as HTTP defines a range of an encoded answer.
    const entry = readFileSync(join(root, 'dist/co-design-studio.js'));
    const entryBr = readFileSync(join(root, 'dist/co-design-studio.js.br'));
    const brRange = await raw(`${server.url}/dist/co-design-studio.js`, { ...BOTH, range: 'bytes=100-199' });
    assert.equal(brRange.status, 206);
    assert.equal(brRange.headers['content-encoding'], 'br');
    assert.equal(brRange.headers['content-range'], `bytes 100-199/${entryBr.length}`);
    assert.ok(brRange.body.equals(entryBr.subarray(100, 200)));
    const plainRange = await raw(`${server.url}/dist/co-design-studio.js`, { range: 'bytes=100-199' });
    assert.ok(plainRange.body.equals(entry.subarray(100, 200)));
    // On the fly, a range is never compressed: its offsets are the file's.
    const template = readFileSync(join(root, 'templates/roadster.json'));
    const range = await raw(`${server.url}/templates/roadster.json`, { ...BOTH, range: 'bytes=10-59' });
    assert.equal(range.status, 206);
    assert.equal(range.headers['content-encoding'], undefined);
    assert.equal(range.headers['content-range'], `bytes 10-59/${template.length}`);
    assert.ok(range.body.equals(template.subarray(10, 60)));
  });

  it("serves the build's copies only in place of their script, never at a URL of their own", async () => {
    for (const suffix of ['.br', '.gz'])
      assert.equal((await raw(`${server.url}/dist/co-design-studio.js${suffix}`, BOTH)).status, 404);
  });

  it('sends the initial bundle in about a quarter of its bytes', async (t) => {
    const initial = bundleSize(join(root, 'dist')).files.filter((f) => f.initial);
    const sum = async (headers: Record<string, string>) => {
      let bytes = 0;
      for (const f of initial) bytes += (await raw(`${server.url}/dist/${f.file}`, headers)).body.length;
      return bytes;
    };
    const [plain, gzip, br] = [await sum({}), await sum({ 'accept-encoding': 'gzip' }), await sum(BOTH)];
    const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;
    t.diagnostic(
      `initial bundle (${initial.length} files) over the wire: ${kb(plain)} as is, ${kb(gzip)} gzip, ${kb(br)} brotli`,
    );
    assert.ok(br < gzip * 0.9, 'brotli at the best level beats gzip by a tenth at least');
    assert.ok(br < plain * 0.3);
  });
});

/** A name as the build writes a lazy chunk, with rolldown's eight characters of hash. */
const HASHED = 'dist/chunks/x-1a2B3c_-.js';
/** Names without that hash, or not where the build puts hashed chunks. */
const UNHASHED = [
  'dist/chunks/notes.js',
  'dist/chunks/notes-v2.js',
  'dist/chunks/x-1a2B3c_.js',
  'dist/chunks/x-1a2B3c_-.js.map',
  'dist/chunks/x-1a2B3c_-.css',
  'dist/entry-1a2B3c_-.js',
  'templates/t-1a2B3c_-.js',
];

describe('serving a tree that is not the build', () => {
  let dir: string;
  let app: FastifyInstance;
  let url: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cds-serving-'));
    for (const sub of ['dist/chunks', 'templates', 'demo']) mkdirSync(join(dir, sub), { recursive: true });
    for (const name of [HASHED, ...UNHASHED]) writeFileSync(join(dir, name), 'export const x = 1;\n');
    writeFileSync(join(dir, 'templates/t.json'), JSON.stringify({ v: 1, pad: 'x'.repeat(2000) }));
    app = Fastify();
    await registerCompression(app);
    await registerAssets(app, dir + '/');
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never marks an unhashed name immutable, wherever it sits', async () => {
    // The hashed name first: it proves the rule can say yes here, so the noes below mean something.
    assert.equal((await raw(`${url}/${HASHED}`)).headers['cache-control'], IMMUTABLE);
    for (const name of UNHASHED) {
      assert.equal((await raw(`${url}/${name}`, BOTH)).headers['cache-control'], REVALIDATE, name);
    }
  });

  it('stops answering 304 once the file changed, and sends the new bytes', async () => {
    const first = await raw(`${url}/templates/t.json`, BOTH);
    assert.equal(
      (await raw(`${url}/templates/t.json`, { ...BOTH, 'if-none-match': String(first.headers.etag) })).status,
      304,
    );
    const changed = JSON.stringify({ v: 2, pad: 'y'.repeat(2100) });
    writeFileSync(join(dir, 'templates/t.json'), changed);
    const after = await raw(`${url}/templates/t.json`, { ...BOTH, 'if-none-match': String(first.headers.etag) });
    assert.equal(after.status, 200);
    assert.equal(decode(after).toString('utf8'), changed);
  });
});
