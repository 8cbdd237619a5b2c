import type { FabricObject, IText } from 'fabric/es';
import type { Layer, PlacedObject } from '../document/types.ts';
import { CommandRegistry, CORE_COMMANDS } from './commands/index.ts';
import { EditorCore } from './editor-core.ts';
import { InputRouter } from './input.ts';
import { LayerCommands } from './layer-commands.ts';
import { indexOfLayer, insertAbove, objectLayer } from './layers.ts';
import { contrastCheck, loadObjectClasses, readPlacement, restyled } from './render/objects.ts';
import { mirrorAxisOf } from './symmetry/mirror.ts';
import type { CurveHost } from './text-curves.ts';
import { createToolContext } from './tool-context.ts';
import type { Snapper } from './snap/snapper.ts';
import { createTools } from './tools/create.ts';
import { imageObject, type UploadedImage } from './tools/image/image.ts';
import { toolDefinition } from './tools/registry.ts';
import {
  ToolId,
  type BrushStyle,
  type EditorStrings,
  type Tool,
  type ToolContext,
  type ToolOption,
} from './tools/types.ts';

export type { TemplateSource } from './open-template.ts';
export type { EditorStrings } from './tools/types.ts';
export type { EditorChange, ShownDesign } from './shown.ts';

/**
 * The editor core: a design document, its history, and a fabric canvas that
 * shows one view of it. No lit, no UI: the element wires it to the page and
 * listens for `change` (user edits), `state` (redraw the chrome) and `notice`.
 * The model half (template, design, history, views, export) is EditorCore.
 */
export class StudioEditor extends EditorCore {
  private readonly tools: Map<ToolId, Tool>;
  private currentTool: ToolId = ToolId.Pencil;
  /** Pointer gestures, keys (through the command registry) and the lazy canvas keyboard. */
  readonly input: InputRouter;

  /** Every command of this editor: the toolbar, header, panels, keys and metrics read it. */
  readonly commands = new CommandRegistry((event) => ({
    editor: this,
    cursor: this.input.keyboard?.cursor,
    onCanvas: !!event && !!this.input.keyboard?.cursor.owns(event.composedPath()[0]),
  }));

  /** Reorder, show/hide, lock, rename, delete, duplicate: the layers panel's commands. */
  readonly layerCommands = new LayerCommands(this);

  /** Guides and snapping for the select tool (src/editor/snap/), once its chunk has loaded. */
  snapper: Snapper | undefined;
  private snapperLoad: Promise<void> | undefined;
  private snapOn = true;

  /** What the selected text's curve options act on (src/editor/text-curves.ts, loaded with those options). */
  readonly curveHost: CurveHost = {
    view: () => this.viewId,
    assets: this.objectAssets,
    selectedLayer: () => this.selectedLayer(),
    fabricObject: (id) => this.scene.fabricObject(id),
    paths: () => this.manifest?.views.find((v) => v.id === this.viewId)?.paths ?? [],
    commit: (source, ops) => this.commit(source, ops),
    render: () => this.canvas.requestRenderAll(),
  };

  constructor(
    stage: HTMLElement,
    readonly strings: EditorStrings,
  ) {
    super(stage);
    const editor = this;
    this.tools = createTools({
      strings,
      stickers: {
        size: (id) => this.template?.sticker(id),
        loaded: (id) => this.template?.stickerLoaded(id) ?? true,
        ready: async (id) => this.template?.stickerReady(id),
      },
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
        gestureStarted: () => this.clock.startGesture(),
      },
      stage,
    );
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
    if (next.picksObjects) this.loadSnapper();
    if (this.doc) this.scene.show(this.viewDesign());
    next.activate?.(this.toolContext());
    // The text tool fetches its font now, so that the text it places is drawn in it at once. (Not the select
    // tool, which offers fonts too: it comes after every placed shape or sticker, and they need no font.)
    if (id === ToolId.Text) this.loadFonts([{ font: this.style.font, bold: false, italic: false }]);
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
    if (patch.font) this.loadFonts([{ font: patch.font, bold: false, italic: false }]);
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

  // ---- snapping --------------------------------------------------------------

  /** Whether moved, scaled and rotated objects snap (Ctrl or Cmd held turns it off for one gesture). */
  get snapping(): boolean {
    return this.snapOn;
  }

  setSnapping(on: boolean): void {
    this.snapOn = on;
    this.emit('state');
  }

  private loadSnapper(): void {
    this.snapperLoad ??= import('./snap/snapper.ts').then(
      ({ Snapper }) => {
        if (this.disposed) return;
        this.snapper = new Snapper({
          canvas: this.canvas,
          enabled: () => this.snapOn,
          areas: () => this.template?.painter(this.viewId)?.areas,
          others: (target) =>
            this.layers.flatMap((l) => {
              const fo = l.kind === 'object' && l.visible ? this.scene.fabricObject(l.id) : undefined;
              return fo && fo !== target ? [fo] : [];
            }),
        });
      },
      () => void (this.snapperLoad = undefined),
    );
  }

  /** Replaces the selected object with a changed copy (its options in the panel), as one undo step. */
  updateSelected(next: PlacedObject): void {
    const layer = this.selectedLayer();
    if (layer?.kind !== 'object' || JSON.stringify(next) === JSON.stringify(layer.object)) return;
    this.commit('style', [{ op: 'set-object', view: this.viewId, layer: layer.id, before: layer.object, after: next }]);
    // A shape is rebuilt with its new paint: it stays the selection.
    this.setActiveLayer(layer.id);
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
    const c = contrastCheck();
    const shown = c?.visibleOn(object, () => c.colourUnder(this.canvas, object.x, object.y), this.manifest?.palette);
    if (shown?.colour) {
      // The brush takes the colour too, so the panel shows what was used.
      this.style = { ...this.style, color: shown.colour };
      this.notice('contrast');
    }
    object = shown?.object ?? object;
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

  // ---- input ----------------------------------------------------------------

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
    const view = this.template?.painter(this.viewId)?.view;
    return createToolContext({
      canvas: this.canvas,
      scene: this.scene,
      painter: this.template!.painter(this.viewId)!,
      manifest: this.template!.manifest,
      style: this.style,
      viewId: this.viewId,
      mirror: this.style.mirror && view ? mirrorAxisOf(view) : undefined,
      view: () => this.viewDesign(),
      activeLayer: this.activeLayer,
      newPaintLayerName: () => this.strings.layerName('paint', this.countLayers('paint') + 1),
      commit: (ops) => this.commit(this.currentTool, ops),
      place: (obj) => this.place(obj),
      notice: (n) => this.notice(n),
      setTool: (id) => this.setTool(id),
      setStyle: (patch) => this.setStyle(patch),
    });
  }

  dispose(): void {
    this.life.abort();
    this.snapper?.dispose();
    this.input.dispose();
    void this.canvas.dispose();
  }
}
