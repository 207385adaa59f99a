import { draftKey, sessionStore } from './draft-clear.js';
import type { StoredDraft } from './report-model.js';

/**
 * The draft lives in sessionStorage, one per endpoint: it survives a reload, and is gone when the
 * tab closes, so a shared computer keeps nothing. What is read back is checked by `restoreStoredDraft`.
 * Only `clearDraft` is needed before the form has loaded (draft-clear.ts, in the first chunk).
 */

/** The stored value as it is (storage may hold anything), or undefined. */
export function readDraft(endpoint: string): unknown {
  try {
    return JSON.parse(sessionStore()?.getItem(draftKey(endpoint)) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(endpoint: string, value: StoredDraft): void {
  try {
    sessionStore()?.setItem(draftKey(endpoint), JSON.stringify(value));
  } catch {
    // blocked or full: the draft still lives in the page
  }
}
