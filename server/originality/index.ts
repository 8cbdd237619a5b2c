import type { DesignDocument } from '../../src/document/types.ts';
import type { Originality } from '../../src/protocol/submission.ts';
import type { StoredDesign } from '../store/store.ts';
import { originalityOf } from './originality.ts';
import type { TemplateLookup } from './templates.ts';

export { MOSTLY_UPLOAD, originalityOf } from './originality.ts';
export { noTemplates, templatesFrom, type TemplateLookup } from './templates.ts';

/** Designs on a few pages of the moderation queue; each entry is a few hundred bytes. */
const REMEMBERED = 500;

/**
 * A stored design's originality, computed once: a stored design never changes, so the figures are kept
 * (least recently used dropped first) rather than the document parsed again on every page of the queue.
 */
export function originalityCache(templates: TemplateLookup) {
  const remembered = new Map<string, Originality>();
  return async (design: StoredDesign): Promise<Originality> => {
    const known = remembered.get(design.id);
    if (known) {
      remembered.delete(design.id);
      remembered.set(design.id, known);
      return known;
    }
    // Validated by parseDesign when it was submitted; stored as that output.
    const doc = JSON.parse(design.designJson) as DesignDocument;
    const figures = originalityOf(doc, await templates(design.template), design.metrics);
    remembered.set(design.id, figures);
    if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
    return figures;
  };
}
