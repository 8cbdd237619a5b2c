import { cdp } from './cdp.ts';
import { waitFor } from './wait.ts';

/**
 * Hides the test page for real and brings it back: minimising the window is
 * the one DevTools call that flips `visibilityState` both ways in headless
 * Chromium (docs/metrics.md). Resolves once the page is visible and focused
 * again, so the hidden moment has been seen by every listener of the page.
 */
export async function hideAndShow(): Promise<void> {
  const { windowId } = await cdp<{ windowId: number }>({ method: 'Browser.getWindowForTarget' });
  await cdp({ method: 'Browser.setWindowBounds', params: { windowId, bounds: { windowState: 'minimized' } } });
  await waitFor(() => document.visibilityState === 'hidden', 'the page hidden');
  await cdp({ method: 'Browser.setWindowBounds', params: { windowId, bounds: { windowState: 'normal' } } });
  await waitFor(() => document.visibilityState === 'visible' && document.hasFocus(), 'the page shown and focused again');
}
