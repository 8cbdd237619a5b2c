/**
 * `/d/:id/card.png`: the share page's social card, 1200 × 630 (the size
 * Open Graph and X's large card crop least), made on the server: the
 * template's product art with the design's stored preview drawn over it,
 * and the creator's credit. Made once per design and kept in memory (a
 * design never changes after it is sent); the design's status is checked at
 * every request, so a card stops with its design's approval. @napi-rs/canvas
 * is an optional dependency: without it (`loadSkia()` answers undefined)
 * share pages name the preview PNG as their image, as before cards.
 */
import type { Image } from '@napi-rs/canvas';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DesignStatus } from '../../src/protocol/submission.ts';
import type { Store, StoredDesign } from '../store/store.ts';

export const CARD = { width: 1200, height: 630 } as const;

type Skia = typeof import('@napi-rs/canvas');

/** The Skia bindings, or undefined where the optional package is not installed. */
export async function loadSkia(): Promise<Skia | undefined> {
  try {
    return await import('@napi-rs/canvas');
  } catch {
    return undefined;
  }
}
const MARGIN = 48;
const FOOTER = 84;
const KEPT = 200;

export interface CardOptions {
  store: Store;
  skia: Skia;
  /** Where the templates are (`templates/<id>.json` and their art); without it, cards show the preview alone. */
  templatesDir?: string;
  siteName: string;
}

/** The template view's product art (its base image), or undefined when the template or its art is not at hand. */
async function productArt(
  skia: Skia,
  templatesDir: string | undefined,
  templateId: string,
  viewId: string,
): Promise<Image | undefined> {
  if (!templatesDir || !/^[A-Za-z0-9_-]{1,64}$/.test(templateId)) return undefined;
  try {
    const manifest = JSON.parse(await readFile(join(templatesDir, `${templateId}.json`), 'utf8')) as {
      views?: Array<{ id: string; base?: string }>;
    };
    const base = manifest.views?.find((v) => v.id === viewId)?.base;
    if (typeof base !== 'string') return undefined;
    // The manifest is ours, but a path in it still may not leave the templates folder.
    const file = resolve(templatesDir, base);
    if (!file.startsWith(resolve(templatesDir) + sep)) return undefined;
    return await skia.loadImage(await readFile(file));
  } catch {
    return undefined;
  }
}

/** The largest rectangle of `w` × `h`'s proportions inside the box, centred. */
function fit(w: number, h: number, box: { x: number; y: number; width: number; height: number }) {
  const scale = Math.min(box.width / w, box.height / h);
  const width = w * scale;
  const height = h * scale;
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height };
}

export async function renderCard(design: StoredDesign, png: Buffer, opts: CardOptions): Promise<Buffer> {
  const canvas = opts.skia.createCanvas(CARD.width, CARD.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f6f7f9';
  ctx.fillRect(0, 0, CARD.width, CARD.height);
  const preview = await opts.skia.loadImage(png);
  const box = { x: MARGIN, y: MARGIN, width: CARD.width - 2 * MARGIN, height: CARD.height - MARGIN - FOOTER };
  const at = fit(preview.width, preview.height, box);
  // The product behind the design: a preview with transparent parts (the demo's samples) still shows the product.
  const art = await productArt(opts.skia, opts.templatesDir, design.template.id, design.previews[0].view);
  if (art) ctx.drawImage(art, at.x, at.y, at.width, at.height);
  ctx.drawImage(preview, at.x, at.y, at.width, at.height);

  ctx.fillStyle = '#1b1d21';
  ctx.font = '600 34px "DejaVu Sans", "Liberation Sans", sans-serif';
  ctx.textBaseline = 'middle';
  // One card serves every language: it names the creator and the site, and says nothing else in words.
  ctx.fillText(design.author, MARGIN, CARD.height - FOOTER / 2, CARD.width * 0.6);
  ctx.fillStyle = '#5b606b';
  ctx.font = '28px "DejaVu Sans", "Liberation Sans", sans-serif';
  ctx.textAlign = 'right';
  ctx.fillText(opts.siteName, CARD.width - MARGIN, CARD.height - FOOTER / 2, CARD.width * 0.35);
  return canvas.encode('png');
}

export function cardRoutes(app: FastifyInstance, opts: CardOptions): void {
  const made = new Map<string, Promise<Buffer>>();
  app.get<{ Params: { id: string } }>('/d/:id/card.png', async (request, reply) => {
    const id = request.params.id;
    const design = /^[A-Za-z0-9_-]{1,64}$/.test(id) ? await opts.store.getDesign(id) : undefined;
    const view = design?.previews[0]?.view;
    const preview = design && view ? await opts.store.getPreview(id, view) : undefined;
    if (!design || design.status !== DesignStatus.Approved || !preview) {
      return reply.code(404).header('Cache-Control', 'no-store').send({ code: 'not-found', message: 'no such card' });
    }
    let card = made.get(id);
    if (!card) {
      card = renderCard(design, preview.png, opts);
      made.set(id, card);
      card.catch(() => made.delete(id));
      // Oldest first out: a Map iterates in insertion order.
      if (made.size > KEPT) made.delete(made.keys().next().value!);
    }
    return reply
      .header('Content-Type', 'image/png')
      .header('Cache-Control', 'public, max-age=3600')
      .header('Content-Security-Policy', "default-src 'none'; sandbox")
      .send(await card);
  });
}
