import type { FabricObject, IText } from 'fabric/es';
import type { DesignDocument, Layer, PlacedObject, ViewDesign } from '../document/types.ts';
import type { TemplateManifest } from '../template/types.ts';

export type { TemplateSource } from './open-template.ts';
import { AssetCache } from './assets.ts';
import type { ExportOptions } from './export.ts';
import { History, type HistoryEntry } from './history/history.ts';
import { renderThumbnail } from './thumbnail.ts';
import { findView, type Op } from './history/ops.ts';
import { indexOfLayer, insertAbove, objectLayer } from './layers.ts';
import { loadObjectClasses, readPlacement, restyled, type ObjectAssets } from './render/objects.ts';
import { Scene } from './render/scene.ts';
import { snapshotRasters, type KeptDesign, type RasterSnapshot } from './render/raster-seed.ts';
import { createStudioCanvas, type StudioCanvas } from './render/studio-canvas.ts';
import { createTools } from './tools/create.ts';
import { createToolContext } from './tool-context.ts';
import {
  ToolId,
  type BrushStyle,
  type EditorStrings,
  type Tool,
  type ToolContext,
  type ToolNotice,
  type ToolOption,
} from './tools/types.ts';
import { toolDefinition } from './tools/registry.ts';
import { CommandRegistry, CORE_COMMANDS } from './commands/index.ts';
import { InputRouter } from './input.ts';
import { OpenTemplate, type TemplateSource } from './open-template.ts';
import { LayerCommands } from './layer-commands.ts';
import { Viewport } from './viewport.ts';
import { imageObject, type UploadedImage } from './tools/image/image.ts';

export type { EditorStrings } from './tools/types.ts';
export type { EditorChange, ShownDesign } from './shown.ts';
import type { EditorChange, ShownDesign } from './shown.ts';

/**
 * The editor core: a design document, its history, and a fabric canvas that
 * shows one view of it. No lit, no UI: the element wires it to the page and
 * listens for `change` (user edits), `state` (redraw the chrome) and `notice`.
 */
export class StudioEditor extends EventTarget {
  readonly canvas: StudioCanvas;
  readonly assets = new AssetCache();
  readonly viewport: Viewport;
  style: BrushStyle;
  private template: OpenTemplate | undefined;
  private doc: DesignDocument | undefined;
  private readonly history = new History(() => this.design);
  private readonly scene: Scene;
  private readonly activeLayers = new Map<string, string>();
  private readonly tools: Map<ToolId, Tool>;
  private currentTool: ToolId = ToolId.Pencil;
  /** Pointer gestures, keys (through the command registry) and the lazy canvas keyboard. */
  readonly input: InputRouter;
  private viewId = '';
  private readonly objectAssets: ObjectAssets;
  /** Ends the editor's timers and lazy loads when it is disposed. */
  private readonly life = new AbortController();

  /** Every command of this editor: the toolbar, header, panels, keys and metrics read it. */
  readonly commands = new CommandRegistry((event) => ({
    editor: this,
    cursor: this.input.keyboard?.cursor,
    onCanvas: !!event && !!this.input.keyboard?.cursor.owns(event.composedPath()[0]),
  }));

  /** Reorder, show/hide, lock, rename, delete, duplicate: the layers panel's commands. */
  readonly layerCommands = new LayerCommands(this);

  constructor(
    stage: HTMLElement,
    readonly strings: EditorStrings,
  ) {
    super();
    const editor = this;
    this.canvas = createStudioCanvas(stage);
    this.style = {
      color: '#e4002b',
      size: 8,
      markerOpacity: 0.5,
      sprayDensity: 24,
      font: 'sans-serif',
      fontSize: 64,
      shape: 'rect',
      shapeFilled: true,
      sticker: undefined,
    };
    this.objectAssets = { image: (obj) => this.template?.imageFor(obj) };
    this.scene = new Scene(this.canvas, this.objectAssets, stage);
    this.viewport = new Viewport(
      this.canvas,
      () => this.templateView(),
      () => this.cancelGesture(),
      () => this.emit('state'),
    );
    this.tools = createTools({
      strings,
      stickerSize: (id) => this.template?.sticker(id),
      editText: (id) => this.editText(id),
    });
    this.commands.register(CORE_COMMANDS);
    this.input = new InputRouter(
      {
        canvas: this.canvas,
        viewport: this.viewport,
        commands: this.commands,
        get ready() {
          return editor.ready;
        },
        activeTool: () => this.tools.get(this.currentTool),
        toolContext: () => this.toolContext(),
        objectModified: (t) => this.objectModified(t),
        selectionChanged: () => this.selectionChanged(),
      },
      stage,
    );
    this.viewport.followSize(stage, () => this.ready, this.life.signal);
  }

  // ---- template, design, views -------------------------------------------

  /** Shows a template with a design, its undo steps and view (a restored draft, or an empty design). Not undoable. */
  async open(source: TemplateSource, shown: ShownDesign): Promise<void> {
    this.template = await OpenTemplate.open(source, shown.design, this.assets);
    const { palette, fonts } = source.manifest;
    if (palette?.length && !palette.includes(this.style.color)) this.style = { ...this.style, color: palette[0] };
    this.style = { ...this.style, font: fonts?.[0]?.family ?? this.style.font };
    this.present(shown);
  }

  /**
   * The one way a design replaces what is on screen after the template is open:
   * loadDesign, another draft, a tab's reload, a backup. Not undoable.
   */
  async show(shown: ShownDesign): Promise<void> {
    if (!this.template) throw new Error('No template is open');
    await this.template.preload(shown.design);
    this.present(shown);
  }

  private present(shown: ShownDesign): void {
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

  private templateView() {
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

  // ---- tools and style ---------------------------------------------------

  get tool(): ToolId {
    return this.currentTool;
  }

  /** What the style panel offers for the current tool. */
  get toolOptions(): readonly ToolOption[] {
    return toolDefinition(this.currentTool)?.options ?? [];
  }

  setTool(id: ToolId): void {
    const next = this.tools.get(id);
    if (!next) return;
    this.cancelGesture();
    this.tools.get(this.currentTool)?.deactivate?.(this.toolContext());
    this.currentTool = id;
    this.scene.interactive = !!next.picksObjects;
    this.canvas.skipTargetFind = !next.picksObjects;
    if (!next.picksObjects) this.canvas.discardActiveObject();
    this.canvas.defaultCursor = next.cursor;
    if (this.doc) this.scene.show(this.viewDesign());
    next.activate?.(this.toolContext());
    this.emit('state');
  }

  /** Changes the brush; colour, font and size also apply to the selected object. */
  setStyle(patch: Partial<BrushStyle>): void {
    const palette = this.template?.manifest.palette;
    if (patch.color && palette?.length && !palette.includes(patch.color.toLowerCase())) {
      this.notice('off-palette');
      return;
    }
    if (patch.color) patch = { ...patch, color: patch.color.toLowerCase() };
    this.style = { ...this.style, ...patch };
    this.restyleSelection(patch);
    this.emit('state');
  }

  private restyleSelection(patch: Partial<BrushStyle>): void {
    const layer = this.selectedLayer();
    if (layer?.kind !== 'object') return;
    const next = restyled(layer.object, patch);
    if (JSON.stringify(next) !== JSON.stringify(layer.object))
      this.commit('style', [
        { op: 'set-object', view: this.viewId, layer: layer.id, before: layer.object, after: next },
      ]);
  }

  // ---- layers --------------------------------------------------------------

  get layers(): readonly Layer[] {
    return this.doc ? this.viewDesign().layers : [];
  }

  get activeLayer(): string | undefined {
    const id = this.activeLayers.get(this.viewId);
    return id && indexOfLayer(this.viewDesign(), id) >= 0 ? id : this.viewDesign().layers.at(-1)?.id;
  }

  setActiveLayer(id: string): void {
    if (indexOfLayer(this.viewDesign(), id) < 0) return;
    this.activeLayers.set(this.viewId, id);
    const fo = this.scene.fabricObject(id);
    if (this.scene.interactive && fo?.selectable) this.canvas.setActiveObject(fo);
    else this.canvas.discardActiveObject();
    this.canvas.requestRenderAll();
    this.emit('state');
  }

  deleteSelection(): boolean {
    const layer = this.selectedLayer();
    if (!layer) return false;
    this.layerCommands.remove(layer.id);
    return true;
  }

  selectedLayer(): Layer | undefined {
    const id = this.scene.layerIdOf(this.canvas.getActiveObject());
    return id ? this.viewDesign().layers.find((l) => l.id === id) : undefined;
  }

  countLayers(kind: 'paint' | PlacedObject['type']): number {
    return this.viewDesign().layers.filter((l) => (l.kind === 'paint' ? 'paint' : l.object.type) === kind).length;
  }

  // ---- placing objects ---------------------------------------------------

  /** Places an object as a new layer above the active one, as one undo step. */
  place(object: PlacedObject, source: string = this.currentTool): string {
    const layer = objectLayer(this.strings.layerName(object.type, this.countLayers(object.type) + 1), object);
    this.commit(source, [insertAbove(this.viewDesign(), this.activeLayer, layer)]);
    this.select(layer.id);
    return layer.id;
  }

  /** Places a checked upload (see security/upload.ts) at the centre of what is on screen. */
  async addImage(image: UploadedImage): Promise<string> {
    await Promise.all([this.assets.load(image.src), loadObjectClasses('image')]);
    return this.place(imageObject(image, this.templateView(), this.viewport), ToolId.Image);
  }

  select(layerId: string): void {
    this.setTool(ToolId.Select);
    this.setActiveLayer(layerId);
  }

  private editText(layerId: string): void {
    const fo = this.scene.fabricObject(layerId) as IText | undefined;
    if (!fo || !('enterEditing' in fo)) return;
    fo.enterEditing();
    fo.selectAll();
    this.canvas.requestRenderAll();
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
    // The exporter is a lazy chunk: the first paint never exports.
    return (await import('./export.ts')).exportView(this.viewDesign(id), painter, this.objectAssets, opts);
  }

  // ---- input ----------------------------------------------------------------

  /** Abandons the gesture in progress; nothing of it is recorded. */
  cancelGesture(): void {
    this.input?.cancel();
  }

  /** A finished move/scale/rotate or text edit becomes one undo step. */
  private objectModified(target: FabricObject | undefined): void {
    const id = this.scene.layerIdOf(target);
    const layer = id ? this.viewDesign().layers.find((l) => l.id === id) : undefined;
    if (!target || layer?.kind !== 'object') return;
    const next = readPlacement(layer.object, target);
    if (next.type === 'text' && next.text.trim() === '') return this.layerCommands.remove(layer.id);
    if (JSON.stringify(next) !== JSON.stringify(layer.object))
      this.commit(this.currentTool, [
        { op: 'set-object', view: this.viewId, layer: layer.id, before: layer.object, after: next },
      ]);
  }

  private selectionChanged(): void {
    const id = this.scene.layerIdOf(this.canvas.getActiveObject());
    if (id) this.activeLayers.set(this.viewId, id);
    this.emit('state');
  }

  private toolContext(): ToolContext {
    return createToolContext({
      canvas: this.canvas,
      scene: this.scene,
      painter: this.template!.painter(this.viewId)!,
      style: this.style,
      viewId: this.viewId,
      view: () => this.viewDesign(),
      activeLayer: this.activeLayer,
      newPaintLayerName: () => this.strings.layerName('paint', this.countLayers('paint') + 1),
      commit: (ops) => this.commit(this.currentTool, ops),
      place: (obj) => this.place(obj),
      notice: (n) => this.notice(n),
      setTool: (id) => this.setTool(id),
    });
  }

  notice(notice: ToolNotice | 'off-palette'): void {
    this.dispatchEvent(new CustomEvent('notice', { detail: notice }));
  }

  private emit(type: 'state'): void {
    this.dispatchEvent(new Event(type));
  }

  get disposed(): boolean {
    return this.life.signal.aborted;
  }

  dispose(): void {
    this.life.abort();
    this.input.dispose();
    void this.canvas.dispose();
  }
}
