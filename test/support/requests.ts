import { waitFor } from './wait.ts';

/**
 * Requests this page makes from now on, as the browser's resource timing
 * records them (through an observer: the page's entry buffer may be full).
 * For tests that check that something was *not* fetched: `settled()` first
 * makes a marker request of its own and waits for it to be recorded, so a
 * request started before it has had its chance to show.
 */
export function watchRequests(): { seen: string[]; settled(): Promise<string[]>; stop(): void } {
  const seen: string[] = [];
  const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.name)));
  observer.observe({ type: 'resource' });
  const take = () => seen.push(...observer.takeRecords().map((e) => e.name));
  return {
    seen,
    async settled() {
      const marker = `${location.origin}/templates/roadster.json?settled=${Math.random().toString(36).slice(2)}`;
      await (await fetch(marker)).text();
      await waitFor(() => {
        take();
        return seen.includes(marker);
      }, 'the marker request in the resource timing');
      return seen.filter((name) => name !== marker);
    },
    stop: () => observer.disconnect(),
  };
}
