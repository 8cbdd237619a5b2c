import type { DesignDocument, PlacedObject } from '../document/types.ts';
import type { TemplateManifest } from '../template/types.ts';
import { ViewAreas } from './areas.ts';
import type { AssetCache } from './assets.ts';
import { allImageSources } from './layers.ts';
import { loadObjectSupport } from './render/objects.ts';
import { loadPaintSupport } from './render/raster-layer.ts';
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

  private constructor(
    readonly source: TemplateSource,
    private readonly assets: AssetCache,
  ) {
    const { manifest, resolve } = source;
    this.painters = new Map(manifest.views.map((v) => [v.id, new ViewPainter(v, new ViewAreas(v), assets, resolve)]));
  }

  /** Resolves once every asset of the template and of `doc` is decoded, and the code to show `doc` is loaded. */
  static async open(source: TemplateSource, doc: DesignDocument, assets: AssetCache): Promise<OpenTemplate> {
    const open = new OpenTemplate(source, assets);
    await open.preload(doc);
    return open;
  }

  get manifest(): TemplateManifest {
    return this.source.manifest;
  }

  async preload(doc: DesignDocument): Promise<void> {
    const { manifest, resolve } = this.source;
    const stickers = (manifest.stickers ?? []).map((s) => resolve(s.src));
    const urls = [...[...this.painters.values()].flatMap((p) => p.assetUrls()), ...stickers, ...allImageSources(doc)];
    await Promise.all([this.assets.loadAll(urls), loadObjectSupport(doc), loadPaintSupport(doc)]);
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
