/**
 * What a replay needs before its first frame, fetched and checked the studio's way: the design (parseDesign),
 * the template (loadTemplate), its art, fonts and the lazy renderer parts the design uses (OpenTemplate).
 */
import { parseDesign } from '../document/validate.ts';
import type { DesignDocument } from '../document/types.ts';
import { AssetCache } from '../editor/assets.ts';
import { FontLink, textsOf } from '../editor/fonts/font-link.ts';
import { OpenTemplate } from '../editor/open-template.ts';
import type { ObjectAssets } from '../editor/render/objects.ts';
import type { ViewPainter } from '../editor/render/view-painter.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import { loadTemplate } from '../template/load.ts';

export interface ReplaySource {
  design: DesignDocument;
  template: OpenTemplate;
  objectAssets: ObjectAssets;
  painter(view: string): ViewPainter | undefined;
}

/** The design given as a property (JSON text or an object), or fetched from `src` (`GET /api/designs/{id}`). */
export async function fetchDesign(src: string, signal: AbortSignal): Promise<DesignDocument> {
  let response: Response;
  try {
    response = await fetch(new URL(src, document.baseURI), { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new StudioError(ErrorCode.DesignInvalid, `The design could not be fetched from ${src}`, { url: src });
  }
  if (!response.ok)
    throw new StudioError(ErrorCode.DesignInvalid, `The design at ${src} answered ${response.status}`, { url: src });
  const body: unknown = await response.json().catch(() => undefined);
  // The reference server wraps the document in its detail (`{ …summary, design }`); a plain document is fine too.
  const design = body && typeof body === 'object' && 'design' in body ? (body as { design: unknown }).design : body;
  return parseDesign(design);
}

export async function openReplay(
  design: DesignDocument,
  templateUrl: string,
  view: string | undefined,
  signal: AbortSignal,
): Promise<ReplaySource> {
  const loaded = await loadTemplate(templateUrl, { signal });
  if (loaded.manifest.id !== design.template.id) {
    throw new StudioError(
      ErrorCode.DesignTemplateMismatch,
      `The design was made on template "${design.template.id}", not "${loaded.manifest.id}"`,
    );
  }
  const source = { manifest: loaded.manifest, resolve: loaded.resolve };
  const fonts = new FontLink(() => undefined);
  fonts.use(source);
  const shown = view ?? design.views[0]?.view ?? loaded.manifest.views[0].id;
  const [template, failures] = await Promise.all([
    OpenTemplate.open(source, design, new AssetCache(), [shown]),
    fonts.ensure(textsOf(design)),
  ]);
  // As the exporter does: never a frame in another font than the design's.
  if (failures.length) throw failures[0];
  await template.complete();
  const objectAssets: ObjectAssets = {
    image: (obj) => template.imageFor(obj),
    path: (id) => loaded.manifest.views.flatMap((v) => v.paths ?? []).find((p) => p.id === id)?.d,
    textFace: (t) => fonts.face(t),
  };
  return { design, template, objectAssets, painter: (id) => template.painter(id) };
}
