import { GlobalFonts, Image } from '@napi-rs/canvas';
import type { ImageObject, Layer, PlacedObject, TextObject } from '../document/types.ts';
import type { ObjectAssets } from '../editor/render/objects.ts';
import { ErrorCode, StudioError } from '../errors.ts';
import { nearestWeight } from '../editor/fonts/template-fonts.ts';
import { fontKey } from '../template/font-names.ts';
import type { TemplateFont, TemplateManifest } from '../template/types.ts';
import { skiaCanvas } from './skia.ts';
import { parseVectorSvg, type VectorSvg } from './svg-vector.ts';

/** Reads a file of the template by its path as the manifest writes it (fonts' woff2, locked art, stickers). */
export type ReadAsset = (path: string) => Promise<Uint8Array>;

/** A decoded picture: a bitmap at its own pixels, or an SVG that is drawn at whatever size it is asked for. */
export interface Picture {
  image: Image;
  svg: boolean;
  /** An SVG of the plain subset svg-vector.ts draws as paths; undefined: drawn as an image. */
  vector?: VectorSvg;
}

// Registered fonts by their files' hash: GlobalFonts is process-wide and keeps what it is given, so a font that
// every job embeds is registered once, not once per job.
const registered = new Map<string, string>();

/**
 * What the print renderer draws from besides the design: the template's fonts registered with Skia (which embeds
 * and subsets what text uses), the stickers' and locked elements' art, and the design's own images.
 */
export class PrintAssets {
  /** Per template font: each weight and style ("700 normal") as a CSS family list over its unicode ranges. */
  private readonly fonts = new Map<string, Map<string, string[]>>();
  private readonly pictures = new Map<string, Picture>();

  private constructor(
    private readonly manifest: TemplateManifest,
    private readonly readAsset: ReadAsset | undefined,
  ) {}

  /**
   * Loads the fonts and pictures of the layers a job draws — only those: a view the job does not print is neither
   * measured by the pre-flight nor decoded here.
   */
  static async load(layers: readonly Layer[], manifest: TemplateManifest, readAsset?: ReadAsset): Promise<PrintAssets> {
    const assets = new PrintAssets(manifest, readAsset);
    const objects = layers.flatMap((l) => (l.kind === 'object' && l.visible ? [l.object] : []));
    const fonts = new Set<TemplateFont>();
    for (const o of objects) {
      if (o.type !== 'text') continue;
      const font = assets.templateFont(o.font);
      if (font) fonts.add(font);
    }
    for (const font of fonts) await assets.loadFont(font);
    for (const o of objects) {
      if (o.type === 'image') assets.pictures.set(o.src, decodeDataUrl(o));
      if (o.type === 'sticker') await assets.loadFile(assets.stickerSrc(o.sticker), `sticker "${o.sticker}"`);
    }
    return assets;
  }

  /** The locked element's art, or undefined when no `readAsset` was given (the report then says so). */
  async locked(src: string, what: string): Promise<Picture | undefined> {
    if (!this.readAsset) return undefined;
    return this.loadFile(src, what);
  }

  /** The picture of an image or sticker object, loaded by `load`. */
  picture(o: PlacedObject): Picture | undefined {
    if (o.type === 'image') return this.pictures.get(o.src);
    if (o.type === 'sticker') return this.pictures.get(this.stickerSrc(o.sticker));
    return undefined;
  }

  /** The family list Skia knows a text's template font by, for its weight and style (CSS font matching). */
  textFamily(o: TextObject): string | undefined {
    const font = this.templateFont(o.font);
    const faces = font && this.fonts.get(font.family);
    if (!faces) return undefined;
    const all = [...faces.keys()].map((k) => ({ weight: Number(k.split(' ')[0]), style: k.split(' ')[1] }));
    const styled = all.filter((f) => f.style === (o.italic ? 'italic' : 'normal'));
    const normal = all.filter((f) => f.style === 'normal');
    const pool = styled.length ? styled : normal.length ? normal : all;
    const weight = nearestWeight([...new Set(pool.map((f) => f.weight))], o.bold ? 700 : 400);
    return faces.get(`${weight} ${pool[0].style}`)!.join(', ');
  }

  /** What the studio's fabric objects ask for, as in the editor (render/objects.ts). */
  objectAssets(picture: (o: PlacedObject) => HTMLImageElement | undefined, view: string): ObjectAssets {
    const paths = this.manifest.views.find((v) => v.id === view)?.paths ?? [];
    return {
      image: picture,
      path: (id) => paths.find((p) => p.id === id)?.d,
      textFace: (o) => {
        const family = this.textFamily(o);
        return family ? { fontFamily: family, opacity: 1 } : undefined;
      },
    };
  }

  private templateFont(name: string): TemplateFont | undefined {
    const key = fontKey(name);
    return (this.manifest.fonts ?? []).find(
      (f) => (f.files?.length || f.src) && [f.family, ...(f.aliases ?? [])].some((n) => fontKey(n) === key),
    );
  }

  private stickerSrc(id: string): string {
    const sticker = this.manifest.stickers?.find((s) => s.id === id);
    // The design validator checks sticker ids against the template; this is for a template changed since.
    if (!sticker) throw new StudioError(ErrorCode.DesignInvalid, `sticker "${id}" is not in the template`);
    return sticker.src;
  }

  private async read(path: string, what: string): Promise<Uint8Array> {
    if (!this.readAsset)
      throw new StudioError(ErrorCode.ExportFailed, `${what} needs the template's files: pass readAsset (${path})`);
    try {
      return await this.readAsset(path);
    } catch (error) {
      throw new StudioError(ErrorCode.ExportFailed, `${what}: ${path} could not be read (${String(error)})`);
    }
  }

  private async loadFile(src: string, what: string): Promise<Picture> {
    let picture = this.pictures.get(src);
    if (!picture) {
      const bytes = await this.read(src, what);
      picture = decode(bytes, isSvg(bytes), `${what} (${src})`);
      this.pictures.set(src, picture);
    }
    return picture;
  }

  /**
   * Registers each file of the font with Skia, one family name per weight, style and unicode range (Skia, given
   * two weights under one name, drew the bold for both). A look's files by range are one CSS family list: Skia
   * takes each character from the first that has it, as the browser does with @font-face unicode ranges.
   */
  private async loadFont(font: TemplateFont): Promise<void> {
    const files = (font.files ?? [{ src: font.src! }]).map((f) => ({
      ...f,
      weight: f.weight ?? 400,
      style: f.style ?? 'normal',
      range: f.unicodeRange ?? '',
    }));
    const label = font.label ?? font.family;
    const ranges = [...new Set(files.map((f) => f.range))];
    const slug = fontKey(font.family).replace(/[^a-z0-9]+/g, '-');
    const faces = new Map<string, string[]>();
    for (const file of files) {
      const bytes = await this.read(file.src, `the font ${label}`).catch((error: StudioError) => {
        throw new StudioError(ErrorCode.FontUnavailable, error.message, { detail: label });
      });
      const family = `cds-print-${slug}-${file.weight}-${file.style}-${ranges.indexOf(file.range)}`;
      const key = `${family} ${await sha256(bytes)}`;
      if (!registered.has(key)) {
        if (!GlobalFonts.register(bytes as Parameters<typeof GlobalFonts.register>[0], family))
          throw new StudioError(ErrorCode.FontUnavailable, `the font ${label}: ${file.src} is not a font`, {
            detail: label,
          });
        registered.set(key, family);
      }
      const face = `${file.weight} ${file.style}`;
      faces.set(face, [...(faces.get(face) ?? []), `"${family}"`]);
    }
    this.fonts.set(font.family, faces);
  }
}

/** The hex SHA-256 of the bytes (Web Crypto: this module is typed without Node's own types). */
async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function isSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart();
  return head.startsWith('<svg') || head.startsWith('<?xml');
}

/** An image object's `data:` URL (PNG, JPEG or SVG, as the design validator allows) decoded. */
function decodeDataUrl(o: ImageObject): Picture {
  return decode(dataUrlBytes(o.src), o.src.startsWith('data:image/svg+xml'), `image "${o.name ?? 'image'}"`);
}

/** The bytes of a `data:` URL, base64 or percent-encoded. */
export function dataUrlBytes(src: string): Uint8Array {
  const comma = src.indexOf(',');
  const body = src.slice(comma + 1);
  return src.slice(0, comma).endsWith(';base64')
    ? Uint8Array.from(atob(body), (c) => c.charCodeAt(0))
    : new TextEncoder().encode(decodeURIComponent(body));
}

function decode(bytes: Uint8Array, svg: boolean, what: string): Picture {
  const image = new Image();
  image.src = bytes;
  if (!image.complete || !image.width || !image.height)
    throw new StudioError(ErrorCode.ExportFailed, `${what} could not be decoded`);
  return { image, svg, vector: svg ? parseVectorSvg(new TextDecoder().decode(bytes)) : undefined };
}

/** An SVG drawn into a bitmap of the given size (Skia's PDF canvas would rasterise it at 72 dpi). */
export function svgBitmap(picture: Picture, width: number, height: number): HTMLCanvasElement {
  const canvas = skiaCanvas(width, height);
  canvas.getContext('2d')!.drawImage(picture.image as unknown as HTMLImageElement, 0, 0, width, height);
  return canvas;
}
