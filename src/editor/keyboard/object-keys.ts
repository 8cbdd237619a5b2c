import type { FabricObject } from 'fabric/es';
import type { StudioEditor } from '../editor.ts';
import { arrowDelta, isArrow, type KeyCommand } from './commands.ts';
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

const selected = ({ editor }: { editor: StudioEditor }) => !!editor.selectedLayer() && !!editor.canvas.getActiveObject();

/** With an object selected: move, scale, rotate, delete; each press is one undo step. */
export const OBJECT_KEYS: readonly KeyCommand[] = [
  {
    name: 'move-object',
    keys: CANVAS_KEYS['move-object'],
    keyTest: isArrow,
    predicate: selected,
    perform: ({ editor }, e) => {
      const { dx, dy } = arrowDelta(e, e.shiftKey ? NUDGE_LARGE : NUDGE);
      return transform(editor, (fo) => fo.set({ left: (fo.left ?? 0) + dx, top: (fo.top ?? 0) + dy }));
    },
  },
  {
    name: 'scale-object',
    keys: CANVAS_KEYS['scale-object'],
    keyTest: (e) => ['[', ']', '{', '}'].includes(e.key),
    predicate: selected,
    perform: ({ editor }, e) => {
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
    name: 'rotate-object',
    keys: CANVAS_KEYS['rotate-object'],
    keyTest: (e) => [',', '.', '<', '>'].includes(e.key),
    predicate: selected,
    perform: ({ editor }, e) => {
      const step = e.shiftKey ? ROTATE_STEP_LARGE : ROTATE_STEP;
      const d = e.key === '.' || e.key === '>' ? step : -step;
      return transform(editor, (fo) => fo.rotate((((fo.angle ?? 0) + d) % 360 + 360) % 360));
    },
  },
  {
    name: 'delete-object',
    keys: CANVAS_KEYS['delete-object'],
    keyTest: (e) => e.key === 'Delete' || e.key === 'Backspace',
    perform: ({ editor }) => editor.deleteSelection(),
  },
];

/** Changes the selected object and records it as one step, as a finished drag would. */
function transform(editor: StudioEditor, change: (fo: FabricObject) => void): boolean {
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
