import { StorageState } from './envelope.ts';

const PROBE_DATABASE = 'co-design-studio-probe';

/**
 * Whether this frame may keep data. A cross-site frame whose storage the
 * browser or the customer denies gets SecurityError from `localStorage` and
 * an error (Chromium: UnknownError) from `indexedDB.open`; Safari may simply
 * never answer. A throwaway database of its own is used, never the drafts
 * database: opening that one without its upgrade would create it empty.
 */
export async function probeStorage(timeoutMs = 2000): Promise<StorageState> {
  try {
    void window.localStorage.length;
  } catch {
    return StorageState.Denied;
  }
  return new Promise<StorageState>((resolve) => {
    const timer = setTimeout(() => resolve(StorageState.Denied), timeoutMs);
    const done = (state: StorageState) => {
      clearTimeout(timer);
      resolve(state);
    };
    try {
      const request = indexedDB.open(PROBE_DATABASE);
      request.onsuccess = () => {
        request.result.close();
        indexedDB.deleteDatabase(PROBE_DATABASE);
        done(StorageState.Available);
      };
      request.onerror = () => done(StorageState.Denied);
      request.onblocked = () => done(StorageState.Available);
    } catch {
      done(StorageState.Denied);
    }
  });
}
