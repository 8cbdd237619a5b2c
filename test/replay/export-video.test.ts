import { expect } from '@open-wc/testing';
import { ErrorCode } from '../../src/errors.ts';
import type { CoDesignReplay } from '../../src/replay/co-design-replay.component.ts';
import { VideoUnsupportedError } from '../../src/replay/index.ts';
import { pixelsOf } from '../support/studio.ts';
import { nextEvent } from '../support/wait.ts';
import { differing, frame, mountReplay } from './support.ts';

// The roadster's front view is 16:7: 640 px wide is 280 px high, both even, so the video is the frame's size.
const WIDTH = 640;
const HEIGHT = 280;
const SECONDS = 15;
const FPS = 30;

/**
 * Codecs are lossy: the video's last frame may not equal the design pixel for pixel. "Closely" here: the mean
 * difference over every channel of every pixel at most 3 (of 255); at most 2 % of the pixels off by more than
 * 48 in some channel (the edges of thin strokes, where H.264's 4:2:0 colour blurs most); and of the pixels the
 * painting changes (by more than 48 from the empty start), at least 85 % within 48 of the design. Measured at
 * 640×280 in H.264: mean 1.25, 0.9 % far off, 91 % of the painting.
 */
const MEAN_TOLERANCE = 3;
const FAR = 48;
const FAR_SHARE = 0.02;
const PAINTED_SHARE = 0.85;

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function playable(blob: Blob): Promise<HTMLVideoElement> {
  const video = document.createElement('video');
  video.muted = true;
  video.src = URL.createObjectURL(blob);
  document.body.append(video);
  if (video.readyState < HTMLMediaElement.HAVE_METADATA) await nextEvent(video, 'loadedmetadata');
  return video;
}

async function videoFrame(video: HTMLVideoElement, seconds: number): Promise<ImageData> {
  const seeked = nextEvent(video, 'seeked');
  video.currentTime = seconds;
  await seeked;
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0);
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** The replay's frame at `ms` on white, as a video shows it (a video has no transparency). */
function onWhite(r: CoDesignReplay, ms: number): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  const painted = document.createElement('canvas');
  painted.width = WIDTH;
  painted.height = HEIGHT;
  painted.getContext('2d')!.putImageData(frame(r, ms, WIDTH, HEIGHT), 0, 0);
  ctx.drawImage(painted, 0, 0);
  return ctx.getImageData(0, 0, WIDTH, HEIGHT);
}

function near(a: ImageData, b: ImageData, i: number): boolean {
  return [0, 1, 2].every((c) => Math.abs(a.data[i + c] - b.data[i + c]) <= FAR);
}

/** Of the pixels that differ between `start` and `end`, the share that `shown` has as in `end`. */
function paintedShare(shown: ImageData, start: ImageData, end: ImageData): number {
  let painted = 0;
  let kept = 0;
  for (let i = 0; i < end.data.length; i += 4) {
    if (near(start, end, i)) continue;
    painted++;
    if (near(shown, end, i)) kept++;
  }
  return painted ? kept / painted : 0;
}

function difference(a: ImageData, b: ImageData): { mean: number; farShare: number } {
  let sum = 0;
  let far = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let worst = 0;
    for (let c = 0; c < 3; c++) {
      const d = Math.abs(a.data[i + c] - b.data[i + c]);
      sum += d;
      worst = Math.max(worst, d);
    }
    if (worst > FAR) far++;
  }
  const pixels = a.data.length / 4;
  return { mean: sum / (pixels * 3), farShare: far / pixels };
}

describe('<co-design-replay> exportVideo', function () {
  this.timeout(120_000);
  let r: CoDesignReplay | undefined;
  let video: HTMLVideoElement | undefined;
  afterEach(() => {
    r?.remove();
    if (video) URL.revokeObjectURL(video.src);
    video?.remove();
    r = video = undefined;
  });

  async function mountFixture(): Promise<CoDesignReplay> {
    const v1 = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
    const el = await mountReplay(v1);
    el.pause();
    return el;
  }

  it('makes a video of the whole time-lapse: asked length and size, ending on the design', async () => {
    r = await mountFixture();
    const fractions: number[] = [];
    const result = await r.exportVideo({
      seconds: SECONDS,
      width: WIDTH,
      onProgress: (p) => fractions.push(p.fraction),
    });
    expect(result.mimeType).to.match(/^video\/(mp4|webm)/);
    expect(result.fileName).to.match(/^roadster-[a-z0-9-]+-timelapse\.(mp4|webm)$/);
    expect([result.width, result.height, result.seconds]).to.deep.equal([WIDTH, HEIGHT, SECONDS]);
    expect(fractions.length).to.equal(SECONDS * FPS);
    expect(fractions.at(-1)).to.equal(1);

    video = await playable(result.blob);
    expect(Math.abs(video.duration - SECONDS), 'duration within one frame').to.be.at.most(1 / FPS);
    expect([video.videoWidth, video.videoHeight]).to.deep.equal([WIDTH, HEIGHT]);

    const final = onWhite(r, r.duration);
    const last = await videoFrame(video, video.duration);
    const { mean, farShare } = difference(last, final);
    expect(mean, 'mean difference of the last frame').to.be.at.most(MEAN_TOLERANCE);
    expect(farShare, 'share of pixels far off in the last frame').to.be.at.most(FAR_SHARE);
    const start = onWhite(r, 0);
    expect(paintedShare(last, start, final), 'the painting in the last frame').to.be.at.least(PAINTED_SHARE);
    // The comparison can tell: the first frame shows the start, none of the painting.
    const first = await videoFrame(video, 0);
    expect(paintedShare(first, start, final), 'the painting in the first frame').to.be.below(0.1);
    expect(difference(first, start).mean, 'the first frame is the start').to.be.at.most(MEAN_TOLERANCE);
  });

  it('stops when cancelled, with an AbortError and no progress afterwards', async () => {
    r = await mountFixture();
    const controller = new AbortController();
    let reported = 0;
    const error = await rejection(
      r.exportVideo({
        seconds: SECONDS,
        width: WIDTH,
        signal: controller.signal,
        onProgress: (p) => {
          reported = p.frame;
          if (p.frame === 10) controller.abort();
        },
      }),
    );
    expect((error as DOMException).name).to.equal('AbortError');
    expect(reported).to.equal(10);
    // A whole video made afterwards gives the cancelled one every chance to go on; it did not.
    await r.exportVideo({ seconds: SECONDS, width: 64 });
    expect(reported).to.equal(10);
  });

  it('without WebCodecs rejects with video-unsupported and the finished design as a PNG', async () => {
    r = await mountFixture();
    const encoder = Object.getOwnPropertyDescriptor(globalThis, 'VideoEncoder')!;
    delete (globalThis as { VideoEncoder?: unknown }).VideoEncoder;
    let error: unknown;
    try {
      error = await rejection(r.exportVideo({ seconds: SECONDS, width: 800 }));
    } finally {
      Object.defineProperty(globalThis, 'VideoEncoder', encoder);
    }
    expect(error).to.be.instanceOf(VideoUnsupportedError);
    const unsupported = error as VideoUnsupportedError;
    expect(unsupported.code).to.equal(ErrorCode.VideoUnsupported);
    expect(unsupported.still.type).to.equal('image/png');
    const still = await pixelsOf(unsupported.still);
    expect([still.width, still.height]).to.deep.equal([800, 350]);
    expect(differing(still, frame(r, r.duration, 800, 350)), 'the still is the last frame').to.equal(0);
  });

  it('films another view of the design than the one shown', async () => {
    const v1 = await (await fetch(new URL('../fixtures/designs/roadster-v1.json', import.meta.url))).json();
    // The same layers on the top view too: a design of two views, showing its first (side).
    v1.views.push({ ...structuredClone(v1.views[0]), view: 'top' });
    r = await mountReplay(v1);
    r.pause();
    const shown = await r.exportVideo({ seconds: SECONDS, width: 160 });
    const top = await r.exportVideo({ view: 'top', seconds: SECONDS, width: 160 });
    expect(shown.fileName).to.match(/^roadster-side-timelapse\./);
    expect(top.fileName).to.match(/^roadster-top-timelapse\./);
    expect([top.width, top.height, top.seconds]).to.deep.equal([160, 70, SECONDS]);
    video = await playable(top.blob);
    expect(Math.abs(video.duration - SECONDS)).to.be.at.most(1 / FPS);
    // The top view's own art: its last frame is not the side view's.
    const last = await videoFrame(video, video.duration);
    const side = await playable(shown.blob);
    try {
      expect(difference(last, await videoFrame(side, side.duration)).mean, 'top is not side').to.be.above(
        MEAN_TOLERANCE,
      );
    } finally {
      URL.revokeObjectURL(side.src);
      side.remove();
    }
  });

  it('refuses an unknown view and a width that is not a size', async () => {
    r = await mountFixture();
    const unknown = await rejection(r.exportVideo({ view: 'no-such-view', seconds: SECONDS, width: WIDTH }));
    expect((unknown as VideoUnsupportedError).code).to.equal(ErrorCode.ViewUnknown);
    const bad = await rejection(r.exportVideo({ seconds: SECONDS, width: Number.NaN }));
    expect((bad as VideoUnsupportedError).code).to.equal(ErrorCode.ExportFailed);
  });
});
