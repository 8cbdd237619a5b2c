import { IText, type TPointerEvent } from 'fabric/es';

// fabric 7's IText lays out its cursor, its selection and the letter a click
// lands on as if the text were straight, even when it is set on a path. For a
// curved text these three follow the letters instead, so the customer types
// in place. (fabric's own versions still serve straight text, unchanged.)

/** A letter's box as fabric keeps it once the text is set on a path (relative to the object's centre). */
interface OnPath {
  renderLeft?: number;
  renderTop?: number;
  angle?: number;
  kernedWidth: number;
}

interface Caret {
  x: number;
  y: number;
  angle: number;
}

type Boundaries = Parameters<IText['_renderCursor']>[1];
const straight = IText.prototype;

/** Gives `fo` a cursor, selection and click-to-caret that follow its path while it has one. */
export function editAlongPath(fo: IText): void {
  fo._renderCursor = function (ctx: CanvasRenderingContext2D, boundaries: Boundaries, selectionStart: number) {
    if (!this.path) return straight._renderCursor.call(this, ctx, boundaries, selectionStart);
    const { color, opacity, width } = this.getCursorRenderingData(selectionStart, boundaries);
    const caret = caretAt(this, selectionStart);
    ctx.save();
    ctx.translate(caret.x, caret.y);
    ctx.rotate(caret.angle);
    ctx.fillStyle = color;
    ctx.globalAlpha = opacity;
    // The path runs through the middle of the letters (pathAlign 'center').
    ctx.fillRect(-width / 2, -this.fontSize / 2, width, this.fontSize);
    ctx.restore();
  };
  fo._renderSelection = function (
    ctx: CanvasRenderingContext2D,
    selection: { selectionStart: number; selectionEnd: number },
    boundaries: Boundaries,
  ) {
    if (!this.path) return straight._renderSelection.call(this, ctx, selection, boundaries);
    ctx.fillStyle = this.inCompositionMode ? this.compositionColor || 'black' : this.selectionColor;
    for (let i = selection.selectionStart; i < selection.selectionEnd; i++) {
      const box = letter(this, i);
      if (box?.renderLeft === undefined) continue;
      ctx.save();
      ctx.translate(box.renderLeft, box.renderTop ?? 0);
      ctx.rotate(box.angle ?? 0);
      ctx.fillRect(-box.kernedWidth / 2, -this.fontSize / 2, box.kernedWidth, this.fontSize);
      ctx.restore();
    }
  };
  fo.getSelectionStartFromPointer = function (e: TPointerEvent): number {
    if (!this.path || !this.canvas) return straight.getSelectionStartFromPointer.call(this, e);
    const p = toLocal(this, this.canvas.getScenePoint(e));
    let best = 0;
    let bestDistance = Infinity;
    for (let i = 0; i <= this._text.length; i++) {
      const c = caretAt(this, i);
      const d = Math.hypot(c.x - p.x, c.y - p.y);
      if (d < bestDistance) [best, bestDistance] = [i, d];
    }
    return best;
  };
}

/** The letter at a text index, with its place on the path. */
function letter(fo: IText, index: number): OnPath | undefined {
  const { lineIndex, charIndex } = fo.get2DCursorLocation(index);
  return fo.__charBounds[lineIndex]?.[charIndex] as OnPath | undefined;
}

/** Where the cursor stands before the letter at `index` (after the last one at the end), along the path. */
function caretAt(fo: IText, index: number): Caret {
  const at = letter(fo, index);
  if (at?.renderLeft !== undefined) return edge(at, -1);
  const before = index > 0 ? letter(fo, index - 1) : undefined;
  return before?.renderLeft !== undefined ? edge(before, 1) : { x: 0, y: 0, angle: 0 };
}

/** The start (-1) or end (1) of a letter's box along its path. */
function edge(box: OnPath, side: 1 | -1): Caret {
  const angle = box.angle ?? 0;
  const half = (side * box.kernedWidth) / 2;
  return { x: box.renderLeft! + half * Math.cos(angle), y: (box.renderTop ?? 0) + half * Math.sin(angle), angle };
}

/** A point of the scene in the object's own units, relative to its centre. */
function toLocal(fo: IText, p: { x: number; y: number }): { x: number; y: number } {
  const [a, b, c, d, e, f] = fo.calcTransformMatrix();
  const det = a * d - b * c || 1;
  const [x, y] = [p.x - e, p.y - f];
  return { x: (d * x - c * y) / det, y: (a * y - b * x) / det };
}
