import type { Point } from 'fabric/es';
import type { Gradient, Layer, PlacedObject, ShapeKind, ViewDesign } from '../../document/types.ts';
import type { TemplateManifest } from '../../template/types.ts';
import type { ViewAreas } from '../areas.ts';
import type { Op } from '../history/ops.ts';
import type { Scene } from '../render/scene.ts';
import type { StudioCanvas } from '../render/studio-canvas.ts';
import type { ViewPainter } from '../render/view-painter.ts';
import type { MirrorAxis } from '../symmetry/mirror.ts';

/** Stable tool ids, used by the UI, the command registry and the metrics (docs/design.md). */
export const ToolId = {
  Pencil: 'pencil',
  Spray: 'spray',
  Marker: 'marker',
  Eraser: 'eraser',
  Fill: 'fill',
  Text: 'text',
  Shape: 'shape',
  Image: 'image',
  Sticker: 'sticker',
  Select: 'select',
  Eyedropper: 'eyedropper',
} as const;
export type ToolId = (typeof ToolId)[keyof typeof ToolId];

/** What the customer has picked in the style panel; tools read it at gesture start. */
export interface BrushStyle {
  color: string;
  /** Brush width / spray radius in design units. */
  size: number;
  markerOpacity: number;
  sprayDensity: number;
  /** Spray: paint runs down where the nozzle is held still. */
  sprayDrips: boolean;
  /** Strokes are painted also mirrored across the view's axis (docs/craft/symmetry.md). */
  mirror: boolean;
  font: string;
  fontSize: number;
  shape: ShapeKind;
  /** Shapes: filled with the colour, or outlined with it. */
  shapeFilled: boolean;
  sticker: string | undefined;
  /** The fill tool: over the paint, a base coat under it, or a bucket that floods the region tapped. */
  fillMode: FillMode;
  /** The bucket's colour tolerance, 0..100 %. */
  fillTolerance: number;
  /** Fills and filled shapes: a gradient instead of the plain colour. */
  gradient?: Gradient;
}

export const FillMode = { Cover: 'cover', Under: 'under', Bucket: 'bucket' } as const;
export type FillMode = (typeof FillMode)[keyof typeof FillMode];

/** The brush a new editor starts with (a template's palette and fonts adjust it). */
export const DEFAULT_STYLE: Readonly<BrushStyle> = {
  color: '#e4002b',
  size: 8,
  markerOpacity: 0.5,
  sprayDensity: 24,
  sprayDrips: false,
  mirror: false,
  font: 'sans-serif',
  fontSize: 64,
  shape: 'rect',
  shapeFilled: true,
  sticker: undefined,
  fillMode: 'cover',
  fillTolerance: 15,
};

/** Notices a tool can raise; the UI translates them. */
export type ToolNotice =
  | 'layer-locked'
  | 'outside-area'
  | 'no-paint-layer'
  | 'choose-sticker'
  | 'line-started'
  | 'flood-failed'
  | 'picked'
  | 'picked-snapped'
  | 'picked-nothing'
  /** A new text or shape came out in another colour than the brush's, which would not have shown on its place. */
  | 'contrast'
  | 'spray-unavailable';

/** What the editor lends a tool for one gesture. */
export interface ToolContext {
  readonly canvas: StudioCanvas;
  readonly scene: Scene;
  readonly areas: ViewAreas;
  readonly style: BrushStyle;
  readonly viewId: string;
  /** The view's painter (product art, areas) and the template: what the eyedropper may pick from. */
  readonly painter: ViewPainter;
  readonly manifest: TemplateManifest;
  /** The axis strokes are also painted across, while the mirror is on. */
  readonly mirror: MirrorAxis | undefined;
  view(): ViewDesign;
  /** The paint layer a free-hand gesture goes to, with the ops that create it when none fits. */
  paintTarget(): { layer: string; ops: Op[] } | undefined;
  /** Unlocked, visible paint layers the eraser may erase from. */
  erasableLayers(): Layer[];
  /** Records one gesture as one undo step. */
  commit(ops: Op[]): void;
  /** Adds a placed object as a new layer above the active one, selects it, returns its layer id. */
  place(object: PlacedObject): string;
  notice(notice: ToolNotice): void;
  setTool(id: ToolId): void;
  /** Changes the brush as the style panel does (the eyedropper's picked colour). */
  setStyle(patch: Partial<BrushStyle>): void;
  /** The top context, transformed to design units and clipped to the design areas. */
  drawTop(paint: (ctx: CanvasRenderingContext2D) => void): void;
  clearTop(): void;
}

/** A tool is a tiny state machine driven by pointer events in design units. */
export interface Tool {
  readonly id: ToolId;
  /** fabric's object picking and transform handles are on while this tool is active. */
  readonly picksObjects?: boolean;
  readonly cursor: string;
  activate?(ctx: ToolContext): void;
  deactivate?(ctx: ToolContext): void;
  down?(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void;
  move?(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void;
  up?(ctx: ToolContext, p: Point, e: PointerEvent | MouseEvent): void;
  /** Abandons the gesture in progress (a second finger landed, Escape, a view switch). */
  cancel?(ctx: ToolContext): void;
  /**
   * Keyboard: acts once at the keyboard cursor (design units): places an
   * object, fills an area, or sets one end of a straight stroke.
   */
  act?(ctx: ToolContext, p: { x: number; y: number }): KeyAct;
}

/** What a keyboard act did: `anchored` means a straight stroke waits for its other end. */
export type KeyAct = 'done' | 'anchored' | 'nothing';

/** Names for new layers and default text, from the element's translation table. */
export interface EditorStrings {
  layerName(kind: 'paint' | PlacedObject['type'], n: number): string;
  copyName(name: string): string;
  defaultText(): string;
}

/** The template's stickers: their size, and their images (which load after start-up). */
export interface StickerSource {
  size(id: string): { width: number; height: number } | undefined;
  /** Whether the sticker's image is decoded; `ready` resolves once it is. */
  loaded(id: string): boolean;
  ready(id: string): Promise<void>;
}

/** What a tool may need from the editor when it is made. */
export interface ToolDeps {
  strings: EditorStrings;
  stickers: StickerSource;
  editText(layerId: string): void;
}

/** What the style panel offers while a tool is active. */
export type ToolOption =
  | 'color'
  | 'size'
  | 'opacity'
  | 'density'
  | 'font'
  | 'shape'
  | 'sticker'
  | 'fill'
  | 'gradient'
  /** Spray: the drips toggle (command `spray.drips`). */
  | 'drips'
  /** Stroke tools: the mirror toggle (command `mirror`). */
  | 'mirror';

/**
 * A tool as the rest of the studio sees it: its folder exports one of these,
 * and tools/registry.ts lists them. The toolbar, the keys, the style panel
 * and the metrics all read it.
 */
export interface ToolDefinition {
  readonly id: ToolId;
  /** Single-key shortcut (no modifiers). */
  readonly key: string;
  /** SVG path data of its 24×24 toolbar icon. */
  readonly icon: string;
  readonly options: readonly ToolOption[];
  create(deps: ToolDeps): Tool;
}
