/**
 * One request to the receiver and what its answer means for the outbox: accepted, refused (the
 * person must change something), or to be tried again. Shared by the report (outbox.ts, first
 * chunk) and its images (image-delivery.ts, loaded only for a report that has some).
 */
import { isTransientStatus, parseRetryAfter } from '@open-city/core';

export type SendResult =
  /** 201, or 200 for a repeat: stored once. */
  | { kind: 'accepted'; reference: string }
  /** Any other 4xx: sending again will not help; the person must change something. */
  | { kind: 'rejected'; status: number; reason: string; details: string[] }
  /** Offline, 408, 429, 5xx: try again later. */
  | { kind: 'retry'; reason: string; retryAfterMs?: number };

/** The receiver's answer to a report it will not take as it is. */
export type Rejection = Extract<SendResult, { kind: 'rejected' }>;

export type Answer = SendResult | { kind: 'ok'; status: number; json?: { reference?: unknown } };

/** One request to the receiver, without cookies. Never throws; a request that hangs longer than `timeoutMs` is a network error. */
export async function exchange(
  url: string,
  init: RequestInit,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
  timeoutMs: number,
): Promise<Answer> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    return { kind: 'retry', reason: String(error) };
  }
  const text = await response.text().catch(() => '');
  let json: { reference?: unknown; error?: unknown; details?: unknown } | undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (response.ok) return { kind: 'ok', status: response.status, json };
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
