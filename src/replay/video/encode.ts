import { BufferTarget, CanvasSource, Mp4OutputFormat, Output, Quality, WebMOutputFormat } from 'mediabunny';
import { ErrorCode, StudioError } from '../../errors.ts';
import { chooseCodec, videoBitrate, type VideoCandidate } from './codecs.ts';
import { clampVideoSize } from './size.ts';

export interface TimelapseProgress {
  /** Frames encoded so far. */
  frame: number;
  frames: number;
  /** `frame / frames`, 0–1. */
  fraction: number;
}

export interface TimelapseOptions {
  width: number;
  height: number;
  /** Length of the video; clamped to 15–60 s. */
  seconds: number;
  /** Frames per second, 30 unless given; clamped to 1–60. */
  fps?: number;
  /**
   * Paints one frame. `timeMs` runs from 0 (first frame) to `seconds × 1000` (last frame) in video time, so
   * the last frame is the finished design. The context is already cleared to white and sized as encoded.
   */
  drawFrame: (timeMs: number, ctx: CanvasRenderingContext2D) => void | Promise<void>;
  onProgress?: (progress: TimelapseProgress) => void;
  signal?: AbortSignal;
  /** Internal (tests): the codecs to try, in order, instead of the usual list. */
  candidates?: readonly VideoCandidate[];
}

export interface Timelapse {
  blob: Blob;
  /** With the codec, e.g. `video/mp4; codecs="avc1.640028"`. */
  mimeType: string;
  /** For the downloaded file's name. */
  extension: 'mp4' | 'webm';
  /** What was encoded after clamping, which may differ from what was asked. */
  width: number;
  height: number;
  seconds: number;
}

// Quicker to seek in a player and to scrub in the share page's preview than the 2 s default.
const KEY_FRAME_SECONDS = 1;

function aborted(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The time-lapse was cancelled.', 'AbortError');
}

/**
 * Encodes a time-lapse with WebCodecs and writes it as MP4 (H.264) where the browser can, else WebM (VP9,
 * VP8). Rejects with `video-unsupported` where it cannot encode at all, `export-failed` for sizes that are
 * not sizes or an encoder that fails midway, and the signal's reason (an `AbortError`) when cancelled; in
 * every case the encoder is closed and no progress is reported afterwards.
 */
export async function encodeTimelapse(options: TimelapseOptions): Promise<Timelapse> {
  const { drawFrame, onProgress, signal } = options;
  signal?.throwIfAborted();
  const size = clampVideoSize(options.width, options.height, options.seconds, options.fps);
  if (!size) {
    const asked = `${options.width}×${options.height}, ${options.seconds} s, ${options.fps ?? 'default'} fps`;
    throw new StudioError(ErrorCode.ExportFailed, `A video cannot be made at ${asked}.`);
  }
  const { width, height, seconds, fps } = size;
  const chosen = await chooseCodec(width, height, fps, options.candidates);
  if (!chosen) {
    const why =
      typeof VideoEncoder === 'undefined' ? 'has no WebCodecs video encoder' : 'cannot encode any of our codecs';
    throw new StudioError(ErrorCode.VideoUnsupported, `This browser ${why} at ${width}×${height}.`);
  }
  signal?.throwIfAborted();

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // Frames are read back for the encoder every time: the hint keeps the canvas in memory, not on the GPU.
  const ctx = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
  if (!ctx) throw new StudioError(ErrorCode.ExportFailed, 'No 2D canvas for the video frames.');

  const { candidate, codecString } = chosen;
  const output = new Output({
    // In-memory fast start puts the index first: a player (or a messenger's preview) starts before the end arrives.
    format: candidate.container === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(canvas, {
    codec: candidate.codec,
    fullCodecString: codecString,
    quality: new Quality({ bitrate: videoBitrate(width, height, fps) }),
    keyFrameInterval: KEY_FRAME_SECONDS,
  });
  output.addVideoTrack(source, { frameRate: fps });

  const frames = Math.round(seconds * fps);
  try {
    await output.start();
    for (let frame = 0; frame < frames; frame++) {
      if (signal?.aborted) throw aborted(signal);
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, width, height);
      await drawFrame(frames === 1 ? 0 : (frame / (frames - 1)) * seconds * 1000, ctx);
      if (signal?.aborted) throw aborted(signal);
      await source.add(frame / fps, 1 / fps);
      onProgress?.({ frame: frame + 1, frames, fraction: (frame + 1) / frames });
    }
    await output.finalize();
  } catch (error) {
    if (output.state !== 'canceled' && output.state !== 'finalized') await output.cancel().catch(() => {});
    if (signal?.aborted) throw aborted(signal);
    if (error instanceof StudioError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new StudioError(ErrorCode.ExportFailed, `The video could not be encoded: ${message}`);
  }
  const buffer = output.target.buffer;
  if (!buffer) throw new StudioError(ErrorCode.ExportFailed, 'The video encoder finished without a file.');
  const mimeType = await output.getMimeType();
  const blob = new Blob([buffer], { type: mimeType });
  return { blob, mimeType, extension: candidate.container, width, height, seconds };
}
