// The device profiles the benchmark runs on (issue 13). Desktop is what
// issue 6's budgets were set on; phone is a mid-range phone in a social
// app's in-app browser, as Lighthouse's mobile setting emulates it.
import type { Page, Viewport } from 'puppeteer-core';

export type ProfileName = 'desktop' | 'phone';

export interface BenchProfile {
  name: ProfileName;
  viewport: Viewport;
  /** Emulation.setCPUThrottlingRate; 1 is the machine's own speed. */
  cpuSlowdown: number;
  /** How the drawn strokes reach the page: Input.dispatchMouseEvent or Input.dispatchTouchEvent. */
  input: 'mouse' | 'touch';
  /** Stroke counts run when no --sizes is given (and with --quick: the first only). */
  sizes: number[];
}

export const PROFILES: Record<ProfileName, BenchProfile> = {
  // Device pixel ratio 1: the page's canvas is laid out 1:1, as issue 6 measured it.
  desktop: { name: 'desktop', viewport: { width: 1920, height: 1000, deviceScaleFactor: 1 }, cpuSlowdown: 1, input: 'mouse', sizes: [200, 2000, 10_000] },
  phone: {
    name: 'phone',
    viewport: { width: 360, height: 640, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuSlowdown: 4,
    input: 'touch',
    sizes: [200, 2000],
  },
};

/** `--profile desktop` (the default), `phone`, or `all` (desktop, then phone, in one run). */
export function parseProfiles(arg: string | undefined): BenchProfile[] {
  const names = !arg ? ['desktop'] : arg === 'all' ? ['desktop', 'phone'] : arg.split(',').map((s) => s.trim());
  return names.map((n) => {
    if (!(n in PROFILES)) throw new Error(`--profile takes desktop, phone or all; got ${arg}`);
    return PROFILES[n as ProfileName];
  });
}

/**
 * Applies the profile's CPU slowdown to a page before it loads anything.
 * puppeteer sends Emulation.setCPUThrottlingRate and sends it again to every
 * renderer the page moves to (a cross-site navigation swaps the process).
 * The viewport, touch and mobile emulation come with the browser's
 * defaultViewport (bench/browser.ts), so every page opened has them.
 */
export async function applyProfile(page: Page, profile: BenchProfile): Promise<void> {
  if (profile.cpuSlowdown > 1) await page.emulateCPUThrottling(profile.cpuSlowdown);
}

/** The harness page's query: it lays itself out for the profile and times frames from its input's events. */
export function pageQuery(profile: BenchProfile): string {
  return `?profile=${profile.name}`;
}
