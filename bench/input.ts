// A drawn stroke through the browser's own input pipeline (the DevTools
// protocol), one move every ~16 ms as a hand gives them: the mouse on the
// desktop profile, one finger on the phone.
import type { CDPSession, Page } from 'puppeteer-core';

export type Points = [number, number][];

const MOVE_EVERY_MS = 16;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends the moves on a ~16 ms cadence; a move the page is slow to take delays the rest, as with a real hand. */
async function paced(pts: Points, move: (p: [number, number]) => Promise<unknown>): Promise<void> {
  const t0 = Date.now();
  for (let i = 1; i < pts.length; i++) {
    await move(pts[i]);
    const wait = t0 + i * MOVE_EVERY_MS - Date.now();
    if (wait > 0) await sleep(wait);
  }
}

/** Input.dispatchMouseEvent (puppeteer's mouse): press, move, release. */
export async function mouseStroke(page: Page, pts: Points): Promise<void> {
  await page.mouse.move(...pts[0]);
  await page.mouse.down();
  await paced(pts, (p) => page.mouse.move(...p));
  await page.mouse.up();
}

/**
 * Input.dispatchTouchEvent: touchStart, touchMove, touchEnd of one finger,
 * in CSS pixels (fractions kept: at device pixel ratio 3 they are real
 * pixels). The browser makes the pointer events (pointerType "touch") and
 * decides on scrolling as it does for a finger.
 */
export async function touchStroke(cdp: CDPSession, pts: Points): Promise<void> {
  const at = ([x, y]: [number, number]) => [{ x, y, id: 0, radiusX: 4, radiusY: 4, force: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(pts[0]) });
  await paced(pts, (p) => cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(p) }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}
