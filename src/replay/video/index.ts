/**
 * The time-lapse video encoder. Import it only dynamically (`await import('./video/index.ts')`): it brings
 * the muxer, which no first load needs.
 */
export { encodeTimelapse, type Timelapse, type TimelapseOptions, type TimelapseProgress } from './encode.ts';
export { VIDEO_LIMITS, clampVideoSize } from './size.ts';
export { VIDEO_CANDIDATES, chooseCodec, type VideoCandidate } from './codecs.ts';
