/** Where the draft of an endpoint is kept (see draft-store.ts), and forgetting it: in the first chunk. */
export const draftKey = (endpoint: string) => `oc-incident-report:draft:${endpoint}`;

export function sessionStore(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

export function clearDraft(endpoint: string): void {
  try {
    sessionStore()?.removeItem(draftKey(endpoint));
  } catch {
    // nothing to clear
  }
}
