import type { FabricObject } from 'fabric/es';
import { plain } from '../commands/keys.ts';
import { CommandGroup, type Command, type CommandContext } from '../commands/types.ts';
import { arrowDelta, isArrow } from './arrows.ts';
import { CANVAS_KEYS } from './shortcuts.ts';

/** Design units per arrow press; Shift moves ten times as far. */
export const NUDGE = 2;
export const NUDGE_LARGE = 20;
/** Scale factor per press of `[`/`]`, and with Shift. */
export const SCALE_STEP = 1.05;
export const SCALE_STEP_LARGE = 1.25;
/** Degrees per press of `,`/`.`, and with Shift. */
export const ROTATE_STEP = 5;
export const ROTATE_STEP_LARGE = 45;
const MIN_SCALE = 0.05;
const MAX_SCALE = 20;

const selected = ({ editor }: CommandContext) => !!editor.selectedLayer() && !!editor.canvas.getActiveObject();

/** With an object selected: move, scale, rotate; each press is one undo step. */
export const OBJECT_KEYS: readonly Command[] = [
  {
    id: 'move-object',
    group: CommandGroup.Object,
    keys: CANVAS_KEYS['move-object'],
    keyTest: (e) => plain(e) && isArrow(e),
    predicate: selected,
    perform: ({ editor }, { event: e }) => {
      if (!e) return false;
      // fabric's locks hold for keys too (a text on a template path stays on its line).
      if (editor.canvas.getActiveObject()?.lockMovementX) return false;
      const { dx, dy } = arrowDelta(e, e.shiftKey ? NUDGE_LARGE : NUDGE);
      return transform(editor, (fo) => fo.set({ left: (fo.left ?? 0) + dx, top: (fo.top ?? 0) + dy }));
    },
  },
  {
    id: 'scale-object',
    group: CommandGroup.Object,
    keys: CANVAS_KEYS['scale-object'],
    keyTest: (e) => plain(e) && ['[', ']', '{', '}'].includes(e.key),
    predicate: selected,
    perform: ({ editor }, { event: e }) => {
      if (!e || editor.canvas.getActiveObject()?.lockScalingX) return false;
      const step = e.shiftKey ? SCALE_STEP_LARGE : SCALE_STEP;
      const f = e.key === ']' || e.key === '}' ? step : 1 / step;
      return transform(editor, (fo) => {
        const sx = clampScale(fo.scaleX * f);
        const sy = clampScale(fo.scaleY * f);
        fo.set({ scaleX: sx, scaleY: sy });
      });
    },
  },
  {
    id: 'rotate-object',
    group: CommandGroup.Object,
    keys: CANVAS_KEYS['rotate-object'],
    keyTest: (e) => plain(e) && [',', '.', '<', '>'].includes(e.key),
    predicate: selected,
    perform: ({ editor }, { event: e }) => {
      if (!e || editor.canvas.getActiveObject()?.lockRotation) return false;
      const step = e.shiftKey ? ROTATE_STEP_LARGE : ROTATE_STEP;
      const d = e.key === '.' || e.key === '>' ? step : -step;
      return transform(editor, (fo) => fo.rotate(((((fo.angle ?? 0) + d) % 360) + 360) % 360));
    },
  },
];

/** Changes the selected object and records it as one step, as a finished drag would. */
function transform(editor: CommandContext['editor'], change: (fo: FabricObject) => void): boolean {
  const fo = editor.canvas.getActiveObject();
  const layer = editor.selectedLayer();
  if (!fo || !layer) return false;
  change(fo);
  fo.setCoords();
  editor.canvas.fire('object:modified', { target: fo });
  // A shape is rebuilt when it changes: select the new one, so the next press acts on it too.
  if (editor.canvas.getActiveObject() !== fo) editor.setActiveLayer(layer.id);
  editor.canvas.requestRenderAll();
  return true;
}

function clampScale(s: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, s));
}
