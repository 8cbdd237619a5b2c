/**
 * The site's icon: a browser opening any page of the reference host asks for
 * an icon, and a 404 there is the first error a newcomer sees in the console.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startServer, type TestServer } from './support.ts';

/** The sources a CSP directive allows, e.g. `img-src` → ["'self'", 'blob:']. */
function directive(csp: string, name: string): string[] {
  const found = csp.split(';').map((d) => d.trim().split(/\s+/)).find(([key]) => key === name);
  return found ? found.slice(1) : [];
}

/** The ICO's one image as the directory and its BITMAPINFOHEADER describe it, and a pixel's BGRA bytes. */
function readIco(bytes: Buffer) {
  const count = bytes.readUInt16LE(4);
  const width = bytes.readUInt8(6);
  const height = bytes.readUInt8(7);
  const size = bytes.readUInt32LE(14);
  const offset = bytes.readUInt32LE(18);
  const bits = bytes.readUInt16LE(offset + 14);
  // Rows are stored bottom-up, four bytes a pixel, right after the 40-byte header.
  const pixel = (x: number, y: number) => {
    const at = offset + 40 + ((height - 1 - y) * width + x) * 4;
    return { b: bytes[at], g: bytes[at + 1], r: bytes[at + 2], a: bytes[at + 3] };
  };
  return { reserved: bytes.readUInt16LE(0), type: bytes.readUInt16LE(2), count, width, height, size, offset, bits, pixel };
}

describe('the site icon', () => {
  let bare: TestServer;
  let demo: TestServer;
  before(async () => {
    bare = await startServer({ serveStatic: false });
    demo = await startServer({ serveStatic: true });
  });
  after(async () => {
    await bare.close();
    await demo.close();
  });

  it('answers /favicon.ico with a 32 × 32 icon, also where the demo pages are not served', async () => {
    for (const server of [bare, demo]) {
      const response = await fetch(`${server.url}/favicon.ico`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type')!, /^image\//);
      assert.match(response.headers.get('cache-control')!, /max-age=\d+/);
      const bytes = Buffer.from(await response.arrayBuffer());
      const ico = readIco(bytes);
      assert.deepEqual([ico.reserved, ico.type, ico.count], [0, 1, 1], 'an ICO directory with one image');
      assert.deepEqual([ico.width, ico.height, ico.bits], [32, 32, 32]);
      assert.equal(ico.offset + ico.size, bytes.length, 'the image fills the file');
      // The rounded corner is transparent; the square is the accent blue, the scribble white.
      assert.equal(ico.pixel(0, 0).a, 0);
      assert.deepEqual(ico.pixel(3, 16), { r: 0x0a, g: 0x58, b: 0xca, a: 255 });
      assert.deepEqual(ico.pixel(13, 12), { r: 255, g: 255, b: 255, a: 255 });
    }
  });

  it('answers /favicon.svg with the SVG the pages link', async () => {
    const response = await fetch(`${bare.url}/favicon.svg`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-security-policy')!, /default-src 'none'/);
    const text = await response.text();
    assert.match(text, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 32 32">/);
    assert.doesNotMatch(text, /<script|href=|on\w+=/i, 'nothing in it runs or loads');
  });

  it('is linked from every demo page and the share pages, whose policies allow images from the site', async () => {
    const link = '<link rel="icon" href="/favicon.svg" type="image/svg+xml"';
    for (const path of ['/', '/social.html', '/frame.html', '/gallery', '/dashboard', '/d/unknown']) {
      const response = await fetch(`${demo.url}${path}`);
      assert.equal(response.status, path === '/d/unknown' ? 404 : 200, path);
      assert.ok((await response.text()).includes(link), `${path} links the icon`);
      assert.ok(directive(response.headers.get('content-security-policy')!, 'img-src').includes("'self'"), `${path} allows it`);
    }
  });
});
