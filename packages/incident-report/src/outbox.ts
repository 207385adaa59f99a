/**
 * Nothing lost: a report that was submitted but not yet accepted lives in the outbox
 * (localStorage, so it survives the tab closing) until the receiver accepts it, and its images in
 * IndexedDB (attachment-store.ts). Every retry sends the same body with the same Idempotency-Key,
 * and each image under its own id, so the receiver stores each once.
 */
import { backoffDelay, lazyModule } from '@open-city/core';
import { exchange, type Rejection, type SendResult } from './exchange.js';
import type { IncidentReportPayload } from './report-model.js';

/**
 * What sends and forgets a queued report's images: a small chunk of its own, loaded only for a
 * report that has images, so that the first download stays small and a queued report without
 * images needs nothing more.
 */
const loadImages = lazyModule(() => import('./image-delivery.js'));

/** Forget the images of a report on the device (sent, or given up); never throws. */
function forgetImages(entry: OutboxEntry): void {
  const ids = (entry.body.attachments ?? []).map((image) => image.id);
  if (ids.length > 0)
    void loadImages().then(
      (images) => images.deleteImages(ids),
      () => {},
    );
}

export const OUTBOX_STORAGE_KEY = 'oc-incident-report:outbox';

/** Each endpoint has its own outbox key, so that two forms (or tabs) for different receivers never write over each other. */
export const outboxKey = (endpoint: string) => `${OUTBOX_STORAGE_KEY}:${endpoint}`;

export interface OutboxEntry {
  id: string;
  endpoint: string;
  body: IncidentReportPayload;
  queuedAt: number;
  attempts: number;
  /** Ids of the images the receiver has already taken (they are not sent again). */
  sent?: string[];
  /** The code that withdraws the report, shown with its reference; it never leaves the device. */
  deletionCode?: string;
}

export type { Rejection, SendResult } from './exchange.js';

function localStore(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The queued reports, kept in storage (shared by the tabs of the site, so a report queued in one tab
 * may be sent by another: the Idempotency-Key keeps it stored once). When storage is blocked or full,
 * the reports are held in memory for this page view.
 */
export class Outbox {
  private memory: OutboxEntry[] = [];
  private storageFailed = false;

  constructor(
    private readonly storage: Storage | undefined = localStore(),
    private readonly key = OUTBOX_STORAGE_KEY,
  ) {}

  all(): OutboxEntry[] {
    if (this.storage && !this.storageFailed) {
      try {
        const entries: unknown = JSON.parse(this.storage.getItem(this.key) ?? '[]');
        if (!Array.isArray(entries)) return [];
        return entries.filter(
          (entry): entry is OutboxEntry =>
            !!entry && typeof entry.id === 'string' && typeof entry.endpoint === 'string' && !!entry.body,
        );
      } catch {
        return this.memory;
      }
    }
    return this.memory;
  }

  forEndpoint(endpoint: string): OutboxEntry[] {
    return this.all().filter((entry) => entry.endpoint === endpoint);
  }

  get(id: string): OutboxEntry | undefined {
    return this.all().find((entry) => entry.id === id);
  }

  put(entry: OutboxEntry): void {
    this.write([...this.all().filter((other) => other.id !== entry.id), entry]);
  }

  remove(id: string): void {
    this.write(this.all().filter((entry) => entry.id !== id));
  }

  private write(entries: OutboxEntry[]): void {
    this.memory = entries;
    if (!this.storage) return;
    try {
      if (entries.length === 0) this.storage.removeItem(this.key);
      else this.storage.setItem(this.key, JSON.stringify(entries));
      this.storageFailed = false;
    } catch {
      // Full or blocked: the reports stay in memory for this page view.
      this.storageFailed = true;
    }
  }
}

/**
 * One attempt to post a report. Never throws. An attempt that hangs longer than `timeoutMs` (a
 * phone between cells) counts as a network error, to be tried again.
 */
export async function postReport(
  endpoint: string,
  body: IncidentReportPayload,
  fetchImpl?: typeof fetch,
  timeoutMs = 30_000,
): Promise<SendResult> {
  const answer = await exchange(
    endpoint,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': body.id },
      body: JSON.stringify(body),
      // Lets the request finish if the person leaves the page right after Send (the body is well under 64 KB).
      keepalive: true,
    },
    fetchImpl,
    timeoutMs,
  );
  if (answer.kind !== 'ok') return answer;
  const reference = answer.json?.reference;
  // A success without a reference is a broken receiver; keep the report and try again later.
  return typeof reference === 'string' && reference
    ? { kind: 'accepted', reference }
    : { kind: 'retry', reason: `HTTP ${answer.status} without a reference` };
}

export interface ReportSenderOptions {
  endpoint: string;
  outbox?: Outbox;
  fetch?: typeof fetch;
  /** First delay between attempts; doubles each time, with jitter, up to 5 minutes (default 2 s). */
  retryDelayMs?: number;
  onAccepted?: (entry: OutboxEntry, reference: string) => void;
  onRejected?: (entry: OutboxEntry, result: Rejection) => void;
}

/**
 * Sends the outbox of one endpoint: at once, then with exponential back-off while the page is open,
 * at once again when the browser comes back online, and on the next visit (`resume()`).
 */
export class ReportSender {
  readonly outbox: Outbox;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<string>();
  private readonly onOnline = () => this.resume();

  constructor(private readonly options: ReportSenderOptions) {
    this.outbox = options.outbox ?? new Outbox(undefined, outboxKey(options.endpoint));
    globalThis.addEventListener?.('online', this.onOnline);
  }

  /** Queue a report (its images are in IndexedDB already) and try to send it now. */
  submit(body: IncidentReportPayload, deletionCode?: string): Promise<SendResult | undefined> {
    const existing = this.outbox.get(body.id);
    this.outbox.put(
      existing ?? {
        id: body.id,
        endpoint: this.options.endpoint,
        body,
        queuedAt: Date.now(),
        attempts: 0,
        deletionCode,
      },
    );
    return this.attempt(body.id);
  }

  /** Try every queued report of this endpoint now. */
  resume(): void {
    for (const entry of this.outbox.forEndpoint(this.options.endpoint)) void this.attempt(entry.id);
  }

  /** Give up a queued report (the person chose to discard it). */
  discard(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    const entry = this.outbox.get(id);
    if (entry) forgetImages(entry);
    this.outbox.remove(id);
  }

  dispose(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(id: string): Promise<SendResult | undefined> {
    const entry = this.outbox.get(id);
    if (this.inFlight.has(id) || !entry) return undefined;
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.inFlight.add(id);
    let result: SendResult;
    try {
      result = await this.deliver(entry);
    } finally {
      this.inFlight.delete(id);
    }
    // Read again: the images sent are marked in it, or it was discarded meanwhile.
    const current = this.outbox.get(id);
    if (!current) return result;
    if (result.kind === 'retry') {
      this.outbox.put({ ...current, attempts: current.attempts + 1 });
      const delay = backoffDelay(current.attempts, this.options.retryDelayMs ?? 2000, 5 * 60_000, result.retryAfterMs);
      this.timers.set(
        id,
        setTimeout(() => void this.attempt(id), delay),
      );
    } else {
      this.outbox.remove(id);
      if (result.kind === 'accepted') {
        forgetImages(current);
        this.options.onAccepted?.(current, result.reference);
      } else {
        // Refused: the images stay on the device, with the draft the report becomes again.
        this.options.onRejected?.(current, result);
      }
    }
    return result;
  }

  /**
   * The images the receiver does not have yet, each under its own id, then the report. A 409 for
   * a report with images means the receiver lacks some of them: they are all sent again, once.
   */
  private async deliver(entry: OutboxEntry): Promise<SendResult> {
    for (let again = false; ; again = true) {
      if (entry.body.attachments?.length) {
        let sent: OutboxEntry | SendResult;
        try {
          sent = await (await loadImages()).sendImages(entry, (changed) => this.update(changed), this.options.fetch);
        } catch (error) {
          // The images' code did not load (offline): like a network error, try again later.
          return { kind: 'retry', reason: String(error) };
        }
        if ('kind' in sent) return sent;
        entry = sent;
      }
      const result = await postReport(entry.endpoint, entry.body, this.options.fetch);
      if (again || result.kind !== 'rejected' || result.status !== 409 || !entry.body.attachments?.length)
        return result;
      entry = this.update({ ...entry, sent: [] });
    }
  }

  /** Keep what changed in a queued report, unless it was discarded meanwhile. */
  private update(entry: OutboxEntry): OutboxEntry {
    if (this.outbox.get(entry.id)) this.outbox.put(entry);
    return entry;
  }
}
