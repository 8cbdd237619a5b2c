/** The design document: pure data, shared by the widget and the server. */
export * from './types.js';
export { DOCUMENT_LIMITS, IMAGE_SRC_PATTERN } from './limits.js';
export { parseDesign, type ParseDesignOptions } from './validate.js';
export { migrateDocument, migrations, oldestReadableVersion, type Migration, type RawDocument } from './migrate.js';
export { listImages, type ImageEntry } from './rules.js';
export { encodePoints, decodePoints, simplify, segmentDistance, type Point } from './points.js';
export { createDocument, type DocumentTemplateRef } from './create.js';
export { newId } from './ids.js';
export { designDocumentSchema } from './schema.js';
