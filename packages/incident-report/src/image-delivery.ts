/**
 * Sending a queued report's images, each under its own id, before the report: loaded by the outbox
 * only for a report that has images (a small chunk, in parallel with the form's views).
 */
import { withImages, type StoredImage } from './attachment-store.js';
import { exchange, type SendResult } from './exchange.js';
import type { ReportAttachment } from './report-model.js';

export { deleteImages } from './attachment-store.js';

/** What a queued report (an OutboxEntry) tells about its images. */
export interface QueuedImages {
  id: string;
  endpoint: string;
  body: { attachments?: ReportAttachment[] };
  /** Ids of the images the receiver already took. */
  sent?: string[];
}

/**
 * `PUT {endpoint}/{reportId}/attachments/{id}` for each image the receiver does not have yet, with
 * its bytes from IndexedDB. Gives the entry with the images sent marked (`keep` saves each step), or
 * why it stopped. An image no longer on the device is left out of the report: better the report
 * without it than none.
 */
export async function sendImages<E extends QueuedImages>(
  queued: E,
  keep: (entry: E) => E,
  fetchImpl?: typeof fetch,
): Promise<E | SendResult> {
  let entry = queued;
  for (const image of queued.body.attachments ?? []) {
    if (entry.sent?.includes(image.id)) continue;
    let stored: StoredImage | undefined;
    try {
      stored = await withImages<StoredImage | undefined>('readonly', (store) => store.get(image.id));
    } catch (error) {
      return { kind: 'retry', reason: String(error) };
    }
    if (!stored) {
      const attachments = entry.body.attachments!.filter((item) => item.id !== image.id);
      entry = keep({ ...entry, body: { ...entry.body, attachments } });
      continue;
    }
    const answer = await exchange(
      `${entry.endpoint}/${entry.id}/attachments/${image.id}`,
      { method: 'PUT', headers: { 'Content-Type': image.type }, body: stored.blob },
      fetchImpl,
      // A photo of a few MB on a slow phone network takes a while.
      120_000,
    );
    if (answer.kind !== 'ok') return answer;
    entry = keep({ ...entry, sent: [...(entry.sent ?? []), image.id] });
  }
  return entry;
}
