import type { EditorStrings } from '../editor.ts';
import { loadObjectClasses } from '../render/objects.ts';
import { EraserTool } from './eraser/eraser.ts';
import { FillTool } from './fill/fill.ts';
import { ImageTool } from './image/image.ts';
import { MarkerTool } from './marker/marker.ts';
import { PencilTool } from './pencil/pencil.ts';
import { SelectTool } from './select/select.ts';
import { ShapeTool } from './shape/shape.ts';
import { SprayTool } from './spray/spray.ts';
import { StickerTool } from './sticker/sticker.ts';
import { TextTool } from './text/text.ts';
import type { Tool, ToolId } from './types.ts';

export interface ToolDeps {
  strings: EditorStrings;
  stickerSize(id: string): { width: number; height: number } | undefined;
  editText(layerId: string): void;
}

/** One instance of every tool in the registry. */
export function createTools(deps: ToolDeps): Map<ToolId, Tool> {
  const tools: Tool[] = [
    new SelectTool(),
    new PencilTool(),
    new MarkerTool(),
    new SprayTool(),
    new EraserTool(),
    new FillTool(),
    new TextTool(() => deps.strings.defaultText(), deps.editText),
    new ShapeTool(),
    new StickerTool({ size: deps.stickerSize }),
    new ImageTool(),
  ];
  preloadWhenIdle(() => Promise.all([loadObjectClasses('shape'), loadObjectClasses('image'), loadObjectClasses('text')]).then(() => undefined));
  return new Map(tools.map((t) => [t.id, t]));
}

// Start-up (template, first paint) goes first; the lazy tool code follows in
// idle time, so that choosing a tool later never waits on the network.
const IDLE_PRELOAD_DELAY = 2000;
let preloading = false;

/**
 * Once per page, whatever the number of studios: it fills the page's module
 * cache and touches no studio, so one taken off the page meanwhile is no concern.
 */
function preloadWhenIdle(load: () => Promise<void>): void {
  if (preloading) return;
  preloading = true;
  const run = () => void load().catch(() => (preloading = false));
  setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 5000 }) : run()), IDLE_PRELOAD_DELAY);
}
