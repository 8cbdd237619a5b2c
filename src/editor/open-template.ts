import type { DesignDocument, PlacedObject } from '../document/types.ts';
import type { TemplateManifest } from '../template/types.ts';
import { ViewAreas } from './areas.ts';
import type { AssetCache } from './assets.ts';
import { allImageSources } from './layers.ts';
import { loadFillSupport } from './render/fill.ts';
import { loadObjectSupport } from './render/objects.ts';
import { loadPaintSupport } from './render/paint-support.ts';
import { ViewPainter } from './render/view-painter.ts';

export interface TemplateSource {
  manifest: TemplateManifest;
  resolve(url: string): string;
}

/**
 * The template the editor has open: a painter per view, and the decoded
 * images its views, stickers and a design's uploads need, loaded up front so
 * the scene and the exporter can build objects synchronously.
 */
export class OpenTemplate {
  private readonly painters: Map<string, ViewPainter>;
  private rest: Promise<void> = Promise.resolve();

  private constructor(
    readonly source: TemplateSource,
    private readonly assets: AssetCache,
  ) {
    const { manifest, resolve } = source;
    this.painters = new Map(manifest.views.map((v) => [v.id, new ViewPainter(v, new ViewAreas(v), assets, resolve)]));
  }

  /**
   * Resolves once what the first frame needs is decoded: the art of `views` (the one to be shown), and the images
   * and stickers `doc` places. The rest of the template's art (other views, the sticker choices) follows without
   * holding the first frame back: on a phone each SVG costs about 10 ms of the main thread. `complete` says when.
   */
  static async open(
    source: TemplateSource,
    doc: DesignDocument,
    assets: AssetCache,
    views: readonly string[],
  ): Promise<OpenTemplate> {
    const open = new OpenTemplate(source, assets);
    await open.preload(doc, views);
    // Once the first frame is out: decoding them sooner would only push it back.
    open.rest = whenIdle().then(() => assets.loadAll(OpenTemplate.artUrls(source)).catch(() => undefined));
    return open;
  }

  /** Every image of the template is decoded (or failed: a view without art still opens). */
  complete(): Promise<void> {
    return this.rest;
  }

  get manifest(): TemplateManifest {
    return this.source.manifest;
  }

  /** The template's own images: the art of `views` (default: every view) and the stickers (only when all views). */
  static artUrls({ manifest, resolve }: TemplateSource, views?: readonly string[]): string[] {
    const shown = views ? manifest.views.filter((v) => views.includes(v.id)) : manifest.views;
    const art = shown.flatMap((v) => [v.base, v.overlay, ...(v.locked ?? []).map((l) => l.src)]);
    const stickers = views ? [] : (manifest.stickers ?? []).map((s) => s.src);
    return [...art, ...stickers].filter((u): u is string => !!u).map(resolve);
  }

  /** The art of `views`, and every image and sticker `doc` places, decoded. */
  async preload(doc: DesignDocument, views: readonly string[]): Promise<void> {
    const used = new Set(
      doc.views.flatMap((v) =>
        v.layers.flatMap((l) => (l.kind === 'object' && l.object.type === 'sticker' ? [l.object.sticker] : [])),
      ),
    );
    const stickers = (this.manifest.stickers ?? [])
      .filter((s) => used.has(s.id))
      .map((s) => this.source.resolve(s.src));
    const urls = [...OpenTemplate.artUrls(this.source, views), ...stickers, ...allImageSources(doc)];
    await Promise.all([this.assets.loadAll(urls), loadObjectSupport(doc), loadPaintSupport(doc), loadFillSupport(doc)]);
  }

  /** A sticker's image decoded, for placing it. */
  async stickerReady(id: string): Promise<void> {
    const sticker = this.sticker(id);
    if (sticker) await this.assets.load(this.source.resolve(sticker.src));
  }

  /** Whether a sticker's image is decoded already (placing it needs no wait). */
  stickerLoaded(id: string): boolean {
    const sticker = this.sticker(id);
    return !sticker || !!this.assets.get(this.source.resolve(sticker.src));
  }

  painter(viewId: string): ViewPainter | undefined {
    return this.painters.get(viewId);
  }

  sticker(id: string): { width: number; height: number; src: string } | undefined {
    return this.manifest.stickers?.find((s) => s.id === id);
  }

  /** The decoded image an image or sticker object shows. */
  imageFor(obj: PlacedObject): HTMLImageElement | undefined {
    if (obj.type === 'image') return this.assets.get(obj.src);
    if (obj.type !== 'sticker') return undefined;
    const sticker = this.sticker(obj.sticker);
    return sticker && this.assets.get(this.source.resolve(sticker.src));
  }
}

/** The next idle period of the main thread (at most a second away). */
function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 200);
  });
}
