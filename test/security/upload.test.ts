import { expect } from '@open-wc/testing';
import { prepareUpload } from '../../src/security/upload.ts';
import {
  ascii, canvasBytes, concat, dataUrlBytes, exifOrientation, expectRefused, fileOf, hasBytes,
  patchJpegSize, pixelAt, pngClaiming, quadrants, spliceAfterSoi, SVG_NS, svgFile,
} from './helpers.ts';

const near = (px: number[], rgb: [number, number, number], tolerance = 40) =>
  rgb.every((v, i) => Math.abs(px[i]! - v) <= tolerance);

describe('prepareUpload', () => {
  it('re-encodes a PNG as a PNG data URL with its own size and name', async () => {
    const png = await canvasBytes(40, 30, 'image/png', quadrants);
    const out = await prepareUpload(fileOf(png, 'logo.png'));
    expect(out.mime).to.equal('image/png');
    expect(out.src.startsWith('data:image/png;base64,')).to.be.true;
    expect([out.width, out.height]).to.deep.equal([40, 30]);
    expect(out.name).to.equal('logo.png');
  });

  it('refuses a file over the size cap before reading it', async () => {
    // 16 MB of zeros behind a real PNG signature: the size alone decides.
    const big = fileOf([await canvasBytes(4, 4, 'image/png', quadrants), new Uint8Array(16 * 1024 * 1024)], 'big.png');
    const error = await expectRefused(prepareUpload(big), 'upload-too-large');
    expect(error.params.limit).to.equal(15 * 1024 * 1024);
    await expectRefused(prepareUpload(fileOf(await canvasBytes(8, 8, 'image/png', quadrants), 'a.png'), { maxBytes: 10 }), 'upload-too-large');
  });

  it('refuses a PNG whose IHDR claims 65,535 × 65,535 from its header, without decoding', async () => {
    const started = performance.now();
    const error = await expectRefused(prepareUpload(fileOf(pngClaiming(65535, 65535), 'bomb.png')), 'upload-dimensions');
    // A bound only a decode of 4 gigapixels misses, wide enough for a machine whose cores are busy elsewhere.
    expect(performance.now() - started).to.be.below(5000);
    expect(error.params).to.include({ width: 65535, height: 65535, maxSide: 8192 });
  });

  it('refuses a JPEG whose frame header claims a huge size', async () => {
    const jpeg = await canvasBytes(16, 16, 'image/jpeg', quadrants);
    await expectRefused(prepareUpload(fileOf(patchJpegSize(jpeg, 60000, 60000), 'huge.jpg', 'image/jpeg')), 'upload-dimensions');
    // Within the per-side cap but over 40 megapixels.
    await expectRefused(prepareUpload(fileOf(patchJpegSize(jpeg, 8000, 8000), 'wide.jpg', 'image/jpeg')), 'upload-dimensions');
  });

  it('refuses GIF, WebP, HTML and PDF files named and typed as PNG', async () => {
    const fakes: [string, BlobPart][] = [
      ['gif', concat(ascii('GIF89a'), [1, 0, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3b])],
      ['webp', concat(ascii('RIFF'), [26, 0, 0, 0], ascii('WEBPVP8L'), new Uint8Array(14))],
      ['html', '<!doctype html><html><body><script>alert(1)</script></body></html>'],
      ['html with svg', '<html><svg onload="alert(1)"></svg></html>'],
      ['pdf', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'],
      ['empty', new Uint8Array(0)],
    ];
    for (const [, bytes] of fakes) {
      await expectRefused(prepareUpload(fileOf(bytes, 'photo.png', 'image/png')), 'upload-type');
    }
  });

  it('refuses a truncated PNG', async () => {
    const png = await canvasBytes(64, 64, 'image/png', (ctx) => {
      for (let i = 0; i < 400; i++) {
        ctx.fillStyle = `hsl(${i * 37} 80% 50%)`;
        ctx.fillRect((i * 13) % 64, (i * 7) % 64, 5, 5);
      }
    });
    await expectRefused(prepareUpload(fileOf(png.subarray(0, png.length >> 1), 'cut.png')), 'upload-decode');
    await expectRefused(prepareUpload(fileOf(png.subarray(0, 20), 'cut-header.png')), 'upload-decode');
  });

  it('honours EXIF orientation 6: the stored image is upright, rotated, and carries no EXIF', async () => {
    const jpeg = await canvasBytes(64, 32, 'image/jpeg', quadrants);
    const rotated = spliceAfterSoi(jpeg, exifOrientation(6));
    const out = await prepareUpload(fileOf(rotated, 'phone.jpg', 'image/jpeg'));
    expect(out.mime).to.equal('image/jpeg');
    expect([out.width, out.height]).to.deep.equal([32, 64]);
    // Rotated 90° clockwise: the stored bottom-left (blue) is now top-left, top-left (red) is top-right.
    expect(near(await pixelAt(out.src, 8, 8), [0, 0, 255]), 'top-left is blue').to.be.true;
    expect(near(await pixelAt(out.src, 24, 8), [255, 0, 0]), 'top-right is red').to.be.true;
    expect(near(await pixelAt(out.src, 24, 56), [0, 255, 0]), 'bottom-right is green').to.be.true;
    expect(hasBytes(dataUrlBytes(out.src), ascii('Exif'))).to.be.false;
  });

  it('scales the stored image down to storeMaxSide', async () => {
    const png = await canvasBytes(300, 120, 'image/png', quadrants);
    const out = await prepareUpload(fileOf(png, 'wide.png'), { storeMaxSide: 100 });
    expect([out.width, out.height]).to.deep.equal([100, 40]);
    const img = new Image();
    img.src = out.src;
    await img.decode();
    expect([img.naturalWidth, img.naturalHeight]).to.deep.equal([100, 40]);
  });

  it('drops a payload appended to a valid image (polyglot)', async () => {
    const png = await canvasBytes(8, 8, 'image/png', quadrants);
    const payload = ascii('<script>alert(1)</script><svg onload=alert(1)>');
    const out = await prepareUpload(fileOf(concat(png, payload), 'poly.png'));
    expect(hasBytes(dataUrlBytes(out.src), ascii('<script>'))).to.be.false;
  });

  it('keeps an SVG vector, sanitised, as a base64 data URL that decodes as an image', async () => {
    const out = await prepareUpload(
      svgFile(`<svg xmlns="${SVG_NS}" width="120" height="60" onload="alert(1)"><rect width="10" height="10" fill="red"/><script>alert(2)</script></svg>`),
    );
    expect(out.mime).to.equal('image/svg+xml');
    expect(out.src.startsWith('data:image/svg+xml;base64,')).to.be.true;
    expect([out.width, out.height]).to.deep.equal([120, 60]);
    const text = new TextDecoder().decode(dataUrlBytes(out.src));
    expect(text).to.not.match(/onload|script/i);
    expect(near(await pixelAt(out.src, 2, 2), [255, 0, 0])).to.be.true;
  });

  it('refuses an SVG over 1 MB', async () => {
    const huge = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><desc>${'x'.repeat(1024 * 1024)}</desc></svg>`;
    await expectRefused(prepareUpload(svgFile(huge)), 'upload-too-large');
  });

  it('cleans control and bidi-override characters out of the file name', async () => {
    const png = await canvasBytes(4, 4, 'image/png', quadrants);
    const out = await prepareUpload(fileOf(png, 'cat\u202Egnp.exe\u0007'));
    expect(out.name).to.equal('catgnp.exe');
  });
});
