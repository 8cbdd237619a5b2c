import { setEnv } from 'fabric/es';
import { skiaCanvas } from './skia.ts';

let installed = false;

/**
 * Lets the studio's own fabric objects (its text with fabric's layout and text-on-a-path, its images) draw in Node:
 * fabric asks its environment for a document only to make scratch canvases (text measuring), so a document that
 * makes Skia canvases is all it needs. The objects then render on Skia's PDF canvas as they do on screen — the same
 * code, as the stroke renderers are shared through render/surface.ts.
 */
export function useFabricInNode(): void {
  if (installed) return;
  const document = {
    createElement(tag: string) {
      if (tag !== 'canvas') throw new Error(`fabric asked for a <${tag}> in the print renderer`);
      return Object.assign(skiaCanvas(1, 1), { style: {} });
    },
  };
  setEnv({
    document: document as unknown as Document,
    window: { devicePixelRatio: 1 } as unknown as Window & typeof globalThis,
    isTouchSupported: false,
    // Filters are never run here (no WebGL in Node); fabric only probes when one is applied.
    WebGLProbe: { queryWebGL() {}, isSupported: () => false } as never,
    dispose() {},
    copyPasteData: {},
  });
  installed = true;
}
