import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { admin, json, makePng, startServer, submission, type TestServer } from './support.ts';

const key = (n: number | string) => `key-${n}-${Math.random().toString(36).slice(2, 10)}`;

describe('POST /designs', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.close());

  const pendingTotal = async () => (await server.call('/designs?status=pending', admin())).body.total as number;

  /**
   * What a refused request leaves behind: no design (the count is what it was
   * `before`) and no answer under its key, so a corrected body may reuse it.
   */
  async function assertNothingStored(before: number, keys: string[]) {
    assert.equal(await pendingTotal(), before, 'no design stored');
    for (const k of keys) {
      const fixed = await server.call('/designs', json(submission(), { 'idempotency-key': k }));
      assert.equal(fixed.status, 201, `${k}: the key is free for a corrected body`);
      assert.equal(fixed.headers.get('idempotent-replayed'), null, k);
    }
  }

  it('stores a valid submission and answers 201 with its id, status and Location', async () => {
    const res = await server.call('/designs', json(submission(), { 'idempotency-key': key(1) }));
    assert.equal(res.status, 201);
    assert.equal(res.body.status, 'pending');
    assert.equal(res.headers.get('location'), `/api/designs/${res.body.id}`);
    const detail = await server.call(`/designs/${res.body.id}`, admin());
    assert.equal(detail.body.author, 'Ada');
    assert.deepEqual(detail.body.previews.map((p: { view: string }) => p.view).sort(), ['side', 'top']);
    assert.equal(detail.body.consent.termsVersion, '2026-01');
  });

  it('replays the first answer for the same key and body, and stores the design once', async () => {
    const before = await pendingTotal();
    const body = JSON.stringify(submission());
    const k = key(2);
    const first = await server.call('/designs', json(body, { 'idempotency-key': k }));
    const second = await server.call('/designs', json(body, { 'idempotency-key': k }));
    assert.equal(first.status, 201);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(second.body, first.body);
    assert.equal(await pendingTotal(), before + 1);
  });

  it('stores one design when the same submission arrives many times at once', async () => {
    const before = await pendingTotal();
    const body = JSON.stringify(submission());
    const k = key('race');
    const answers = await Promise.all(Array.from({ length: 20 }, () => server.call('/designs', json(body, { 'idempotency-key': k }))));
    assert.deepEqual(new Set(answers.map((a) => `${a.status} ${a.body.id}`)).size, 1);
    assert.equal(answers[0].status, 201);
    assert.equal(answers.filter((a) => a.headers.get('idempotent-replayed') === null).length, 1);
    assert.equal(await pendingTotal(), before + 1);
  });

  it('refuses the same key with another body with 422, storing nothing', async () => {
    const k = key(3);
    const body = JSON.stringify(submission());
    const first = await server.call('/designs', json(body, { 'idempotency-key': k }));
    assert.equal(first.status, 201);
    const before = await pendingTotal();
    // Another author, and the same JSON with one byte more: both are another body.
    for (const other of [JSON.stringify(submission({ author: { name: 'Eve' } })), `${body} `]) {
      const res = await server.call('/designs', json(other, { 'idempotency-key': k }));
      assert.equal(res.status, 422);
      assert.equal(res.body.code, 'idempotency-key-reused');
    }
    assert.equal(await pendingTotal(), before);
    assert.equal((await server.call(`/designs/${first.body.id}`, admin())).body.author, 'Ada');
    const replay = await server.call('/designs', json(body, { 'idempotency-key': k }));
    assert.deepEqual([replay.status, replay.body.id], [201, first.body.id]);
  });

  it('requires an Idempotency-Key, storing nothing without one', async () => {
    const before = await pendingTotal();
    const missing = await server.call('/designs', json(submission()));
    assert.equal(missing.status, 400);
    assert.equal(missing.body.code, 'idempotency-key-invalid');
    for (const bad of ['abc', 'x'.repeat(129), 'key with spaces', 'key/with/slash']) {
      const res = await server.call('/designs', json(submission(), { 'idempotency-key': bad }));
      assert.equal(res.status, 400, bad);
      assert.equal(res.body.code, 'idempotency-key-invalid', bad);
    }
    assert.equal(await pendingTotal(), before);
  });

  it('answers 415 for another content type, or none, storing nothing', async () => {
    const before = await pendingTotal();
    const keys: string[] = [];
    const body = JSON.stringify(submission());
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', undefined]) {
      const k = key('type');
      keys.push(k);
      const headers: Record<string, string> = { 'idempotency-key': k };
      if (type) headers['content-type'] = type;
      // Without a content type fetch would send a string as text/plain: send bytes, which it leaves untyped.
      const res = await server.call('/designs', { method: 'POST', headers, body: type ? body : new TextEncoder().encode(body) });
      assert.equal(res.status, 415, String(type));
      assert.equal(res.body.code, 'unsupported-media-type', String(type));
    }
    await assertNothingStored(before, keys);
  });

  it('answers 413 for a body over 32 MB, and for a design document over 8 MB, storing nothing', async () => {
    const before = await pendingTotal();
    const keys = [key(5), key(6)];
    const huge = `{"pad":"${'x'.repeat(32 * 1024 * 1024)}"}`;
    const res = await server.call('/designs', json(huge, { 'idempotency-key': keys[0] }));
    assert.equal(res.status, 413);
    assert.equal(res.body.code, 'body-too-large');

    const sub = submission();
    const big = sub.design as unknown as { views: { layers: unknown[] }[] };
    big.views[0].layers.push({
      id: 'photo',
      name: 'Photo',
      visible: true,
      locked: false,
      kind: 'object',
      object: { type: 'image', x: 0, y: 0, scaleX: 1, scaleY: 1, angle: 0, width: 10, height: 10, src: `data:image/jpeg;base64,${'A'.repeat(9 * 1024 * 1024)}` },
    });
    const design = await server.call('/designs', json(sub, { 'idempotency-key': keys[1] }));
    assert.equal(design.status, 413);
    assert.equal(design.body.code, 'design-too-large');
    await assertNothingStored(before, keys);
  });

  it('answers 400 with a clear message for malformed JSON, wrong types, huge numbers and prototype keys, storing nothing', async () => {
    const before = await pendingTotal();
    const valid = JSON.stringify(submission());
    /** The valid submission with one stroke whose JSON text is patched: numbers JSON can write but a double cannot hold. */
    const withStroke = (pts: string, size = '4') => {
      const sub = JSON.parse(valid);
      sub.design.views[0].layers[0].marks.push({ type: 'stroke', tool: 'pencil', color: '#112233', size: 4, opacity: 1, pts: [1, 2, 3, 4] });
      return JSON.stringify(sub).replace('"size":4,"opacity":1,"pts":[1,2,3,4]', `"size":${size},"opacity":1,"pts":${pts}`);
    };
    const cases: [string, string | object, RegExp][] = [
      ['malformed', '{"format":', /not valid JSON/],
      ['trailing garbage', `${valid}x`, /not valid JSON/],
      ['empty', '', /empty/],
      ['an array', '[]', /^format: missing/],
      ['null', 'null', /: expected Object, got null/],
      ['proto', `{"__proto__":{"admin":true},"format":"co-design-submission"}`, /__proto__/],
      ['nested proto', valid.replace('"views":[', '"__proto__":{"admin":true},"views":['), /__proto__/],
      ['constructor.prototype', valid.replace('"author":{', '"constructor":{"prototype":{"admin":true}},"author":{'), /constructor\.prototype/],
      ['1e309 in a coordinate', withStroke('[1e309,2,3,4]'), /^design\.views\[0\]\.layers\[0\]\.marks\[0\]\.pts\[0\]: expected a finite number, got Infinity/],
      ['1e400 in a coordinate', withStroke('[10,1e400,3,4]'), /\.pts\[1\]: expected a finite number, got Infinity/],
      ['-1e309 in a coordinate', withStroke('[10,2,-1e309,4]'), /\.pts\[2\]: expected a finite number, got -Infinity/],
      ['30-digit coordinate', withStroke('[123456789012345678901234567890,2,3,4]'), /\.pts: expected integers from -16000000 to 16000000/],
      // Each step only one quantum faster than the last, yet 2,829 points in it has left the ±4,000,000 quanta.
      ['second-order deltas adding up', withStroke(`[0,0,1,0${',1,1'.repeat(3000)}]`), /\.pts: point 2828 lies beyond ±4000000 quanta once decoded/],
      ['1e309 stroke size', withStroke('[1,2,3,4]', '1e309'), /\.marks\[0\]\.size: expected a finite number, got Infinity/],
      ['1e400 in metrics', valid.replace('"engagedMs":60000', '"engagedMs":1e400'), /^metrics\.engagedMs: expected milliseconds .* got Infinity/],
      ['wrong type', { ...submission(), author: { name: 42 } }, /^author\.name: /],
      ['previews not an array', { ...submission(), previews: 'side.png' }, /^previews: /],
      ['string for a number', { ...submission(), metrics: { ...submission().metrics, strokes: '12' } }, /^metrics\.strokes: /],
      ['unknown key', { ...submission(), extra: 1 }, /^extra: unknown key/],
      ['huge number', { ...submission(), metrics: { ...submission().metrics, engagedMs: 1e300 } }, /^metrics\.engagedMs: expected milliseconds/],
      ['bad design', { ...submission(), design: { ...submission().design, views: [] } }, /^design\.views: /],
      ['missing view preview', { ...submission(), previews: [submission().previews[0]] }, /no preview of view "top"/],
      ['unknown view preview', { ...submission(), previews: [...submission().previews, { view: 'back', png: submission().previews[0].png }] }, /"back" is not a view/],
    ];
    const keys: string[] = [];
    for (const [name, body, message] of cases) {
      const k = key(name.replace(/[^A-Za-z0-9]+/g, '-'));
      keys.push(k);
      const res = await server.call('/designs', json(typeof body === 'string' ? body : JSON.stringify(body), { 'idempotency-key': k }));
      assert.equal(res.status, 400, name);
      assert.match(res.body.message, message, name);
    }
    await assertNothingStored(before, keys);
  });

  it('refuses a header-claimed pixel bomb quickly, before decoding the image, storing nothing', async () => {
    const before = await pendingTotal();
    const bomb = makePng(8, 8, { width: 100_000, height: 100_000 }).toString('base64');
    const sub = submission();
    sub.previews[0].png = bomb;
    const k = key('bomb');
    const res = await server.call('/designs', json(sub, { 'idempotency-key': k }));
    assert.equal(res.status, 400);
    assert.equal(res.body.code, 'preview-invalid');
    assert.match(res.body.message, /^previews\[0\]\.png: PNG of 100000 × 100000 pixels/);
    assert.ok(res.ms < 250, `answered in ${res.ms.toFixed(0)} ms`);
    await assertNothingStored(before, [k]);
  });

  it('refuses previews that are not exactly one PNG: bad signature, bad CRC, bytes after IEND', async () => {
    const before = await pendingTotal();
    const keys: string[] = [];
    const good = makePng(16, 16);
    const badCrc = Buffer.from(good);
    badCrc[45] ^= 0xff; // inside the IDAT data
    const variants: [string, Buffer, RegExp][] = [
      ['gif', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'.padEnd(64, '\0'), 'latin1'), /bad signature/],
      ['crc', badCrc, /bad CRC/],
      ['polyglot', Buffer.concat([good, Buffer.from('<script>alert(1)</script>')]), /after the end/],
    ];
    for (const [name, png, message] of variants) {
      const sub = submission();
      sub.previews[1].png = png.toString('base64');
      const k = key(name);
      keys.push(k);
      const res = await server.call('/designs', json(sub, { 'idempotency-key': k }));
      assert.equal(res.status, 400, name);
      assert.match(res.body.message, message, name);
    }
    await assertNothingStored(before, keys);
  });
});

describe('Idempotency-Key lifetime', () => {
  it('forgets a key after 24 hours', async () => {
    let clock = Date.parse('2026-03-01T00:00:00Z');
    const server = await startServer({ now: () => clock });
    try {
      const k = key('ttl');
      assert.equal((await server.call('/designs', json(submission(), { 'idempotency-key': k }))).status, 201);
      clock += 23 * 3600_000;
      assert.equal((await server.call('/designs', json(submission(), { 'idempotency-key': k }))).status, 422);
      clock += 2 * 3600_000;
      const later = await server.call('/designs', json(submission(), { 'idempotency-key': k }));
      assert.equal(later.status, 201);
      assert.equal(later.headers.get('idempotent-replayed'), null);
    } finally {
      await server.close();
    }
  });
});
