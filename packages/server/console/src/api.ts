/**
 * The staff API as the console uses it: JSON over fetch, the session cookie sent by the browser,
 * and the session's CSRF token in a header on every change.
 */

export type ReportStatus = 'new' | 'in-review' | 'referred' | 'closed' | 'spam';
export const reportStatuses: ReportStatus[] = ['new', 'in-review', 'referred', 'closed', 'spam'];

export interface Account {
  email: string;
  role: 'moderator' | 'admin';
  mustChangePassword: boolean;
}

export interface Session {
  account: Account;
  csrfToken: string;
  retentionDays: number;
  sessionIdleMinutes: number;
  overdueOpen?: number;
}

export interface ReportSummary {
  reference: string;
  receivedAt: string;
  status: ReportStatus;
  incidentTypes: string[];
  biasMotivations: string[];
  place: { kind?: string; district?: string };
  occurredOn?: string;
  excerpt: string;
  evidence: number;
  overdue: boolean;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  actorKind: 'staff' | 'token' | 'reporter' | 'system';
  action: string;
  reference?: string;
  details: Record<string, unknown>;
}

export interface ReportDetail {
  reference: string;
  receivedAt: string;
  status: ReportStatus;
  statusChangedAt: string;
  overdue: boolean;
  report: Record<string, unknown>;
  attachments: { id: string; type: string; bytes: number; alt: string; url: string }[];
  notes: { id: string; at: string; author: string; text: string }[];
  referrals: { id: string; to: string; on: string; recordedAt: string; recordedBy: string }[];
  history: AuditEntry[];
}

/** Inbox filters, as the query string of /staff/api/reports and /staff/api/export. */
export interface ReportFilters {
  status?: string;
  bias?: string;
  type?: string;
  district?: string;
  place?: string;
  from?: string;
  to?: string;
  evidence?: string;
  q?: string;
  overdue?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function filtersToQuery(filters: ReportFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return query;
}

export class StaffApi {
  csrfToken?: string;

  constructor(readonly base = '/staff/api') {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrfToken) headers['X-CSRF-Token'] = this.csrfToken;
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError(0, 'network', 'network');
    }
    if (response.status === 204) return undefined as T;
    const json = (await response.json().catch(() => ({}))) as { error?: string; code?: string; details?: unknown };
    if (!response.ok) throw new ApiError(response.status, json.error ?? response.statusText, json.code, json.details);
    return json as T;
  }

  private remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }

  async session(): Promise<Session> {
    return this.remember(await this.request<Session>('GET', '/session'));
  }

  async signIn(email: string, password: string, code?: string): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/session', { email, password, code }));
  }

  signInOptions() {
    return this.request<{ oidc: boolean }>('GET', '/sign-in-options');
  }

  async signOut(): Promise<void> {
    await this.request('DELETE', '/session');
    this.csrfToken = undefined;
  }

  async changePassword(current: string, next: string): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/password', { current, next }));
  }

  reports(filters: ReportFilters, before?: string) {
    const query = filtersToQuery(filters);
    if (before) query.set('before', before);
    return this.request<{ reports: ReportSummary[]; next?: string }>('GET', `/reports?${query}`);
  }

  report(reference: string) {
    return this.request<ReportDetail>('GET', `/reports/${encodeURIComponent(reference)}`);
  }

  setStatus(reference: string, status: ReportStatus) {
    return this.request<ReportDetail>('POST', `/reports/${encodeURIComponent(reference)}/status`, { status });
  }

  addNote(reference: string, text: string) {
    return this.request<ReportDetail>('POST', `/reports/${encodeURIComponent(reference)}/notes`, { text });
  }

  addReferral(reference: string, to: string, on: string) {
    return this.request<ReportDetail>('POST', `/reports/${encodeURIComponent(reference)}/referrals`, { to, on });
  }

  deleteReport(reference: string, reason: string) {
    return this.request<void>('DELETE', `/reports/${encodeURIComponent(reference)}`, { reason });
  }

  audit(params: { before?: number; reference?: string; actor?: string }) {
    const query = new URLSearchParams();
    if (params.before) query.set('before', String(params.before));
    if (params.reference) query.set('reference', params.reference);
    if (params.actor) query.set('actor', params.actor);
    return this.request<{ entries: AuditEntry[]; next?: number }>('GET', `/audit?${query}`);
  }

  exportUrl(filters: ReportFilters, format: 'csv' | 'json'): string {
    const query = filtersToQuery(filters);
    query.set('format', format);
    return `${this.base}/export?${query}`;
  }
}
