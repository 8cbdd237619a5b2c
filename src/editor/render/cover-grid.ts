import { SEEN_CELL, type SeenArea } from './seen-area.ts';

/** Raster pixels per side of a cover cell, aligned to the pixel grid (a seen area's cell holds whole ones). */
export const COVER_CELL = 2;
/** Rows of cells per block of the coarse check (a block is one 32-cell word wide). */
const BLOCK_ROWS = 8;

/**
 * Which cells of a paint layer's raster have a final colour that no earlier
 * mark can change (occlusion.ts): a later opaque stroke covers every pixel of
 * the cell completely, or the cell lies where no one ever sees the raster.
 * One bit per cell, a row of cells in `words` 32-bit words, and a flag per
 * block of one word by BLOCK_ROWS rows once all of it is settled.
 */
export class CoverGrid {
  private readonly words: number;
  /** Cells that can still show something: not settled from the start (see `unseen`). */
  openCells: number;

  private constructor(
    readonly cols: number,
    readonly rows: number,
    private readonly bits: Uint32Array,
    /** Per block of one word by BLOCK_ROWS rows: 1 once every cell of it is settled (it stays so). */
    private readonly full: Uint8Array,
  ) {
    this.words = (cols + 31) >> 5;
    this.openCells = cols * rows;
  }

  /** A grid with nothing settled, for a raster of width × height pixels. */
  static empty(width: number, height: number): CoverGrid {
    const cols = Math.ceil(width / COVER_CELL);
    const rows = Math.ceil(height / COVER_CELL);
    const words = (cols + 31) >> 5;
    const grid = new CoverGrid(
      cols,
      rows,
      new Uint32Array(words * rows),
      new Uint8Array(words * Math.ceil(rows / BLOCK_ROWS)),
    );
    // The bits past the last column are settled, so that a block at the right edge can be full.
    if (cols & 31) for (let row = 0; row < rows; row++) grid.fillRun(row, cols, words * 32 - 1);
    return grid;
  }

  /** A copy to settle cells in; this grid stays as it is. */
  copy(): CoverGrid {
    const grid = new CoverGrid(this.cols, this.rows, this.bits.slice(), this.full.slice());
    grid.openCells = this.openCells;
    return grid;
  }

  /** A grid for a raster of width × height pixels whose cells outside the seen area are settled already. */
  static unseen(width: number, height: number, area: SeenArea): CoverGrid {
    const grid = CoverGrid.empty(width, height);
    const per = SEEN_CELL / COVER_CELL;
    for (let row = 0; row < grid.rows; row++) {
      for (let col = 0; col < grid.cols; col++) {
        // Nothing there ever shows.
        if (area.seen[Math.floor(row / per) * area.cols + Math.floor(col / per)]) continue;
        grid.bits[row * grid.words + (col >> 5)] |= 1 << (col & 31);
        grid.openCells--;
      }
    }
    return grid;
  }

  /** Whether a cell whose centre lies within `r` of the segment a–b (pixels) is still unsettled. */
  anyOpen(ax: number, ay: number, bx: number, by: number, r: number): boolean {
    if (this.boxSettled(Math.min(ax, bx) - r, Math.min(ay, by) - r, Math.max(ax, bx) + r, Math.max(ay, by) + r))
      return false;
    return this.visit(ax, ay, bx, by, r, false);
  }

  /** Whether every block overlapping the box (pixels) is settled: most painted-over strokes stop here. */
  boxSettled(x0: number, y0: number, x1: number, y1: number): boolean {
    const c = COVER_CELL;
    const w0 = Math.max(0, Math.floor(x0 / c)) >> 5;
    const w1 = Math.min(this.cols - 1, Math.floor(x1 / c)) >> 5;
    const b0 = Math.floor(Math.max(0, Math.floor(y0 / c)) / BLOCK_ROWS);
    const b1 = Math.floor(Math.min(this.rows - 1, Math.floor(y1 / c)) / BLOCK_ROWS);
    for (let b = b0; b <= b1; b++) {
      for (let w = w0; w <= w1; w++) if (!this.blockFull(b, w)) return false;
    }
    return true;
  }

  private blockFull(block: number, word: number): boolean {
    const i = block * this.words + word;
    if (this.full[i]) return true;
    const end = Math.min(this.rows, (block + 1) * BLOCK_ROWS);
    for (let row = block * BLOCK_ROWS; row < end; row++)
      if (this.bits[row * this.words + word] !== 0xffffffff) return false;
    this.full[i] = 1;
    return true;
  }

  /** Settles every cell whose centre lies within `r` of the segment a–b. */
  settle(ax: number, ay: number, bx: number, by: number, r: number): void {
    this.visit(ax, ay, bx, by, r, true);
  }

  // Row by row, the cells whose centres lie in the capsule around a–b: the capsule is convex, so each row
  // of it is one run, the hull of what the two end discs and the band between them cut from the row.
  private visit(ax: number, ay: number, bx: number, by: number, r: number, settle: boolean): boolean {
    const c = COVER_CELL;
    const first = Math.max(0, Math.ceil((Math.min(ay, by) - r) / c - 0.5));
    const last = Math.min(this.rows - 1, Math.floor((Math.max(ay, by) + r) / c - 0.5));
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const rLen = r * Math.sqrt(len2);
    const r2 = r * r;
    for (let row = first; row <= last; row++) {
      const y = (row + 0.5) * c;
      let lo = Infinity;
      let hi = -Infinity;
      let d = y - ay;
      if (d * d <= r2) {
        const w = Math.sqrt(r2 - d * d);
        lo = ax - w;
        hi = ax + w;
      }
      d = y - by;
      if (d * d <= r2) {
        const w = Math.sqrt(r2 - d * d);
        lo = Math.min(lo, bx - w);
        hi = Math.max(hi, bx + w);
      }
      if (len2 > 0) {
        // Within r of the line through a and b, and projecting between them.
        let x0 = -Infinity;
        let x1 = Infinity;
        const across = (y - ay) * dx;
        if (dy !== 0) {
          const p = ax + (across - rLen) / dy;
          const q = ax + (across + rLen) / dy;
          x0 = Math.min(p, q);
          x1 = Math.max(p, q);
        } else if (Math.abs(y - ay) > r) x1 = -Infinity;
        const along = (y - ay) * dy;
        if (dx !== 0) {
          const p = ax - along / dx;
          const q = ax + (len2 - along) / dx;
          x0 = Math.max(x0, Math.min(p, q));
          x1 = Math.min(x1, Math.max(p, q));
        } else if (along < 0 || along > len2) x1 = -Infinity;
        if (x0 <= x1) {
          lo = Math.min(lo, x0);
          hi = Math.max(hi, x1);
        }
      }
      const g0 = Math.max(0, Math.ceil(lo / c - 0.5));
      const g1 = Math.min(this.cols - 1, Math.floor(hi / c - 0.5));
      if (g0 > g1) continue;
      if (settle) this.fillRun(row, g0, g1);
      else if (!this.runSettled(row, g0, g1)) return true;
    }
    return false;
  }

  private runSettled(row: number, g0: number, g1: number): boolean {
    const base = row * this.words;
    const w1 = g1 >> 5;
    for (let w = g0 >> 5; w <= w1; w++) {
      const m = runMask(w === g0 >> 5 ? g0 & 31 : 0, w === w1 ? g1 & 31 : 31);
      if ((this.bits[base + w] & m) !== m) return false;
    }
    return true;
  }

  private fillRun(row: number, g0: number, g1: number): void {
    const base = row * this.words;
    const w1 = g1 >> 5;
    for (let w = g0 >> 5; w <= w1; w++)
      this.bits[base + w] |= runMask(w === g0 >> 5 ? g0 & 31 : 0, w === w1 ? g1 & 31 : 31);
  }
}

/** Bits a..b of a word, as a signed 32-bit value (what `&` gives back). */
function runMask(a: number, b: number): number {
  return (0xffffffff >>> (31 - (b - a))) << a;
}
