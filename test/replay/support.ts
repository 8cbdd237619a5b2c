import '../../src/replay/index.ts';
import type { CoDesignReplay } from '../../src/replay/co-design-replay.component.ts';
import type { DesignDocument } from '../../src/document/types.ts';
import { nextEvent } from '../support/wait.ts';

/** Mounts `<co-design-replay>` with a design and waits for it to be ready. */
export async function mountReplay(
  design: DesignDocument | string | undefined,
  opts: { src?: string; template?: string; width?: number; speed?: number } = {},
): Promise<CoDesignReplay> {
  const el = document.createElement('co-design-replay');
  el.style.width = `${opts.width ?? 640}px`;
  el.setAttribute('template', opts.template ?? '/templates/roadster.json');
  if (opts.src) el.setAttribute('src', opts.src);
  if (opts.speed) el.setAttribute('speed', String(opts.speed));
  if (design !== undefined) el.design = design;
  const ready = nextEvent(el, 'co-design-replay-ready', 20_000);
  document.body.append(el);
  await ready;
  await el.updateComplete;
  return el;
}

/** The replay at `ms`, painted at `width` pixels wide (the export's size for that width). */
export function frame(el: CoDesignReplay, ms: number, width: number, height: number): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  el.frameAt(ms, ctx);
  return ctx.getImageData(0, 0, width, height);
}

/** Pixels that differ from `base`: how much of the design a frame shows. */
export function differing(a: ImageData, base: ImageData): number {
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      a.data[i] !== base.data[i] ||
      a.data[i + 1] !== base.data[i + 1] ||
      a.data[i + 2] !== base.data[i + 2] ||
      a.data[i + 3] !== base.data[i + 3]
    )
      n++;
  }
  return n;
}
