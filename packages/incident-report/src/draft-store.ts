import type { StoredDraft } from './report-model.js';

/**
 * The draft lives in sessionStorage, one per endpoint: it survives a reload, and is gone when the
 * tab closes, so a shared computer keeps nothing. What is read back is checked by `restoreStoredDraft`.
 */
const keyFor = (endpoint: string) => `oc-incident-report:draft:${endpoint}`;

function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The stored value as it is (storage may hold anything), or undefined. */
export function readDraft(endpoint: string): unknown {
  try {
    return JSON.parse(sessionStore()?.getItem(keyFor(endpoint)) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(endpoint: string, value: StoredDraft): void {
  try {
    sessionStore()?.setItem(keyFor(endpoint), JSON.stringify(value));
  } catch {
    // blocked or full: the draft still lives in the page
  }
}

export function clearDraft(endpoint: string): void {
  try {
    sessionStore()?.removeItem(keyFor(endpoint));
  } catch {
    // nothing to clear
  }
}
