export { CoDesignStudio } from './co-design-studio.ts';
export { CoDesignReadyEvent } from './element/events/ready.ts';
export { CoDesignChangeEvent } from './element/events/change.ts';
export { CoDesignErrorEvent } from './element/events/error.ts';
export { CoDesignDraftSavedEvent } from './element/events/draft-saved.ts';
export { ErrorCode, StudioError } from './errors.ts';
export type { DesignDocument } from './document/types.ts';
export type { TemplateManifest } from './template/types.ts';
export type { ExportOptions } from './editor/export.ts';
