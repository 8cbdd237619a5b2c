// The parent helper's draft store (database co-design-studio-parent, store
// drafts, as docs/bridge.md names it), opened here with plain IndexedDB so the
// page can also say when a draft was kept and show it. It has idb-keyval's
// UseStore shape, which is what connectStudio's `storage` option takes.
const DATABASE = 'co-design-studio-parent';
const STORE = 'drafts';

const done = (request) =>
  new Promise((resolve, reject) => {
    request.oncomplete = request.onsuccess = () => resolve(request.result);
    request.onabort = request.onerror = () => reject(request.error);
  });

export function watchedDraftStore(onWrite) {
  let db;
  const open = () => {
    if (!db) {
      const request = indexedDB.open(DATABASE);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE);
      db = done(request);
    }
    return db;
  };
  const store = (txMode, callback) =>
    open().then(async (database) => {
      const result = await callback(database.transaction(STORE, txMode).objectStore(STORE));
      if (txMode === 'readwrite') onWrite();
      return result;
    });
  store.all = () => store('readonly', (s) => done(s.getAll()));
  return store;
}
