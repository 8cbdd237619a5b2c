/**
 * Bytes deflated as they come, in the zlib format (what PDF's FlateDecode and PNG's IDAT hold), through the
 * platform's CompressionStream: a strip's rows go in, and only the compressed bytes are kept.
 */
export class Deflater {
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly parts: Uint8Array[] = [];
  private readonly reading: Promise<void>;

  constructor() {
    const stream = new CompressionStream('deflate');
    this.writer = stream.writable.getWriter();
    // Read while writing: a compression stream whose output nobody takes stops taking input.
    this.reading = (async () => {
      const reader = stream.readable.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) this.parts.push(r.value);
    })();
    // An aborted stream ends the reading with an error that nobody waits for then.
    this.reading.catch(() => undefined);
  }

  write(bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    return this.writer.write(bytes);
  }

  /** Ends the input and returns all the compressed bytes. */
  async finish(): Promise<Uint8Array> {
    await this.writer.close();
    await this.reading;
    const out = new Uint8Array(this.parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  /** Stops without a result (a job that failed halfway). */
  abort(): void {
    void this.writer.abort().catch(() => undefined);
  }
}
