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
 * (least recently used dropped first) rather than the document read and parsed again on every page of the queue.
 */
export function originalityCache(templates: TemplateLookup) {
  const remembered = new Map<string, Originality>();
  /** The figures of design `id` if they were computed before; moves it to the back of the queue. */
  const known = (id: string): Originality | undefined => {
    const figures = remembered.get(id);
    if (figures) {
      remembered.delete(id);
      remembered.set(id, figures);
    }
    return figures;
  };
  const of = async (design: StoredDesign): Promise<Originality> => {
    const cached = known(design.id);
    if (cached) return cached;
    // Validated by parseDesign when it was submitted; stored as that output.
    const doc = JSON.parse(design.designJson) as DesignDocument;
    const figures = originalityOf(doc, await templates(design.template), design.metrics);
    remembered.set(design.id, figures);
    if (remembered.size > REMEMBERED) remembered.delete(remembered.keys().next().value!);
    return figures;
  };
  return { known, of };
}
