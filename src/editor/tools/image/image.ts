import type { ImageObject } from '../../../document/types.ts';
import type { Viewport } from '../../viewport.ts';
import { ToolId, type Tool, type ToolDefinition } from '../types.ts';

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

export const imageTool: ToolDefinition = {
  id: 'image',
  key: 'i',
  icon: 'M3 5h18v14H3z M3 16l5-5 4 4 3-3 6 6 M15 9h.01',
  options: [],
  create: () => new ImageTool(),
};

/** A checked upload (src/security/upload.ts): a data URL and its size in pixels. */
export interface UploadedImage {
  src: string;
  width: number;
  height: number;
  name?: string;
}

/** An upload as a placed image at the centre of what is on screen, at most 40 % × 60 % of the view. */
export function imageObject(
  image: UploadedImage,
  view: { width: number; height: number },
  viewport: Viewport,
): ImageObject {
  const fit = Math.min(1, (view.width * 0.4) / image.width, (view.height * 0.6) / image.height);
  const { x, y } = viewport.visibleCenter(view);
  const width = Math.round(image.width * fit);
  const height = Math.round(image.height * fit);
  return { type: 'image', src: image.src, width, height, name: image.name, x, y, scaleX: 1, scaleY: 1, angle: 0 };
}
