import type { DesignDocument } from '../document/types.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import type { TemplateManifest } from '../template/types.ts';

/**
 * Checks a schema-valid design against the open template: same product,
 * known views, areas and stickers, and the palette when the brand set one.
 */
export function checkDesignForTemplate(doc: DesignDocument, manifest: TemplateManifest): void {
  if (doc.template.id !== manifest.id) {
    throw new StudioError(
      ErrorCode.DesignTemplateMismatch,
      `The design is for template "${doc.template.id}", not "${manifest.id}"`,
      { detail: doc.template.id },
    );
  }
  const stickers = new Set((manifest.stickers ?? []).map((s) => s.id));
  const palette = manifest.palette?.length ? new Set(manifest.palette.map((c) => c.toLowerCase())) : undefined;
  const colour = (c: string | null, where: string) => {
    if (c && palette && !palette.has(c.toLowerCase()))
      throw invalid(`${where}: colour ${c} is not in the template's palette`);
  };
  doc.views.forEach((view, vi) => {
    const tv = manifest.views.find((v) => v.id === view.view);
    if (!tv) throw invalid(`views[${vi}].view: no view "${view.view}" in template "${manifest.id}"`);
    const areas = new Set(tv.areas.map((a) => a.id));
    view.layers.forEach((layer, li) => {
      const at = `views[${vi}].layers[${li}]`;
      if (layer.kind === 'paint') {
        layer.marks.forEach((m, mi) => {
          if (m.type === 'fill' && !areas.has(m.area))
            throw invalid(`${at}.marks[${mi}].area: no area "${m.area}" in view "${tv.id}"`);
          if (m.type === 'fill' || m.tool !== 'eraser') colour(m.color, `${at}.marks[${mi}]`);
          if (m.type === 'fill')
            m.gradient?.stops.forEach((s, si) => colour(s.color, `${at}.marks[${mi}].gradient.stops[${si}]`));
        });
        return;
      }
      const o = layer.object;
      if (o.type === 'sticker' && !stickers.has(o.sticker))
        throw invalid(`${at}.object.sticker: no sticker "${o.sticker}" in the template`);
      if (o.type === 'text') colour(o.color, `${at}.object`);
      const path = o.type === 'text' && o.curve && 'path' in o.curve ? o.curve.path : undefined;
      if (path !== undefined && !tv.paths?.some((p) => p.id === path))
        throw invalid(`${at}.object.curve.path: no path "${path}" in view "${tv.id}"`);
      if (o.type === 'shape') (colour(o.fill, `${at}.object`), colour(o.stroke, `${at}.object`));
      if (o.type === 'shape')
        o.fillGradient?.stops.forEach((s, si) => colour(s.color, `${at}.object.fillGradient.stops[${si}]`));
    });
  });
}

function invalid(message: string): StudioError {
  return new StudioError(ErrorCode.DesignInvalid, message, { detail: message });
}

/** Images that undo could bring back are checked like the design's own. */
export async function verifyHistoryImages(history: {
  done: Array<{ ops: unknown[] }>;
  undone: Array<{ ops: unknown[] }>;
}): Promise<void> {
  const srcs = new Set<string>();
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    const o = value as {
      type?: unknown;
      src?: unknown;
      object?: unknown;
      layer?: unknown;
      before?: unknown;
      after?: unknown;
    };
    if (o.type === 'image' && typeof o.src === 'string') srcs.add(o.src);
    for (const part of [o.object, o.layer, o.before, o.after]) visit(part);
  };
  for (const entry of [...history.done, ...history.undone]) for (const op of entry.ops) visit(op);
  if (srcs.size === 0) return;
  const { verifyImageSrc } = await import('../security/image-src.ts');
  for (const src of srcs) await verifyImageSrc(src);
}

/** Images in a design are checked again, whichever way they came in (security/image-src.ts). */
export async function verifyDesignImages(doc: DesignDocument): Promise<void> {
  const srcs = doc.views.flatMap((v) =>
    v.layers.flatMap((l) => (l.kind === 'object' && l.object.type === 'image' ? [l.object.src] : [])),
  );
  if (srcs.length === 0) return;
  const { verifyImageSrc } = await import('../security/image-src.ts');
  for (const src of new Set(srcs)) await verifyImageSrc(src);
}
