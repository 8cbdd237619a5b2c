import { ToolId, type Tool } from '../types.ts';

/**
 * Picks, moves, scales and rotates placed objects. fabric does the
 * interaction; the editor records each finished transform as one undo step
 * (`object:modified`), and Delete/duplicate act on the selection.
 */
export class SelectTool implements Tool {
  readonly id = ToolId.Select;
  readonly picksObjects = true;
  readonly cursor = 'default';
}
