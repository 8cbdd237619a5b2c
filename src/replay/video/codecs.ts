/** How a time-lapse can be written: a WebCodecs codec string and the container that holds it. */
export interface VideoCandidate {
  /** Mediabunny's name for the codec. */
  codec: 'avc' | 'vp9' | 'vp8';
  container: 'mp4' | 'webm';
  /** The exact WebCodecs codec string for this size and frame rate. */
  codecString: (width: number, height: number, fps: number) => string;
}

// H.264 levels by the largest frame (macroblocks) and the macroblocks per second they allow (ITU-T H.264 table A-1).
const AVC_LEVELS = [
  { idc: 0x1e, frame: 1620, perSecond: 40_500 },
  { idc: 0x1f, frame: 3600, perSecond: 108_000 },
  { idc: 0x20, frame: 5120, perSecond: 216_000 },
  { idc: 0x28, frame: 8192, perSecond: 245_760 },
  { idc: 0x2a, frame: 8704, perSecond: 522_240 },
  { idc: 0x32, frame: 22_080, perSecond: 589_824 },
];

// VP9 levels by picture size in luma samples (the VP9 levels table); the largest covers 1080 px × any aspect.
const VP9_LEVELS = [
  { level: '10', samples: 36_864 },
  { level: '20', samples: 122_880 },
  { level: '21', samples: 245_760 },
  { level: '30', samples: 552_960 },
  { level: '31', samples: 983_040 },
  { level: '40', samples: 2_228_224 },
  { level: '50', samples: 8_912_896 },
];

function avcLevel(width: number, height: number, fps: number): string {
  const frame = Math.ceil(width / 16) * Math.ceil(height / 16);
  const level = AVC_LEVELS.find((l) => frame <= l.frame && frame * fps <= l.perSecond) ?? AVC_LEVELS.at(-1)!;
  return level.idc.toString(16).padStart(2, '0');
}

function avc(profile: string): VideoCandidate {
  return {
    codec: 'avc',
    container: 'mp4',
    codecString: (w, h, fps) => `avc1.${profile}00${avcLevel(w, h, fps)}`,
  };
}

/**
 * In order of preference: H.264 in MP4 plays everywhere (phones, messengers, Safari); its High and Main
 * profiles compress better, Baseline is what software encoders always have. Then WebM, which every
 * browser but older Safari plays: VP9, then VP8.
 */
export const VIDEO_CANDIDATES: readonly VideoCandidate[] = [
  avc('64'),
  avc('4d'),
  avc('42'),
  {
    codec: 'vp9',
    container: 'webm',
    codecString: (w, h) => `vp09.00.${(VP9_LEVELS.find((l) => w * h <= l.samples) ?? VP9_LEVELS.at(-1)!).level}.08`,
  },
  { codec: 'vp8', container: 'webm', codecString: () => 'vp8' },
];

/** Bits per second for a picture that changes a little each frame: ~0.1 bit per pixel, at least 1 Mbit/s. */
export function videoBitrate(width: number, height: number, fps: number): number {
  return Math.max(1_000_000, Math.round(width * height * fps * 0.1));
}

export interface ChosenCodec {
  candidate: VideoCandidate;
  codecString: string;
}

/**
 * The first candidate this browser says it can encode at this size and frame rate, or null. Asks
 * `VideoEncoder.isConfigSupported`, which answers for the exact codec string (profile and level) and size.
 */
export async function chooseCodec(
  width: number,
  height: number,
  fps: number,
  candidates: readonly VideoCandidate[] = VIDEO_CANDIDATES,
): Promise<ChosenCodec | null> {
  if (typeof VideoEncoder === 'undefined') return null;
  const bitrate = videoBitrate(width, height, fps);
  for (const candidate of candidates) {
    const codecString = candidate.codecString(width, height, fps);
    try {
      const { supported } = await VideoEncoder.isConfigSupported({
        codec: codecString,
        width,
        height,
        bitrate,
        framerate: fps,
      });
      if (supported) return { candidate, codecString };
    } catch {
      // A codec string the browser cannot parse throws (TypeError) instead of answering no: it is a no.
    }
  }
  return null;
}
