/**
 * The form's side of the images kept on the device (attachment-store.ts): keeping a new one,
 * reading a draft's back after a reload, and forgetting those nobody needs any more. A draft's
 * images outlive its tab (IndexedDB), so each page holds a Web Lock for its draft; images of a
 * draft that no page holds, and that no queued report lists, are deleted when the form opens.
 */
import { deleteImages, withImages, type StoredImage } from './attachment-store.js';

export { deleteImages, type StoredImage } from './attachment-store.js';

/** Without Web Locks, an unclaimed draft's images are kept this long before they are deleted. */
const unlockedGraceMs = 24 * 60 * 60 * 1000;

export const lockName = (reportId: string) => `oc-incident-report:images:${reportId}`;

export const saveImage = (image: StoredImage): Promise<undefined> =>
  withImages('readwrite', (store) => void store.put(image));

export const readImage = (id: string): Promise<StoredImage | undefined> =>
  withImages<StoredImage | undefined>('readonly', (store) => store.get(id));

/**
 * Hold the claim of this page on a draft's images while the page is open; the returned function
 * lets go (another draft is started, or the images are gone).
 */
export function claimImages(reportId: string): () => void {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  void globalThis.navigator?.locks?.request(lockName(reportId), () => held).catch(() => {});
  return release;
}

/**
 * Delete this endpoint's images that no one needs: not of a report in `keep` (this page's draft,
 * the reports queued in the outbox), nor of a draft that another open page holds.
 */
export async function sweepImages(endpoint: string, keep: ReadonlySet<string>, now = Date.now()): Promise<void> {
  const locks = globalThis.navigator?.locks;
  const held = locks ? new Set((await locks.query()).held?.map((lock) => lock.name)) : undefined;
  const all = await withImages<StoredImage[]>('readonly', (store) => store.getAll());
  const unneeded = all.filter(
    (image) =>
      image.endpoint === endpoint &&
      !keep.has(image.reportId) &&
      (held ? !held.has(lockName(image.reportId)) : now - image.savedAt > unlockedGraceMs),
  );
  if (unneeded.length > 0) await deleteImages(unneeded.map((image) => image.id));
}
