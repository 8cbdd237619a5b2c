// A PNG written strip by strip: the rows of a huge image (a car's side at 150 dpi is 26,000 px wide) are filtered
// and deflated as they come, so no whole bitmap is ever held. Our own small writer because the image's rows must
// be made by us, strip by strip, and handed on at once: PNG encoders on npm take a whole bitmap (pngjs,
// @napi-rs/canvas's encode) or are native. The deflate is the platform's (CompressionStream, zlib format: what
// PNG's IDAT holds), typed without Node's own types as this module is.

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Deflated bytes gathered into one IDAT chunk before it is handed on. */
const IDAT_BYTES = 1 << 20;

/** Rows of RGBA pixels, `width` wide, top to bottom. */
export interface Strip {
  rgba: Uint8Array | Uint8ClampedArray;
  rows: number;
}

/**
 * Writes an 8-bit RGB PNG of `width` × `height` from strips of RGBA rows (alpha dropped: the strips are painted
 * on white). Each row is filtered with PNG's "Sub" (a pixel minus the one before it), which flat paint turns into
 * runs of zeros. Yields the file's bytes in pieces.
 */
export async function* pngStream(
  width: number,
  height: number,
  strips: AsyncIterable<Strip>,
): AsyncGenerator<Uint8Array> {
  yield new Uint8Array(SIGNATURE);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, truecolour, deflate, adaptive filtering, no interlace
  yield chunk('IHDR', header);

  const deflate = new CompressionStream('deflate');
  const writer = deflate.writable.getWriter();
  const out: Uint8Array[] = [];
  let pending = 0;
  // Read while writing: a compression stream whose output nobody takes stops taking input.
  const reading = (async () => {
    const reader = deflate.readable.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      out.push(r.value);
      pending += r.value.length;
    }
  })();
  const take = () => {
    const data = concat(out.splice(0), pending);
    pending = 0;
    return chunk('IDAT', data);
  };

  let rowsWritten = 0;
  for await (const strip of strips) {
    await writer.write(filterRows(strip, width));
    rowsWritten += strip.rows;
    if (pending >= IDAT_BYTES) yield take();
  }
  if (rowsWritten !== height) throw new Error(`png: ${rowsWritten} rows written for an image ${height} high`);
  await writer.close();
  await reading;
  if (pending) yield take();
  yield chunk('IEND', new Uint8Array(0));
}

/** RGBA rows as PNG scanlines: a filter byte (1, Sub), then RGB, each byte less the one three before it. */
function filterRows({ rgba, rows }: Strip, width: number): Uint8Array<ArrayBuffer> {
  const line = 1 + width * 3;
  const out = new Uint8Array(rows * line);
  for (let y = 0; y < rows; y++) {
    const o = y * line;
    out[o] = 1;
    let [r0, g0, b0] = [0, 0, 0];
    for (let x = 0, i = y * width * 4, j = o + 1; x < width; x++, i += 4, j += 3) {
      const [r, g, b] = [rgba[i], rgba[i + 1], rgba[i + 2]];
      out[j] = (r - r0) & 0xff;
      out[j + 1] = (g - g0) & 0xff;
      out[j + 2] = (b - b0) & 0xff;
      [r0, g0, b0] = [r, g, b];
    }
  }
  return out;
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  const all = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** A PNG chunk: length, type, data, CRC-32 of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
