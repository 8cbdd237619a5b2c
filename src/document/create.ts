import { newId } from './ids.ts';
import { DOCUMENT_FORMAT, DOCUMENT_VERSION, type DesignDocument } from './types.ts';

export interface DocumentTemplateRef {
  id: string;
  /** The brand's version of the template (`templateVersion` in its manifest). */
  version: string;
  viewIds: string[];
}

/** An empty design for a template: one empty paint layer per view. */
export function createDocument(template: DocumentTemplateRef, now: Date = new Date()): DesignDocument {
  const stamp = now.toISOString();
  return {
    format: DOCUMENT_FORMAT,
    version: DOCUMENT_VERSION,
    template: { id: template.id, version: template.version },
    meta: { created: stamp, updated: stamp },
    views: template.viewIds.map((view) => ({
      view,
      layers: [{ id: newId(), name: 'Paint', visible: true, locked: false, kind: 'paint', marks: [] }],
    })),
  };
}
