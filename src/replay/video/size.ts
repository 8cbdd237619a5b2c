/** Limits of a shared time-lapse: long enough to follow, short enough to post. */
export const VIDEO_LIMITS = {
  minSeconds: 15,
  maxSeconds: 60,
  maxLongSide: 1080,
  /** Below this the picture says nothing; it also keeps every codec's minimum size well clear. */
  minShortSide: 16,
  defaultFps: 30,
  minFps: 1,
  maxFps: 60,
} as const;

export interface VideoSize {
  width: number;
  height: number;
  seconds: number;
  fps: number;
}

/** Encoders work on 2×2 chroma blocks: an odd side is rounded down to the even number below. */
function even(n: number): number {
  return Math.max(2, 2 * Math.floor(n / 2));
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}

/**
 * The size, length and frame rate actually encoded: seconds into 15–60, the long side down to 1080 px
 * keeping the aspect ratio, both sides even. Returns null for values that are not sizes at all
 * (not finite, zero or negative), which the caller turns into an error rather than guess.
 */
export function clampVideoSize(width: number, height: number, seconds: number, fps?: number): VideoSize | null {
  const rate = fps ?? VIDEO_LIMITS.defaultFps;
  const values = [width, height, seconds, rate];
  if (values.some((n) => typeof n !== 'number' || !Number.isFinite(n) || n <= 0)) return null;
  const scale = Math.min(1, VIDEO_LIMITS.maxLongSide / Math.max(width, height));
  const w = even(width * scale);
  const h = even(height * scale);
  if (Math.min(w, h) < VIDEO_LIMITS.minShortSide) return null;
  return {
    width: w,
    height: h,
    seconds: clamp(seconds, VIDEO_LIMITS.minSeconds, VIDEO_LIMITS.maxSeconds),
    fps: Math.round(clamp(rate, VIDEO_LIMITS.minFps, VIDEO_LIMITS.maxFps)),
  };
}
