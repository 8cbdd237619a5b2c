/** The design document: pure data, shared by the widget and the server. */
export * from './types.ts';
export { DOCUMENT_LIMITS, IMAGE_SRC_PATTERN } from './limits.ts';
export { parseDesign, type ParseDesignOptions } from './validate.ts';
export { migrateDocument, migrations, oldestReadableVersion, type Migration, type RawDocument } from './migrate.ts';
export { listImages, type ImageEntry } from './rules.ts';
export {
  encodePoints,
  decodePoints,
  encodeQuanta,
  decodeQuanta,
  simplify,
  segmentDistance,
  type Point,
} from './points.ts';
export { createDocument, type DocumentTemplateRef } from './create.ts';
export { newId } from './ids.ts';
export { designDocumentSchema } from './schema.ts';
export {
  appendMarkTime,
  decodeMarkTimes,
  encodeMarkTime,
  hasTiming,
  latestTime,
  layerClockTicks,
  type DecodedTime,
} from './timing.ts';
