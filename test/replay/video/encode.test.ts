import { expect } from '@open-wc/testing';

import { ErrorCode, StudioError } from '../../../src/errors.ts';
import { VIDEO_CANDIDATES, chooseCodec, encodeTimelapse } from '../../../src/replay/video/index.ts';
import type { TimelapseOptions } from '../../../src/replay/video/index.ts';
import { nextEvent } from '../../support/wait.ts';

const SQUARE = 40;
const GREEN = [0, 200, 0];

/** A synthetic time-lapse: the background goes from red to blue while a green square crosses from left to right. */
function paint(seconds: number): TimelapseOptions['drawFrame'] {
  return (timeMs, ctx) => {
    const t = timeMs / (seconds * 1000);
    const { width, height } = ctx.canvas;
    ctx.fillStyle = `rgb(${Math.round(255 * (1 - t))}, 0, ${Math.round(255 * t)})`;
    ctx.fillRect(0, 0, width, height);
    ctx.fillStyle = `rgb(${GREEN.join(',')})`;
    ctx.fillRect(Math.round(t * (width - SQUARE)), (height - SQUARE) / 2, SQUARE, SQUARE);
  };
}

async function playable(blob: Blob): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.src = URL.createObjectURL(blob);
  document.body.append(video);
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) await nextEvent(video, 'loadedmetadata');
  return video;
}

async function pixelAt(video: HTMLVideoElement, seconds: number, x: number, y: number): Promise<number[]> {
  const seeked = nextEvent(video, 'seeked');
  video.currentTime = seconds;
  await seeked;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0);
  return [...ctx.getImageData(x, y, 1, 1).data.slice(0, 3)];
}

function near(actual: number[], expected: number[], tolerance = 40): boolean {
  return actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('encodeTimelapse (src/replay/video)', function () {
  this.timeout(120_000);
  const videos: HTMLVideoElement[] = [];
  afterEach(() => {
    for (const video of videos.splice(0)) {
      URL.revokeObjectURL(video.src);
      video.remove();
    }
  });

  it('can encode H.264 at 1080 px on the long side, landscape and square', async () => {
    for (const [w, h] of [
      [1080, 608],
      [1080, 1080],
    ] as const) {
      const chosen = await chooseCodec(w, h, 30);
      expect(chosen?.candidate.container, `${w}×${h}`).to.equal('mp4');
      expect(chosen?.codecString).to.match(/^avc1\./);
    }
  });

  it('makes an MP4 that plays with the asked duration and size, the middle frame where it belongs', async () => {
    const seconds = 15;
    const fps = 10;
    const fractions: number[] = [];
    const result = await encodeTimelapse({
      width: 320,
      height: 180,
      seconds,
      fps,
      drawFrame: paint(seconds),
      onProgress: (p) => fractions.push(p.fraction),
    });
    expect(result.mimeType).to.match(/^video\/mp4/);
    expect(result.extension).to.equal('mp4');
    expect([result.width, result.height, result.seconds]).to.deep.equal([320, 180, 15]);
    expect(fractions.length).to.equal(seconds * fps);
    expect(fractions.at(-1)).to.equal(1);
    expect(fractions.every((f, i) => i === 0 || f > fractions[i - 1]!)).to.equal(true);

    const video = await playable(result.blob);
    videos.push(video);
    expect(Math.abs(video.duration - seconds)).to.be.at.most(1 / fps);
    expect([video.videoWidth, video.videoHeight]).to.deep.equal([320, 180]);

    // Half way the square is half way across (x ≈ 140–180) and the background is half red, half blue.
    const y = 90;
    expect(near(await pixelAt(video, seconds / 2, 160, y), GREEN), 'square at the middle').to.equal(true);
    expect(near(await pixelAt(video, seconds / 2, 20, y), [128, 0, 128]), 'background at the middle').to.equal(true);
    // And it is not there at the start: the middle frame is not just any frame.
    expect(near(await pixelAt(video, 0, 160, y), GREEN), 'square at the start').to.equal(false);
    expect(near(await pixelAt(video, 0, 20, y), GREEN), 'square at the start').to.equal(true);
  });

  it('clamps to 15 s and 1080 px with even sides', async () => {
    const result = await encodeTimelapse({ width: 2001, height: 1001, seconds: 3, fps: 2, drawFrame: paint(15) });
    expect([result.width, result.height, result.seconds]).to.deep.equal([1080, 540, 15]);
    const video = await playable(result.blob);
    videos.push(video);
    expect([video.videoWidth, video.videoHeight]).to.deep.equal([1080, 540]);
    expect(Math.abs(video.duration - 15)).to.be.at.most(1 / 2);
  });

  it('writes WebM where H.264 is not to be had', async () => {
    const webm = VIDEO_CANDIDATES.filter((c) => c.container === 'webm');
    const result = await encodeTimelapse({
      width: 160,
      height: 90,
      seconds: 15,
      fps: 4,
      drawFrame: paint(15),
      candidates: webm,
    });
    expect(result.mimeType).to.match(/^video\/webm/);
    expect(result.extension).to.equal('webm');
    const video = await playable(result.blob);
    videos.push(video);
    expect([video.videoWidth, video.videoHeight]).to.deep.equal([160, 90]);
    expect(Math.abs(video.duration - 15)).to.be.at.most(1 / 4);
  });

  it('stops when cancelled: rejects with an AbortError and reports no progress afterwards', async () => {
    const controller = new AbortController();
    let reported = 0;
    const error = await rejection(
      encodeTimelapse({
        width: 320,
        height: 180,
        seconds: 15,
        fps: 30,
        drawFrame: paint(15),
        signal: controller.signal,
        onProgress: (p) => {
          reported = p.frame;
          if (p.frame === 20) controller.abort();
        },
      }),
    );
    expect((error as DOMException).name).to.equal('AbortError');
    expect(reported).to.equal(20);
    // Another video made start to end gives the cancelled one every chance to go on; it did not.
    await encodeTimelapse({ width: 160, height: 90, seconds: 15, fps: 2, drawFrame: paint(15) });
    expect(reported).to.equal(20);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let drawn = 0;
    const error = await rejection(
      encodeTimelapse({
        width: 160,
        height: 90,
        seconds: 15,
        drawFrame: () => void drawn++,
        signal: controller.signal,
      }),
    );
    expect((error as DOMException).name).to.equal('AbortError');
    expect(drawn).to.equal(0);
  });

  it('says video-unsupported when no codec can be encoded', async () => {
    let drawn = 0;
    const error = await rejection(
      encodeTimelapse({
        width: 320,
        height: 180,
        seconds: 15,
        drawFrame: () => void drawn++,
        candidates: [{ codec: 'vp8', container: 'webm', codecString: () => 'no-such-codec' }],
      }),
    );
    expect(error).to.be.instanceOf(StudioError);
    expect((error as StudioError).code).to.equal(ErrorCode.VideoUnsupported);
    expect(drawn).to.equal(0);
  });

  it('says video-unsupported in a browser without WebCodecs', async () => {
    // As on a page that is not a secure context, or in a browser that has no VideoEncoder at all.
    const encoder = Object.getOwnPropertyDescriptor(globalThis, 'VideoEncoder')!;
    delete (globalThis as { VideoEncoder?: unknown }).VideoEncoder;
    try {
      const error = await rejection(encodeTimelapse({ width: 320, height: 180, seconds: 15, drawFrame: () => {} }));
      expect((error as StudioError).code).to.equal(ErrorCode.VideoUnsupported);
      expect((error as StudioError).message).to.contain('no WebCodecs video encoder');
    } finally {
      Object.defineProperty(globalThis, 'VideoEncoder', encoder);
    }
    expect(typeof VideoEncoder).to.equal('function');
  });

  it('refuses sizes that are not sizes with export-failed', async () => {
    for (const bad of [
      { width: 0, height: 180 },
      { width: Number.NaN, height: 180 },
      { width: 320, height: -2 },
      { width: 4000, height: 4 },
    ]) {
      const error = await rejection(encodeTimelapse({ ...bad, seconds: 15, drawFrame: () => {} }));
      expect((error as StudioError).code, JSON.stringify(bad)).to.equal(ErrorCode.ExportFailed);
    }
  });
});
