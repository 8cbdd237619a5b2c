/**
 * One attempt, classified: the rules as a table, and the real thing over
 * loopback (progress of a large upload, a stall, an abort).
 */
import { expect } from '@open-wc/testing';
import { classify, postSubmission, utf8Length, type SendResult } from '../../src/transport/http.ts';
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../src/transport/retry.ts';
import { startApiServer, type ApiServer } from '../server/client.ts';
import { waitFor } from '../support/wait.ts';
import { blobToBase64, fixtureSubmission } from './support.ts';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const headers = (h: Record<string, string>) => (name: string) => h[name.toLowerCase()] ?? null;

describe('postSubmission: classifying an answer', () => {
  const receipt = JSON.stringify({ id: 'abc123', status: 'pending' });
  const error = (code: string) => JSON.stringify({ code, message: `${code} happened` });
  const cases: Array<[string, number, string, Record<string, string>, Partial<SendResult> & { retryAfterMs?: number }]> = [
    ['201 with a receipt', 201, receipt, {}, { outcome: 'sent', replayed: false }],
    ['200 replay', 200, receipt, { 'idempotent-replayed': 'true' }, { outcome: 'sent', replayed: true }],
    ['201 from a captive portal', 201, '<html>', {}, { outcome: 'retry' }],
    ['200 HTML page, by its type', 200, 'Welcome to Station Wi-Fi', { 'content-type': 'text/html; charset=utf-8' }, { outcome: 'retry' }],
    ['201 in the backend\'s own words', 201, '{"id":"d-1","status":"received"}', {}, { outcome: 'sent', replayed: false }],
    ['201 JSON labelled text/html (PHP\'s default)', 201, '{"id":"d-1"}', { 'content-type': 'text/html' }, { outcome: 'sent' }],
    ['204 labelled text/html', 204, '', { 'content-type': 'text/html' }, { outcome: 'sent' }],
    ['202 accepted', 202, '{"ok":true}', { 'content-type': 'application/json' }, { outcome: 'sent' }],
    ['204 without a body', 204, '', {}, { outcome: 'sent' }],
    ['201 "Created" as plain text', 201, 'Created', { 'content-type': 'text/plain' }, { outcome: 'sent' }],
    ['408', 408, error('timeout'), {}, { outcome: 'retry' }],
    ['429 with seconds', 429, error('rate-limited'), { 'retry-after': '7' }, { outcome: 'retry', retryAfterMs: 7000 }],
    ['503 with an HTTP-date', 503, error('down'), { 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }, { outcome: 'retry', retryAfterMs: 30_000 }],
    ['502 from a proxy, HTML', 502, '<html>bad gateway</html>', {}, { outcome: 'retry' }],
    ['400', 400, error('design-invalid'), {}, { outcome: 'final' }],
    ['413', 413, error('body-too-large'), {}, { outcome: 'final' }],
    ['422 key reused', 422, error('idempotency-key-reused'), {}, { outcome: 'final' }],
    ['404 without a body', 404, '', {}, { outcome: 'final' }],
  ];
  for (const [name, status, body, h, expected] of cases) {
    it(name, () => {
      const result = classify(status, body, headers(h), NOW);
      expect(result).to.deep.include({ ...expected, status });
      if (result.outcome === 'final') expect(result.error.message).to.be.a('string').and.not.equal('');
    });
  }

  it('passes any 2xx JSON on as the receipt, as it came, and says how it departs from the protocol', () => {
    const sent = (status: number, body: string, type = 'application/json') => {
      const result = classify(status, body, headers({ 'content-type': type }), NOW);
      if (result.outcome !== 'sent') throw new Error(`expected sent, got ${result.outcome}`);
      return { receipt: result.receipt, unlike: result.unlike };
    };
    expect(sent(201, receipt)).to.deep.equal({ receipt: { id: 'abc123', status: 'pending' }, unlike: undefined });
    const foreign = sent(201, '{"id":"d-1","status":"received","queue":{"position":3}}');
    expect(foreign.receipt).to.deep.equal({ id: 'd-1', status: 'received', queue: { position: 3 } });
    expect(foreign.unlike).to.equal('status "received" is not one of pending, approved, rejected, hidden; other fields: queue');
    expect(sent(200, '{"id":42}')).to.deep.equal({ receipt: { id: 42 }, unlike: 'id 42 is not a protocol id (a string of 1-64 letters, digits, _ or -); no status' });
    expect(sent(201, '{"id":{"n":1},"status":true,"ok":1}').receipt, 'an id or status of another type is dropped').to.deep.equal({ ok: 1 });
    expect(sent(201, '["d-1"]')).to.deep.equal({ receipt: {}, unlike: 'its body was an array, not an object' });
    expect(sent(201, 'null')).to.deep.equal({ receipt: {}, unlike: 'its body was the JSON null, not an object' });
    expect(sent(204, '', '')).to.deep.equal({ receipt: {}, unlike: 'it had no body' });
    expect(sent(201, 'Created', 'text/plain')).to.deep.equal({ receipt: {}, unlike: 'its body was not JSON (text/plain)' });
    // Unsafe keys or a body beyond the bounds: only the two typed fields are kept.
    const hostile = sent(201, '{"id":"d-2","status":"ok","__proto__":{"polluted":true}}');
    expect(hostile.receipt).to.deep.equal({ id: 'd-2', status: 'ok' });
    expect(Object.getPrototypeOf(hostile.receipt)).to.equal(Object.prototype);
    expect(hostile.unlike).to.match(/only id and status were kept \(.*"__proto__" is not allowed\)/);
    expect(sent(201, JSON.stringify({ id: 'd-3', blob: 'x'.repeat(20_000) })).receipt).to.deep.equal({ id: 'd-3' });
  });

  it('keeps the server\'s code and message for the UI, and makes one when a proxy answered', () => {
    expect(classify(400, error('design-invalid'), headers({}), NOW)).to.deep.include({ error: { code: 'design-invalid', message: 'design-invalid happened' } });
    expect(classify(404, 'Not Found', headers({}), NOW)).to.deep.include({ error: { code: 'http-404', message: 'the server answered 404' } });
  });
});

describe('Retry-After and backoff', () => {
  it('counts UTF-8 bytes as the upload does', () => {
    for (const text of ['', 'abc', 'é', '…', '😀', 'a…😀é\ud800', '\ud800x', '\udc00😀']) expect(utf8Length(text), text).to.equal(new TextEncoder().encode(text).length);
  });

  it('reads delta-seconds and HTTP-dates, clamps them, ignores garbage', () => {
    expect(parseRetryAfter('0', NOW)).to.equal(0);
    expect(parseRetryAfter(' 120 ', NOW)).to.equal(120_000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:59:00 GMT', NOW)).to.equal(0);
    expect(parseRetryAfter('999999999', NOW)).to.equal(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('-5', NOW)).to.equal(undefined);
    expect(parseRetryAfter('soon', NOW)).to.equal(undefined);
    expect(parseRetryAfter(null, NOW)).to.equal(undefined);
  });

  it('draws the wait in the upper half of a window that doubles up to the cap: 1-2 s, 2-4 s … 30-60 s', () => {
    const policy = { baseMs: 1000, capMs: 60_000 };
    const top = (n: number) => backoffDelay(n, policy, () => 0.999999);
    const bottom = (n: number) => backoffDelay(n, policy, () => 0);
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(bottom)).to.deep.equal([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(top)).to.deep.equal([1999, 3999, 7999, 15999, 31999, 59999, 59999, 59999]);
    expect(backoffDelay(3, policy, () => 0.5)).to.equal(6000);
    expect(backoffDelay(1), 'the default policy never draws under a second').to.be.at.least(1000);
  });
});

describe('postSubmission over loopback', () => {
  let api: ApiServer;
  afterEach(() => api?.stop());

  it('reports upload progress of a large submission up to its full size', async () => {
    api = await startApiServer();
    // A noisy 1024² PNG compresses badly: a few MB of base64, as a real preview can be.
    const canvas = new OffscreenCanvas(1024, 1024);
    const ctx = canvas.getContext('2d')!;
    const pixels = ctx.createImageData(1024, 1024);
    crypto.getRandomValues(pixels.data.subarray(0, 65536));
    for (let i = 65536; i < pixels.data.length; i += 65536) pixels.data.copyWithin(i, 0, 65536);
    for (let i = 0; i < pixels.data.length; i += 4) pixels.data[i + 3] = 255;
    ctx.putImageData(pixels, 0, 0);
    const png = await blobToBase64(await canvas.convertToBlob({ type: 'image/png' }));
    const body = JSON.stringify(fixtureSubmission('draftBig', png));
    expect(body.length).to.be.greaterThan(1_000_000);

    const progress: Array<[number, number]> = [];
    const result = await postSubmission(api.endpoint, body, { key: 'big-key-0001', onProgress: (p) => progress.push([p.loaded, p.total]) });
    expect(result.outcome).to.equal('sent');
    expect(progress.length).to.be.greaterThan(0);
    const bytes = new TextEncoder().encode(body).length;
    expect(progress.at(-1)).to.deep.equal([bytes, bytes]);
    for (let i = 1; i < progress.length; i++) expect(progress[i][0]).to.be.at.least(progress[i - 1][0]);
  });

  it('gives up on a stalled answer as a retryable timeout', async () => {
    api = await startApiServer({ faults: { designs: [{ delayMs: 1500 }] } });
    const result = await postSubmission(api.endpoint, fixtureSubmission(), { key: 'stall-key-01', stallMs: 300 });
    expect(result).to.deep.include({ outcome: 'retry', status: 0 });
    expect((result as { error: { code: string } }).error.code).to.equal('timeout');
  });

  it('rejects with the abort reason when its signal aborts mid-flight', async () => {
    api = await startApiServer({ faults: { designs: [{ delayMs: 5000 }] } });
    const controller = new AbortController();
    const sending = postSubmission(api.endpoint, fixtureSubmission(), { key: 'abort-key-01', signal: controller.signal }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // Mid-flight: the server has the request and holds its answer back.
    await waitFor(async () => (await api!.state()).faults.applied.length > 0, 'the request at the server');
    controller.abort(new DOMException('stop', 'AbortError'));
    expect(((await sending) as DOMException).name).to.equal('AbortError');
  });
});
