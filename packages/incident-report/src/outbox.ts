/**
 * Nothing lost: a report that was submitted but not yet accepted lives in the outbox
 * (localStorage, so it survives the tab closing) until the receiver accepts it. Every retry sends the
 * same body with the same Idempotency-Key, so the receiver stores it once.
 */
import { backoffDelay, isTransientStatus, parseRetryAfter } from '@open-city/core';
import type { IncidentReportPayload } from './report-model.js';

export const OUTBOX_STORAGE_KEY = 'oc-incident-report:outbox';

/** Each endpoint has its own outbox key, so that two forms (or tabs) for different receivers never write over each other. */
export const outboxKey = (endpoint: string) => `${OUTBOX_STORAGE_KEY}:${endpoint}`;

export interface OutboxEntry {
  id: string;
  endpoint: string;
  body: IncidentReportPayload;
  queuedAt: number;
  attempts: number;
}

export type SendResult =
  /** 201, or 200 for a repeat: stored once. */
  | { kind: 'accepted'; reference: string }
  /** Any other 4xx: sending again will not help; the person must change something. */
  | { kind: 'rejected'; status: number; reason: string; details: string[] }
  /** Offline, 408, 429, 5xx: try again later. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

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
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  timeoutMs = 30_000,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': body.id },
      body: JSON.stringify(body),
      credentials: 'omit',
      // Lets the request finish if the person leaves the page right after Send (the body is well under 64 KB).
      keepalive: true,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { kind: 'retry', reason: error instanceof Error ? error.message : String(error) };
  }
  const text = await response.text().catch(() => '');
  let json: { reference?: unknown; error?: unknown; details?: unknown } | undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (response.ok) {
    if (typeof json?.reference === 'string' && json.reference) return { kind: 'accepted', reference: json.reference };
    // A success without a reference is a broken receiver; keep the report and try again later.
    return { kind: 'retry', reason: `The receiver answered ${response.status} without a reference` };
  }
  if (isTransientStatus(response.status)) {
    return {
      kind: 'retry',
      reason: `HTTP ${response.status}`,
      retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
    };
  }
  const reason = typeof json?.error === 'string' ? json.error : text.slice(0, 300) || `HTTP ${response.status}`;
  const details = Array.isArray(json?.details)
    ? json.details.filter((item): item is string => typeof item === 'string')
    : [];
  return { kind: 'rejected', status: response.status, reason, details };
}

export interface ReportSenderOptions {
  endpoint: string;
  outbox?: Outbox;
  fetch?: typeof fetch;
  /** First delay between attempts; doubles each time, with jitter, up to 5 minutes (default 2 s). */
  retryDelayMs?: number;
  onAccepted?: (entry: OutboxEntry, reference: string) => void;
  onRejected?: (entry: OutboxEntry, result: Extract<SendResult, { kind: 'rejected' }>) => void;
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

  /** Queue a report and try to send it now. */
  submit(body: IncidentReportPayload): Promise<SendResult | undefined> {
    const existing = this.outbox.get(body.id);
    this.outbox.put(
      existing ?? { id: body.id, endpoint: this.options.endpoint, body, queuedAt: Date.now(), attempts: 0 },
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
    this.outbox.remove(id);
  }

  dispose(): void {
    globalThis.removeEventListener?.('online', this.onOnline);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(id: string): Promise<SendResult | undefined> {
    if (this.inFlight.has(id)) return undefined;
    const entry = this.outbox.get(id);
    if (!entry) return undefined;
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.inFlight.add(id);
    let result: SendResult;
    try {
      result = await postReport(entry.endpoint, entry.body, this.options.fetch);
    } finally {
      this.inFlight.delete(id);
    }
    if (!this.outbox.get(id)) return result; // discarded meanwhile
    if (result.kind === 'accepted') {
      this.outbox.remove(id);
      this.options.onAccepted?.(entry, result.reference);
    } else if (result.kind === 'rejected') {
      this.outbox.remove(id);
      this.options.onRejected?.(entry, result);
    } else {
      this.outbox.put({ ...entry, attempts: entry.attempts + 1 });
      const delay = backoffDelay(entry.attempts, this.options.retryDelayMs ?? 2000, 5 * 60_000, result.retryAfterMs);
      this.timers.set(
        id,
        setTimeout(() => void this.attempt(id), delay),
      );
    }
    return result;
  }
}
