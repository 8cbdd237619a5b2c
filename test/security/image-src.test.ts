import { expect } from '@open-wc/testing';
import { base64ToBytes, bytesToBase64 as b64 } from '../../src/security/data-url.ts';
import { isAcceptableImageSrcSyntax, verifyImageSrc } from '../../src/security/image-src.ts';
import { prepareUpload } from '../../src/security/upload.ts';
import { canvasBytes, expectRefused, fileOf, patchJpegSize, pngClaiming, quadrants, svgFile } from './helpers.ts';

const svgText = '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect width="5" height="5" fill="#f00"/></svg>';

describe('verifyImageSrc', () => {
  it('accepts what prepareUpload produced, for every type', async () => {
    const png = await prepareUpload(fileOf(await canvasBytes(30, 20, 'image/png', quadrants), 'a.png'));
    const jpeg = await prepareUpload(fileOf(await canvasBytes(30, 20, 'image/jpeg', quadrants), 'a.jpg', 'image/jpeg'));
    const svg = await prepareUpload(svgFile(svgText));
    for (const prepared of [png, jpeg, svg]) {
      expect(isAcceptableImageSrcSyntax(prepared.src)).to.be.true;
      expect(await verifyImageSrc(prepared.src)).to.deep.equal({ width: prepared.width, height: prepared.height, mime: prepared.mime });
    }
  });

  it('accepts a URL-encoded SVG that is already sanitised', async () => {
    const svg = await prepareUpload(svgFile(svgText));
    const text = new TextDecoder().decode(base64ToBytes(svg.src.split(',')[1]!));
    const src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    expect(await verifyImageSrc(src)).to.deep.equal({ width: 20, height: 10, mime: 'image/svg+xml' });
  });

  it('refuses every other kind of URL', async () => {
    const png = b64(await canvasBytes(2, 2, 'image/png', quadrants));
    const refused = [
      'https://evil.test/a.png',
      '//evil.test/a.png',
      'a.png',
      'blob:https://evil.test/1234',
      'javascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'data:image/gif;base64,R0lGODlhAQABAAAAACw=',
      'data:image/webp;base64,UklGRg==',
      `DATA:image/png;base64,${png}`,
      `data:image/png;base64, ${png}`,
      `data:image/png;base64,${png.slice(0, -1)}`,
      `data:image/png,${png}`,
      'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg"><rect fill="#f00"/></svg>',
      'data:image/svg+xml,%3Csvg\n%3E',
      'data:image/svg+xml,%3Csvg\t%3E',
      'data:image/svg+xml,%E0%A4%A',
      ` data:image/png;base64,${png}`,
    ];
    for (const src of refused) {
      expect(isAcceptableImageSrcSyntax(src), src).to.be.false;
      await expectRefused(verifyImageSrc(src), 'upload-type');
    }
    expect(isAcceptableImageSrcSyntax(42)).to.be.false;
  });

  it('refuses bytes that do not match the declared type', async () => {
    const jpeg = b64(await canvasBytes(2, 2, 'image/jpeg', quadrants));
    await expectRefused(verifyImageSrc(`data:image/png;base64,${jpeg}`), 'upload-type');
    await expectRefused(verifyImageSrc(`data:image/png;base64,${btoa('<svg onload=alert(1)>!')}`), 'upload-type');
  });

  it('checks raster headers against the same caps', async () => {
    await expectRefused(verifyImageSrc(`data:image/png;base64,${b64(pngClaiming(65535, 65535))}`), 'upload-dimensions');
    const jpeg = await canvasBytes(8, 8, 'image/jpeg', quadrants);
    await expectRefused(verifyImageSrc(`data:image/jpeg;base64,${b64(patchJpegSize(jpeg, 9000, 10))}`), 'upload-dimensions');
    await expectRefused(verifyImageSrc(`data:image/png;base64,${b64(pngClaiming(100, 100))}`, { maxSide: 50 }), 'upload-dimensions');
  });

  it('refuses an SVG that is not exactly our sanitised output', async () => {
    const dirty = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect onclick="alert(1)"/></svg>`;
    await expectRefused(verifyImageSrc(`data:image/svg+xml;base64,${btoa(dirty)}`), 'upload-unsafe');
    await expectRefused(verifyImageSrc(`data:image/svg+xml,${encodeURIComponent(dirty)}`), 'upload-unsafe');
    const withDtd = `<!DOCTYPE svg [<!ENTITY a "b">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`;
    await expectRefused(verifyImageSrc(`data:image/svg+xml;base64,${btoa(withDtd)}`), 'upload-unsafe');
  });

  it('refuses a src over the length cap', async () => {
    const png = b64(await canvasBytes(2, 2, 'image/png', quadrants));
    const src = `data:image/png;base64,${png}`;
    expect(isAcceptableImageSrcSyntax(src, 20)).to.be.false;
    await expectRefused(verifyImageSrc(src, { maxSrcChars: 20 }), 'upload-too-large');
  });
});
