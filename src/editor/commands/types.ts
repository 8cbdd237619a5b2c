import type { Layer } from '../../document/types.ts';
import type { KeyboardCursor } from '../keyboard/cursor.ts';
import type { LayerCommands } from '../layer-commands.ts';
import type { StudioCanvas } from '../render/studio-canvas.ts';
import type { BrushStyle, ToolId } from '../tools/types.ts';
import type { Viewport } from '../viewport.ts';

/**
 * Where a command belongs. Keys are tried group by group in this order, so a
 * history shortcut wins over an object key, and an object key over a tool key.
 */
export const CommandGroup = {
  History: 'history',
  Edit: 'edit',
  Gesture: 'gesture',
  Object: 'object',
  Cursor: 'cursor',
  View: 'view',
  /** Toggles of the brush (spray drips, mirror): before Tool, so Shift+M is not the marker's M. */
  Brush: 'brush',
  Tool: 'tool',
  Layer: 'layer',
} as const;
export type CommandGroup = (typeof CommandGroup)[keyof typeof CommandGroup];

/** The part of the editor commands act on (StudioEditor has it all). */
export interface CommandEditor {
  readonly canvas: StudioCanvas;
  readonly viewport: Viewport;
  readonly layerCommands: LayerCommands;
  readonly layers: readonly Layer[];
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly input: { readonly gestureActive: boolean };
  readonly snapping: boolean;
  setSnapping(on: boolean): void;
  undo(): boolean;
  redo(): boolean;
  setTool(id: ToolId): void;
  readonly style: BrushStyle;
  setStyle(patch: Partial<BrushStyle>): void;
  setActiveLayer(id: string): void;
  selectedLayer(): Layer | undefined;
  deleteSelection(): boolean;
  cancelGesture(): void;
}

/** What a command sees when it runs: the editor, and the canvas keyboard once it has loaded. */
export interface CommandContext {
  readonly editor: CommandEditor;
  readonly cursor: KeyboardCursor | undefined;
  /** The key went to the canvas itself, not to a button or a field. */
  readonly onCanvas: boolean;
}

/** What the caller hands a command: the key that triggered it, or the layer a panel row names. */
export interface CommandArgs {
  readonly event?: KeyboardEvent;
  readonly layer?: string;
  readonly patch?: Partial<Pick<Layer, 'name' | 'visible' | 'locked'>>;
}

/**
 * One thing the customer can do, registered once (like excalidraw's
 * actions): the toolbar, the header, the panels, the keyboard and the
 * metrics all read the same entry.
 */
export interface Command {
  /** Stable id: `undo`, `zoom-in`, `tool.pencil`, `layer.delete` … */
  readonly id: string;
  readonly group: CommandGroup;
  /** Key of its name in the translation table. */
  readonly label?: string;
  /** SVG path data of its 24×24 icon (drawn by the UI with `currentColor`). */
  readonly icon?: string;
  /** Its keys, as `aria-keyshortcuts` spells them. */
  readonly keys?: string;
  /** The tool this command chooses, for the toolbar's pressed state. */
  readonly tool?: string;
  keyTest?(e: KeyboardEvent): boolean;
  /** When it applies; a key whose command does not apply goes on to the next. */
  predicate?(c: CommandContext, args: CommandArgs): boolean;
  /** A switch's state: its button shows `aria-pressed` (snapping, the mirror, drips). */
  pressed?(c: CommandContext): boolean;
  /** Whether its button is enabled (undo with nothing to undo is not). */
  enabled?(c: CommandContext, args: CommandArgs): boolean;
  /** Returns false when it did nothing after all, so a key can go on to the next command. */
  perform(c: CommandContext, args: CommandArgs): boolean | void;
}
