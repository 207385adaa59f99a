/**
 * Evidence images on the device: IndexedDB (a draft's or a queued report's images are too big for
 * Web Storage), one record per image, keyed by the attachment's id. In the element's first chunk,
 * so that the outbox can send a queued report's images before the form has loaded; adding and
 * listing images (evidence-store.ts) loads with the form.
 */

/** One image as kept on the device: its re-encoded bytes, whose report it is, and when it was kept. */
export interface StoredImage {
  id: string;
  /** The draft's id, which is also the id of the report it is sent with. */
  reportId: string;
  endpoint: string;
  blob: Blob;
  savedAt: number;
}

let opened: Promise<IDBDatabase> | undefined;

function database(): Promise<IDBDatabase> {
  return (opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('oc-incident-report', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('images', { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  }).catch((error: unknown) => {
    // Blocked or failed: the next call tries again.
    opened = undefined;
    throw error;
  }));
}

/**
 * Do something with the images store, in one transaction; settles once the transaction has
 * completed (so a write is on disk), with the result of the request `use` returns.
 */
export async function withImages<T = undefined>(
  mode: IDBTransactionMode,
  use: (store: IDBObjectStore) => IDBRequest<T> | void,
): Promise<T> {
  const db = await database();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction('images', mode);
    const request = use(transaction.objectStore('images'));
    transaction.oncomplete = () => resolve(request?.result as T);
    transaction.onerror = transaction.onabort = () => reject(transaction.error);
  });
}

/** Forget images (sent, or given up); never throws. */
export const deleteImages = (ids: readonly string[]): Promise<void> =>
  withImages('readwrite', (store) => ids.forEach((id) => store.delete(id))).catch(() => {});
