export const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'] as const;

export function arrowDelta(e: KeyboardEvent, step: number): { dx: number; dy: number } {
  return {
    dx: e.key === 'ArrowLeft' ? -step : e.key === 'ArrowRight' ? step : 0,
    dy: e.key === 'ArrowUp' ? -step : e.key === 'ArrowDown' ? step : 0,
  };
}

export function isArrow(e: KeyboardEvent): boolean {
  return (ARROWS as readonly string[]).includes(e.key);
}
