import { ToolId, type Tool } from '../types.ts';

/**
 * The image tool has no canvas gesture: choosing it opens the file picker
 * (in the UI), and the checked upload is placed by `StudioEditor.addImage`.
 * It exists so the registry, the toolbar and the metrics know it.
 */
export class ImageTool implements Tool {
  readonly id = ToolId.Image;
  readonly picksObjects = true;
  readonly cursor = 'default';
}
