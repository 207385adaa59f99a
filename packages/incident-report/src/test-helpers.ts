/** Shared by the element's test files: a fake receiver on window.fetch, and drafts to start from. */
import { fixture, html } from '@open-wc/testing';
import { Outbox, outboxKey, type OutboxEntry } from './outbox.js';
import { newDraft, type ReportDraft } from './report-model.js';
import type { OcIncidentReport } from './oc-incident-report.js';
import './define.js';

/**
 * Test files run in parallel pages of one origin, which share localStorage: each file uses its own
 * endpoint, and touches only the outbox entries of that endpoint.
 */
let endpoint = '/api/reports';
export const useEndpoint = (value: string) => {
  endpoint = value;
};
export const currentEndpoint = () => endpoint;
export const draftKey = () => `oc-incident-report:draft:${endpoint}`;

/** Reports of this file's endpoint waiting in the outbox. */
export const pending = (): OutboxEntry[] => new Outbox(localStorage, outboxKey(endpoint)).forEndpoint(endpoint);

export const clearOutbox = () => localStorage.removeItem(outboxKey(endpoint));
/** 24 November 2026, 11:00 in Kraków. */
export const NOW = Date.parse('2026-11-24T10:00:00Z');

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | 'offline';

export interface FakeReceiver {
  requests: Array<{ url: string; headers: Record<string, string>; body: Record<string, unknown> }>;
  /** Answers in turn; the last one repeats. */
  answers: Answer[];
  restore(): void;
}

/** Replace window.fetch with a tiny in-page receiver; `restore()` puts the real one back. */
export function fakeReceiver(...answers: Answer[]): FakeReceiver {
  const realFetch = window.fetch;
  const receiver: FakeReceiver = {
    requests: [],
    answers,
    restore: () => {
      window.fetch = realFetch;
    },
  };
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    receiver.requests.push({
      url: String(input),
      headers: { ...(init.headers as Record<string, string>) },
      body: JSON.parse(String(init.body)),
    });
    const answer = receiver.answers.length > 1 ? receiver.answers.shift()! : receiver.answers[0];
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
    return new Response(body, {
      status: answer.status,
      headers: { 'Content-Type': 'application/json', ...answer.headers },
    });
  };
  return receiver;
}

export function completeDraft(changes: Partial<ReportDraft> = {}): ReportDraft {
  return {
    ...newDraft(0),
    reporterRole: 'witness',
    incidentTypes: ['graffiti-or-symbols'],
    biasMotivations: ['racism-xenophobia-nationality'],
    placeKind: 'offline',
    placeDescription: 'Tram stop Rondo Mogilskie',
    occurredOn: '2026-11-20',
    description: 'Hate symbols sprayed on the shelter.',
    reportedToPolice: 'no',
    ...changes,
  };
}

/** Put a draft in sessionStorage, as a reload in the middle of filling in would find it. */
export function storeDraft(draft: ReportDraft, step: string): void {
  sessionStorage.setItem(draftKey(), JSON.stringify({ draft, step }));
}

export async function mount(
  options: { minFillMs?: number; clock?: () => number; retryDelayMs?: number; privacyUrl?: string | null } = {},
): Promise<OcIncidentReport> {
  const element = await fixture<OcIncidentReport>(
    html`<oc-incident-report
      endpoint=${endpoint}
      privacy-url=${options.privacyUrl === null ? '' : (options.privacyUrl ?? '/privacy.html')}
      exit-url="https://weather.example/"
      .retryDelayMs=${options.retryDelayMs ?? 5}
      .minFillMs=${options.minFillMs ?? 0}
      .clock=${options.clock ?? (() => NOW)}
    ></oc-incident-report>`,
  );
  await element.viewsReady;
  return element;
}

export function $<E extends Element = HTMLElement>(element: OcIncidentReport, selector: string): E {
  const found = element.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`${selector} not found`);
  return found;
}

export const heading = (element: OcIncidentReport) => $(element, 'h2').textContent!.trim();

/** Click and wait for the render. */
export async function click(element: OcIncidentReport, selector: string): Promise<void> {
  $(element, selector).click();
  await element.updateComplete;
}

export async function type(element: OcIncidentReport, selector: string, value: string): Promise<void> {
  const input = $<HTMLInputElement>(element, selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await element.updateComplete;
}

export const submit = (element: OcIncidentReport) => click(element, 'button[type="submit"]');
