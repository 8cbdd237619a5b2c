/**
 * `exportVideo()` of `<co-design-replay>`: the whole time-lapse of one view squeezed into a video of `seconds`,
 * drawn frame by frame with the replay's own renderer and encoded by src/replay/video/, which is imported here
 * only dynamically so that the muxer never rides along with the element's first load.
 */
import { exportSize } from '../editor/export.ts';
import { ErrorCode, StudioError } from '../errors.ts';

type VideoModule = typeof import('./video/index.ts');
export type VideoProgress = Parameters<NonNullable<Parameters<VideoModule['encodeTimelapse']>[0]['onProgress']>>[0];

export interface ExportVideoOptions {
  /** The view to film; default the one the element shows. */
  view?: string;
  /** Length of the video: 15–60 s (other values are moved to the nearer end). */
  seconds: number;
  /** Width in pixels; the long side is kept at 1080 px at most, both sides even. */
  width: number;
  signal?: AbortSignal;
  onProgress?: (progress: VideoProgress) => void;
}

export interface ReplayVideo {
  blob: Blob;
  /** With the codec, e.g. `video/mp4; codecs="avc1.640028"`. */
  mimeType: string;
  /** A name to save it under, e.g. `roadster-front-timelapse.mp4`. */
  fileName: string;
  /** What was encoded after clamping. */
  width: number;
  height: number;
  seconds: number;
}

/**
 * The browser cannot encode a video (`video-unsupported`). `still` is the finished design as a PNG at the asked
 * width, pixel for pixel what `exportImage` makes, for the page to offer instead.
 */
export class VideoUnsupportedError extends StudioError {
  constructor(
    message: string,
    readonly still: Blob,
  ) {
    super(ErrorCode.VideoUnsupported, message);
    this.name = 'VideoUnsupportedError';
  }
}

/** What the element hands over: how to paint its replay of that view at a time, on a canvas of a size. */
export interface FilmedView {
  id: string;
  templateId: string;
  /** The view's size in design units, for the picture's aspect ratio. */
  size: { width: number; height: number };
  /** Its length at 1×, in ms. */
  duration: number;
  /** Paints the replay at `ms` (1× time) onto `ctx`, whose canvas is exactly `width × height`. */
  paint(ms: number, ctx: CanvasRenderingContext2D): void;
}

/** The view's picture at `width` (the exporter's size rule), as a canvas with its see-through parts kept. */
function canvasFor(view: FilmedView, bounds: { width: number; height?: number }): HTMLCanvasElement {
  const { width, height } = exportSize(view.size, bounds);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

/** The finished design as a PNG: the last frame, which is the export pixel for pixel. */
export async function stillImage(view: FilmedView, width: number): Promise<Blob> {
  const canvas = canvasFor(view, { width });
  view.paint(view.duration, canvas.getContext('2d')!);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new StudioError(ErrorCode.ExportFailed, 'The still image could not be made.');
  return blob;
}

export async function exportReplayVideo(view: FilmedView, opts: ExportVideoOptions): Promise<ReplayVideo> {
  const { seconds, width, signal, onProgress } = opts;
  if (!(Number.isFinite(width) && width >= 1))
    throw new StudioError(ErrorCode.ExportFailed, `A video's width must be a positive number, got ${String(width)}`);
  signal?.throwIfAborted();
  const { encodeTimelapse, clampVideoSize } = await import('./video/index.ts');
  const asked = exportSize(view.size, { width });
  const size = clampVideoSize(asked.width, asked.height, seconds);
  // The replay paints onto a canvas with transparency at the exporter's size for the even-sided video size;
  // the encoder's own canvas is opaque (a clearRect there would turn the product's surroundings black).
  const frame = size ? canvasFor(view, { width: size.width, height: size.height }) : undefined;
  const frameCtx = frame?.getContext('2d');
  try {
    const video = await encodeTimelapse({
      width: asked.width,
      height: asked.height,
      seconds,
      signal,
      onProgress,
      drawFrame: (timeMs, ctx) => {
        const videoMs = (size?.seconds ?? seconds) * 1000;
        // The whole timeline onto the video's length; the last frame lands on exactly the finished design.
        view.paint(videoMs > 0 ? (timeMs / videoMs) * view.duration : view.duration, frameCtx!);
        const { width: w, height: h } = ctx.canvas;
        ctx.drawImage(frame!, Math.floor((w - frame!.width) / 2), Math.floor((h - frame!.height) / 2));
      },
    });
    const fileName = `${slug(view.templateId)}-${slug(view.id)}-timelapse.${video.extension}`;
    const { blob, mimeType, height, seconds: encoded } = video;
    return { blob, mimeType, fileName, width: video.width, height, seconds: encoded };
  } catch (error) {
    if (error instanceof StudioError && error.code === ErrorCode.VideoUnsupported)
      throw new VideoUnsupportedError(error.message, await stillImage(view, width));
    throw error;
  }
}

/** A file-name-safe piece: letters, digits and dashes. */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 40) || 'design'
  );
}
