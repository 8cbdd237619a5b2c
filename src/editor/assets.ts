/**
 * Decoded images by URL (template art, stickers, uploaded data: URLs), so the
 * scene and the exporter can build objects synchronously once preloaded.
 */
export class AssetCache {
  private readonly images = new Map<string, HTMLImageElement>();
  private readonly pending = new Map<string, Promise<HTMLImageElement>>();

  get(url: string): HTMLImageElement | undefined {
    return this.images.get(url);
  }

  load(url: string): Promise<HTMLImageElement> {
    const ready = this.images.get(url);
    if (ready) return Promise.resolve(ready);
    let promise = this.pending.get(url);
    if (!promise) {
      promise = decodeImage(url).then(
        (img) => {
          this.images.set(url, img);
          this.pending.delete(url);
          return img;
        },
        (error: unknown) => {
          this.pending.delete(url);
          throw error;
        },
      );
      this.pending.set(url, promise);
    }
    return promise;
  }

  async loadAll(urls: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(urls)].map((url) => this.load(url)));
  }
}

async function decodeImage(url: string): Promise<HTMLImageElement> {
  const img = new Image();
  // Template art may come from the brand's CDN; without CORS it would taint exports.
  if (!url.startsWith('data:') && !url.startsWith('blob:')) img.crossOrigin = 'anonymous';
  img.decoding = 'async';
  img.src = url;
  try {
    await img.decode();
  } catch {
    throw new Error(`Image could not be loaded: ${url.startsWith('data:') ? url.slice(0, 40) + '…' : url}`);
  }
  return img;
}
