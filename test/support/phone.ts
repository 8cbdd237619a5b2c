/**
 * A phone for the tests: the page laid out at a phone's size and pixel ratio
 * with a phone's viewport meta, touch input enabled, and touches sent through
 * the browser's own input pipeline (DevTools `Input.dispatchTouchEvent`),
 * which turns a touch-start and touch-end into a tap, a click and all.
 */
import { cdp } from './cdp.ts';
import type { Pt } from './studio.ts';

export const PHONE = { width: 360, height: 640, deviceScaleFactor: 3 };

/** Lays the test page out as a phone: `width=device-width` as a page made for phones asks. */
export async function usePhone(size: { width: number; height: number } = PHONE): Promise<void> {
  let meta = document.querySelector<HTMLMetaElement>('meta[name=viewport]');
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'viewport';
    document.head.append(meta);
  }
  meta.content = 'width=device-width, initial-scale=1';
  await cdp([
    {
      method: 'Emulation.setDeviceMetricsOverride',
      params: { ...size, deviceScaleFactor: PHONE.deviceScaleFactor, mobile: true },
    },
    { method: 'Emulation.setTouchEmulationEnabled', params: { enabled: true, maxTouchPoints: 5 } },
  ]);
}

export async function leavePhone(): Promise<void> {
  await cdp([
    { method: 'Emulation.clearDeviceMetricsOverride' },
    { method: 'Emulation.setTouchEmulationEnabled', params: { enabled: false } },
  ]);
}

type Phase = 'touchStart' | 'touchMove' | 'touchEnd';
/** One touch event; `at` (seconds since the epoch) is the time the browser gives it, for its velocity. */
export const touch = (type: Phase, points: Pt[], at?: number) => ({
  method: 'Input.dispatchTouchEvent',
  params: {
    type,
    touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 2, radiusY: 2, force: 1 })),
    ...(at === undefined ? {} : { timestamp: at }),
  },
});

/** A finger's tap at the centre of `el`. */
export async function tap(el: Element): Promise<void> {
  const r = el.getBoundingClientRect();
  const at: Pt = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
  await cdp([touch('touchStart', [at]), touch('touchEnd', [])]);
}

/**
 * One finger through the points, a move each 16 ms, that rests on the last point for 300 ms before it lifts, as
 * a painter's does. The times are the events' own (not waited for): a finger that lifts while still moving fast
 * sets the page flinging where the swipe scrolled it, and the browser takes the next tap to stop the fling.
 */
export function swipe(points: Pt[]): Promise<unknown> {
  const [first, ...rest] = points;
  const t0 = Date.now() / 1000;
  const last = points[points.length - 1];
  const hold = t0 + rest.length * 0.016 + 0.3;
  return cdp([
    touch('touchStart', [first], t0),
    ...rest.map((p, i) => touch('touchMove', [p], t0 + (i + 1) * 0.016)),
    touch('touchMove', [last], hold),
    touch('touchEnd', [], hold),
  ]);
}

/**
 * Two fingers at `[x, y]`: the first goes down, the second lands 40 px to its right, and both spread apart
 * `by` px each way in two moves, then lift.
 */
export function pinch([x, y]: Pt, by: number): Promise<unknown> {
  return cdp([
    touch('touchStart', [[x, y]]),
    touch('touchStart', [
      [x, y],
      [x + 40, y],
    ]),
    touch('touchMove', [
      [x - by / 2, y],
      [x + 40 + by / 2, y],
    ]),
    touch('touchMove', [
      [x - by, y],
      [x + 40 + by, y],
    ]),
    touch('touchEnd', []),
  ]);
}
