/** Small upload files made here, so the specs ship no binaries. */
import { deflateSync } from 'node:zlib';

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

/** An opaque RGBA PNG in four coloured quadrants. */
export function quadrantPng(width = 120, height = 80): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 4);
    for (let x = 0; x < width; x++) {
      const q = (y < height / 2 ? 0 : 2) + (x < width / 2 ? 0 : 1);
      const rgb = [[220, 30, 30], [30, 160, 60], [30, 60, 220], [240, 200, 20]][q];
      row.set([...rgb, 255], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** An SVG drawn with presentation attributes only, a gradient and text. */
export const PLAIN_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><defs><linearGradient id="g"><stop offset="0" stop-color="#c01078"/><stop offset="1" stop-color="#10a0c0"/></linearGradient></defs><rect width="200" height="100" fill="url(#g)"/><circle cx="100" cy="50" r="30" fill="#ffffff" fill-opacity="0.6"/><text x="20" y="60" font-size="24" fill="#1b1d21">Aa</text></svg>`;

/** An SVG styled with a style attribute and a <style> element (see the todo test in pages.spec.ts). */
export const STYLED_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><style>.a{fill:#c01078}</style><rect class="a" width="200" height="100"/><circle cx="100" cy="50" r="30" style="fill:#10a0c0"/></svg>`;
