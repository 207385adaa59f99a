import { restoreDraft, type ReportDraft } from './report-model.js';
import { steps, type Step } from './validation.js';

/**
 * The draft lives in sessionStorage: it survives a reload, and is gone when the tab closes, so a shared
 * computer keeps nothing.
 */
export interface StoredDraft {
  draft: ReportDraft;
  step: Step;
}

const keyFor = (endpoint: string) => `oc-incident-report:draft:${endpoint}`;

function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function loadDraft(endpoint: string): StoredDraft | undefined {
  try {
    const stored = JSON.parse(sessionStore()?.getItem(keyFor(endpoint)) ?? 'null');
    const draft = restoreDraft(stored?.draft);
    if (!draft) return undefined;
    const step = (steps as readonly string[]).includes(stored.step) ? (stored.step as Step) : 'role';
    return { draft, step };
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
