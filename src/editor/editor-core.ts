import type { DesignDocument, ViewDesign } from '../document/types.ts';
import type { TemplateManifest } from '../template/types.ts';
import { AssetCache } from './assets.ts';
import type { ExportOptions } from './export.ts';
import { FontLink, textsOf, type FontFailure, type TextLook } from './fonts/font-link.ts';
import { History, type HistoryEntry } from './history/history.ts';
import { findView, type Op } from './history/ops.ts';
import { indexOfLayer } from './layers.ts';
import { PaintClock } from './paint-clock.ts';
import { OpenTemplate, type TemplateSource } from './open-template.ts';
import type { ObjectAssets } from './render/objects.ts';
import { snapshotRasters, type KeptDesign, type RasterSnapshot } from './render/raster-seed.ts';
import { safeGuideFor } from './render/safe-guide.ts';
import { Scene } from './render/scene.ts';
import { createStudioCanvas, type StudioCanvas } from './render/studio-canvas.ts';
import type { EditorChange, ShownDesign } from './shown.ts';
import { renderThumbnail } from './thumbnail.ts';
import { DEFAULT_STYLE, type BrushStyle, type ToolNotice } from './tools/types.ts';
import { Viewport } from './viewport.ts';

/**
 * The model half of the editor: the template, the design document and its
 * history, and the scene that shows one view of it on the fabric canvas;
 * exports and thumbnails come from here. StudioEditor adds what the
 * customer does with it: tools, layers, placed objects and input.
 */
export abstract class EditorCore extends EventTarget {
  readonly canvas: StudioCanvas;
  readonly assets = new AssetCache();
  readonly viewport: Viewport;
  style: BrushStyle = { ...DEFAULT_STYLE };
  protected template: OpenTemplate | undefined;
  protected doc: DesignDocument | undefined;
  protected readonly history = new History(() => this.design);
  /** Times each new mark and object (document version 2), continuing the design's clock. */
  protected readonly clock = new PaintClock();
  protected readonly scene: Scene;
  /** The active layer of each view. */
  protected readonly activeLayers = new Map<string, string>();
  protected viewId = '';
  protected readonly objectAssets: ObjectAssets;
  /** The template's shipped fonts; text waits for its face (docs/craft/fonts.md). */
  protected readonly fonts = new FontLink((failures) => this.fontsSettled(failures));
  /** Fonts whose failure the customer was told of: once per design shown. */
  private readonly fontsReported = new Set<string>();
  /** Ends the editor's timers and lazy loads when it is disposed. */
  protected readonly life = new AbortController();

  constructor(stage: HTMLElement) {
    super();
    this.canvas = createStudioCanvas(stage);
    this.objectAssets = {
      image: (obj) => this.template?.imageFor(obj),
      path: (id) => this.manifest?.views.flatMap((v) => v.paths ?? []).find((p) => p.id === id)?.d,
      textFace: (t) => this.fonts.face(t),
    };
    this.scene = new Scene(this.canvas, this.objectAssets, stage);
    this.viewport = new Viewport(
      this.canvas,
      () => this.templateView(),
      () => this.cancelGesture(),
      () => this.emit('state'),
    );
    this.viewport.followSize(stage, () => this.ready, this.life.signal);
  }

  /** Abandons the gesture in progress; nothing of it is recorded. */
  abstract cancelGesture(): void;

  // ---- template, design, views -------------------------------------------

  /** Shows a template with a design, its undo steps and view (a restored draft, or an empty design). Not undoable. */
  /** Starts decoding the first view's art before `open` needs it (`open` waits for the same images). */
  preloadArt(source: TemplateSource): void {
    void this.assets.loadAll(OpenTemplate.artUrls(source, [source.manifest.views[0].id])).catch(() => undefined);
  }

  async open(source: TemplateSource, shown: ShownDesign): Promise<void> {
    this.fonts.use(source);
    const [template, failures] = await Promise.all([
      OpenTemplate.open(source, shown.design, this.assets, this.viewsShown(source, shown)),
      this.fonts.ensure(textsOf(shown.design)),
    ]);
    this.template = template;
    // A view switched to before its art had come is drawn again once it has.
    void template.complete().then(() => this.template === template && this.canvas.requestRenderAll());
    const { palette, fonts } = source.manifest;
    if (palette?.length && !palette.includes(this.style.color)) this.style = { ...this.style, color: palette[0] };
    // The sticker tool starts with the template's first sticker chosen, ready to stamp.
    const sticker = source.manifest.stickers?.[0]?.id;
    this.style = { ...this.style, font: fonts?.[0]?.family ?? this.style.font, sticker: this.style.sticker ?? sticker };
    this.present(shown);
    this.reportFonts(failures);
  }

  /**
   * The one way a design replaces what is on screen after the template is open:
   * loadDesign, another draft, a tab's reload, a backup. Not undoable.
   */
  async show(shown: ShownDesign): Promise<void> {
    if (!this.template) throw new Error('No template is open');
    const [, failures] = await Promise.all([
      this.template.preload(shown.design, this.viewsShown(this.template.source, shown)),
      this.fonts.ensure(textsOf(shown.design)),
    ]);
    this.present(shown);
    this.reportFonts(failures);
  }

  /** The views `present` may show: the one asked for, the one on screen, the first. */
  private viewsShown(source: TemplateSource, shown: ShownDesign): string[] {
    return [shown.view, this.viewId, source.manifest.views[0].id].filter((v): v is string => !!v);
  }

  private present(shown: ShownDesign): void {
    this.fontsReported.clear();
    this.replaceDesign(shown.design, shown.handOver ? { handOver: true, seeds: shown.seeds } : undefined);
    const { history, view } = shown;
    if (history && (history.done.length || history.undone.length)) this.restoreHistory(history);
    if (view && view !== this.viewId && this.manifest?.views.some((v) => v.id === view)) this.setView(view);
  }

  private replaceDesign(doc: DesignDocument, kept?: KeptDesign): void {
    this.cancelGesture();
    // A copy of 10,000 strokes costs ~0.3 s: only designs someone else still holds are copied.
    this.doc = kept?.handOver ? doc : structuredClone(doc);
    this.history.clear();
    this.clock.resume(this.doc);
    this.scene.reset();
    this.scene.seed(kept?.seeds ?? []);
    this.activeLayers.clear();
    const first = this.template!.manifest.views[0].id;
    this.setView(this.doc.views.some((v) => v.view === this.viewId) ? this.viewId : first);
  }

  get design(): DesignDocument {
    if (!this.doc) throw new Error('No design is open');
    return this.doc;
  }

  get ready(): boolean { return !!this.doc; } // prettier-ignore

  /** A copy of the design; changes to it do not touch the editor. */
  snapshot(): DesignDocument {
    return structuredClone(this.design);
  }

  get manifest(): TemplateManifest | undefined {
    return this.template?.manifest;
  }

  get view(): string { return this.viewId; } // prettier-ignore

  setView(id: string): void {
    const painter = this.template?.painter(id);
    if (!painter) throw new Error(`No view ${id} in the template`);
    this.cancelGesture();
    this.canvas.discardActiveObject();
    this.viewId = id;
    this.canvas.painter = painter;
    this.canvas.safeGuide = safeGuideFor(painter.view, painter.areas);
    this.scene.setArea({
      width: painter.view.width,
      height: painter.view.height,
      clip: painter.areas.union,
      areaPath: (a) => painter.areas.path(a),
    });
    this.scene.show(this.viewDesign());
    this.viewport.fit();
    this.emit('state');
  }

  viewDesign(id = this.viewId): ViewDesign {
    return findView(this.design, id);
  }

  protected templateView() {
    return this.template?.painter(this.viewId)?.view ?? { width: 1, height: 1 };
  }

  // ---- history -----------------------------------------------------------

  get canUndo(): boolean { return this.history.canUndo; } // prettier-ignore
  get canRedo(): boolean { return this.history.canRedo; } // prettier-ignore

  undo(): boolean {
    this.cancelGesture();
    const entry = this.history.undo();
    if (entry) this.afterHistory(entry, 'undo');
    return !!entry;
  }

  redo(): boolean {
    this.cancelGesture();
    const entry = this.history.redo();
    if (entry) this.afterHistory(entry, 'redo');
    return !!entry;
  }

  /** The last undo steps, as plain data to store with a draft. */
  historyEntries(): { done: HistoryEntry[]; undone: HistoryEntry[] } {
    return this.history.entries();
  }

  /** Takes back a draft's undo steps after `load`; false (and no history) if they do not fit the design. */
  restoreHistory(saved: { done: HistoryEntry[]; undone: HistoryEntry[] }): boolean {
    const ok = this.history.restore(saved);
    this.emit('state');
    return ok;
  }

  /** Records one user step, applies it and shows it. */
  commit(source: string, ops: Op[]): void {
    if (ops.length === 0) return;
    this.clock.stamp(this.design, ops);
    this.history.commit({ source, ops });
    for (const op of ops) if (op.op === 'insert-layer') this.activeLayers.set(op.view, op.layer.id);
    this.afterHistory({ source, ops }, 'edit');
  }

  private afterHistory(entry: HistoryEntry, kind: EditorChange['kind']): void {
    const views = new Set(entry.ops.map((op) => op.view));
    // Undo in another view takes the customer there, so they see what changed.
    if (!views.has(this.viewId) && views.size) this.setView([...views][0]);
    const view = this.viewDesign();
    if (entry.ops.every((op) => op.op === 'push-mark' || op.op === 'pop-mark')) {
      for (const op of entry.ops) this.scene.syncPaint(view, (op as { layer: string }).layer);
    } else {
      this.scene.show(view);
    }
    if (indexOfLayer(view, this.activeLayers.get(this.viewId)) < 0) this.activeLayers.delete(this.viewId);
    this.design.meta.updated = new Date().toISOString();
    this.dispatchEvent(new CustomEvent<EditorChange>('change', { detail: { source: entry.source, kind } }));
    this.emit('state');
  }

  // ---- export --------------------------------------------------------------

  /** A small PNG data URL of the current view, from the baked layers (cheap at any stroke count). */
  thumbnail(side = 160): string {
    return renderThumbnail(
      this.viewDesign(),
      this.template!.painter(this.viewId)!,
      this.scene,
      this.objectAssets,
      side,
    );
  }

  /** The paint layers' bitmaps, to keep with a draft (see RasterSeed). */
  keptRasters(): RasterSnapshot[] {
    return snapshotRasters(this.design, this.scene.rasterLayers());
  }

  async exportImage(opts: ExportOptions = {}): Promise<Blob> {
    const id = opts.view ?? this.viewId;
    const painter = this.template?.painter(id);
    if (!painter) throw new Error(`No view ${id} in the template`);
    // The exporter is a lazy chunk: the first paint never exports. Another view's art may still be on its way.
    const [, failures] = await Promise.all([
      this.template?.complete(),
      this.fonts.ensure(textsOf(this.viewDesign(id))),
    ]);
    // Never a file in another font than the design's: the export waits until the font can be had.
    if (failures.length) throw failures[0];
    return (await import('./export.ts')).exportView(this.viewDesign(id), painter, this.objectAssets, opts);
  }

  /** Loads the faces these texts need, telling the customer of a font that cannot be had. */
  protected loadFonts(looks: TextLook[]): void {
    this.fonts.ensure(looks).then(
      (failures) => this.reportFonts(failures),
      () => undefined,
    );
  }

  /** A face text waited for came or failed: the text on screen is drawn with what there is now. */
  private fontsSettled(failures: FontFailure[]): void {
    if (!this.doc) return;
    // Every view's: the scene keeps the objects of views shown before.
    for (const text of this.doc.views.flatMap((v) => v.layers)) {
      if (text.kind !== 'object' || text.object.type !== 'text') continue;
      const face = this.fonts.face(text.object);
      const fo = this.scene.fabricObject(text.id);
      if (!face || !fo) continue;
      fo.set(face);
      fo.setCoords();
    }
    this.canvas.requestRenderAll();
    this.reportFonts(failures);
  }

  /** `font-failed` (detail: the StudioError) once per failed font and design shown. */
  private reportFonts(failures: FontFailure[]): void {
    for (const f of failures) {
      if (this.fontsReported.has(String(f.params.detail))) continue;
      this.fontsReported.add(String(f.params.detail));
      this.dispatchEvent(new CustomEvent('font-failed', { detail: f }));
    }
  }

  notice(notice: ToolNotice | 'off-palette'): void {
    this.dispatchEvent(new CustomEvent('notice', { detail: notice }));
  }

  protected emit(type: 'state'): void {
    this.dispatchEvent(new Event(type));
  }

  get disposed(): boolean {
    return this.life.signal.aborted;
  }
}
