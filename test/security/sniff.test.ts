import { expect } from '@open-wc/testing';
import { readJpegDimensions, readPngDimensions } from '../../src/security/dimensions.ts';
import { sniffBytes } from '../../src/security/sniff.ts';
import {
  ascii, be16, canvasBytes, concat, expectRefused, fileOf, PNG_SIGNATURE, pngChunk, pngClaiming, quadrants,
} from './helpers.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('sniffBytes', () => {
  it('recognises PNG, JPEG and SVG by content, never by name or type', async () => {
    expect(sniffBytes(await canvasBytes(2, 2, 'image/png', quadrants))).to.equal('image/png');
    expect(sniffBytes(await canvasBytes(2, 2, 'image/jpeg', quadrants))).to.equal('image/jpeg');
    expect(sniffBytes(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).to.equal('image/svg+xml');
    const prolog = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generator: Adobe Illustrator -->\n  <svg>';
    expect(sniffBytes(text(prolog))).to.equal('image/svg+xml');
  });

  it('refuses everything else', () => {
    const others = [
      concat(ascii('GIF89a')), concat(ascii('RIFF'), [0, 0, 0, 0], ascii('WEBP')), text('%PDF-1.4'), text('<html><svg>'),
      text('<!DOCTYPE html><svg>'), text('<svgfoo>'), text('<?xml-stylesheet href="x"?><svg>'), text('<!-- unterminated <svg>'),
      new Uint8Array([0xff, 0xfe, 0x3c, 0, 0x73, 0]), new Uint8Array([0xff, 0xd8]), new Uint8Array(0), text('BM'),
    ];
    for (const bytes of others) expect(sniffBytes(bytes), String.fromCharCode(...bytes.subarray(0, 12))).to.equal(null);
  });
});

describe('header dimensions', () => {
  it('reads the PNG IHDR and refuses a PNG whose first chunk is not IHDR or whose CRC is wrong', async () => {
    expect(await readPngDimensions(new Blob([pngClaiming(640, 480)]))).to.deep.equal({ width: 640, height: 480 });
    const textFirst = concat(PNG_SIGNATURE, pngChunk('tEXt', ascii('a\0b')), pngClaiming(1, 1).subarray(8));
    await expectRefused(readPngDimensions(new Blob([textFirst])), 'upload-decode');
    const badCrc = pngClaiming(10, 10);
    badCrc[29] ^= 0xff;
    await expectRefused(readPngDimensions(new Blob([badCrc])), 'upload-decode');
    await expectRefused(readPngDimensions(new Blob([pngClaiming(0, 10)])), 'upload-decode');
  });

  it('walks JPEG segments past large APP blocks to the SOF', async () => {
    const jpeg = await canvasBytes(33, 17, 'image/jpeg', quadrants);
    const app2 = concat([0xff, 0xe2], be16(65535), new Uint8Array(65533));
    const padded = concat(jpeg.subarray(0, 2), app2, app2, [0xff, 0xff, 0xff], jpeg.subarray(2));
    expect(await readJpegDimensions(new Blob([padded]))).to.deep.equal({ width: 33, height: 17 });
  });

  it('refuses a JPEG without a frame header before the scan or end', async () => {
    await expectRefused(readJpegDimensions(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])])), 'upload-decode');
    await expectRefused(readJpegDimensions(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2])])), 'upload-decode');
    await expectRefused(readJpegDimensions(new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 200])])), 'upload-decode');
    // Thousands of empty segments: bounded, not walked forever.
    const many = concat([0xff, 0xd8], ...Array.from({ length: 5000 }, () => [0xff, 0xfe, 0, 2]));
    await expectRefused(readJpegDimensions(fileOf(many, 'x.jpg')), 'upload-decode');
  });
});
