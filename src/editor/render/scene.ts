import type { FabricObject } from 'fabric/es';
import type { Layer, ObjectLayer, PaintLayer, ViewDesign } from '../../document/types.ts';
import { createFabricObject, updateFabricObject, type ObjectAssets } from './objects.ts';
import { RasterLayer, type RasterContext } from './raster-layer.ts';
import { marksFingerprint, type RasterSeed } from './raster-seed.ts';
import type { StudioCanvas } from './studio-canvas.ts';

/**
 * Keeps the fabric canvas showing one view of the design document: one
 * RasterLayer per paint layer, one fabric object per object layer, in layer
 * order. The document is the truth; fabric only shows it and takes input.
 */
export class Scene {
  private readonly rasters = new Map<string, RasterLayer>();
  private readonly objects = new Map<string, { fo: FabricObject; data: ObjectLayer['object'] }>();
  private readonly layerOf = new WeakMap<FabricObject, string>();
  /** Whether objects may be picked (the select tool is active). */
  interactive = false;

  private area: RasterContext | undefined;
  /** Kept bitmaps of a reopened draft, by layer id; each is used (or dropped) when its layer is first shown. */
  private seeds = new Map<string, RasterSeed>();

  constructor(
    private readonly canvas: StudioCanvas,
    private readonly assets: ObjectAssets,
    /** Where IText puts its hidden textarea: inside the studio, so typing stays in its shadow root. */
    private readonly textContainer: HTMLElement,
  ) {}

  /** Switches to another view's geometry; cached rasters of other views are kept. */
  setArea(area: RasterContext): void {
    this.area = area;
  }

  /** Rebuilds the canvas's object list for a view, reusing what is unchanged. */
  show(view: ViewDesign): void {
    const wanted: FabricObject[] = [];
    for (const layer of view.layers) {
      const fo = this.objectFor(layer);
      this.applyLayerState(fo, layer);
      wanted.push(fo);
    }
    const active = this.canvas.getActiveObject();
    // A shape restyled while selected (a new gradient) is built anew: the new one stays selected.
    const rebuilt = active && !wanted.includes(active) ? this.fabricObject(this.layerIdOf(active) ?? '') : undefined;
    if (active && !wanted.includes(active)) this.canvas.discardActiveObject();
    const current = this.canvas.getObjects();
    if (current.length !== wanted.length || current.some((o, i) => o !== wanted[i])) {
      this.canvas.remove(...current);
      this.canvas.add(...wanted);
    }
    if (rebuilt && this.interactive && wanted.includes(rebuilt)) this.canvas.setActiveObject(rebuilt);
    this.canvas.requestRenderAll();
  }

  /** Bakes newly pushed marks, or rebakes after marks were popped. */
  syncPaint(view: ViewDesign, layerId: string): void {
    const layer = view.layers.find((l) => l.id === layerId);
    if (layer?.kind !== 'paint') return;
    this.rasterFor(layer.id).sync(layer);
    this.canvas.requestRenderAll();
  }

  raster(layerId: string): RasterLayer | undefined {
    return this.rasters.get(layerId);
  }

  layerIdOf(fo: FabricObject | undefined): string | undefined {
    return fo ? this.layerOf.get(fo) : undefined;
  }

  fabricObject(layerId: string): FabricObject | undefined {
    return this.objects.get(layerId)?.fo;
  }

  /** Forgets every cached object and raster (a new design or template). */
  reset(): void {
    this.canvas.discardActiveObject();
    this.canvas.remove(...this.canvas.getObjects());
    this.rasters.clear();
    this.objects.clear();
    this.seeds.clear();
  }

  /** Bitmaps kept with the design just opened (after `reset`). */
  seed(seeds: readonly RasterSeed[]): void {
    this.seeds = new Map(seeds.map((s) => [s.layer, s]));
  }

  /** Every paint layer's raster made so far (views shown), by layer id. */
  rasterLayers(): Map<string, RasterLayer> {
    return new Map(this.rasters);
  }

  private objectFor(layer: Layer): FabricObject {
    if (layer.kind === 'paint') {
      const raster = this.rasterFor(layer.id);
      this.applySeed(raster, layer);
      raster.sync(layer);
      return raster;
    }
    const cached = this.objects.get(layer.id);
    if (cached && (cached.data === layer.object || updateFabricObject(cached.fo, layer.object, this.assets))) {
      cached.data = layer.object;
      return cached.fo;
    }
    const fo = createFabricObject(layer.object, this.assets);
    if ('hiddenTextareaContainer' in fo) fo.hiddenTextareaContainer = this.textContainer;
    this.layerOf.set(fo, layer.id);
    this.objects.set(layer.id, { fo, data: layer.object });
    return fo;
  }

  private rasterFor(layerId: string): RasterLayer {
    let raster = this.rasters.get(layerId);
    if (!raster) {
      if (!this.area) throw new Error('Scene has no view yet');
      raster = new RasterLayer(this.area);
      this.layerOf.set(raster, layerId);
      this.rasters.set(layerId, raster);
    }
    return raster;
  }

  private applySeed(raster: RasterLayer, layer: PaintLayer): void {
    const seed = this.seeds.get(layer.id);
    if (!seed) return;
    this.seeds.delete(layer.id);
    const fits = seed.bitmap.width === raster.raster.width && seed.bitmap.height === raster.raster.height;
    if (
      fits &&
      raster.baked === 0 &&
      seed.baked <= layer.marks.length &&
      marksFingerprint(layer.marks, seed.baked) === seed.fingerprint
    ) {
      raster.seed(seed.bitmap, seed.baked);
    }
    seed.bitmap.close();
  }

  private applyLayerState(fo: FabricObject, layer: Layer): void {
    const pickable = this.interactive && layer.kind === 'object' && layer.visible && !layer.locked;
    fo.set({ visible: layer.visible, selectable: pickable, evented: pickable });
    if (fo === this.canvas.getActiveObject() && !pickable) this.canvas.discardActiveObject();
  }
}
