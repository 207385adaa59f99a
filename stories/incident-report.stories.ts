import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { OcIncidentReport, ReportDraft, Step } from '@open-city/incident-report';
import '@open-city/incident-report/define.js';

/**
 * A fake receiver inside Storybook: requests to `/story-receiver/<behaviour>` never leave the page.
 * `ok` answers 201 with a reference; `offline` fails like a lost connection; `refused` answers 400 with a
 * reason; `flaky` answers 500 once, then 201 (the retry keeps the same Idempotency-Key).
 */
const RECEIVER = '/story-receiver/';
const flakySeen = new Set<string>();
const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input instanceof Request ? input.url : input), location.href);
  if (!url.pathname.startsWith(RECEIVER)) return realFetch(input, init);
  const behaviour = url.pathname.slice(RECEIVER.length);
  const key = new Headers(init?.headers).get('Idempotency-Key') ?? '';
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  await new Promise((resolve) => setTimeout(resolve, 600)); // a phone network
  if (behaviour === 'offline') throw new TypeError('Failed to fetch');
  if (behaviour === 'refused') {
    return json(400, { error: 'The report does not match the report schema.', details: ['/description: too short'] });
  }
  if (behaviour === 'flaky' && !flakySeen.has(key)) {
    flakySeen.add(key);
    return json(503, { error: 'Service unavailable' });
  }
  return json(201, { reference: 'KR-7F3K-Q9XM' });
};

/** A filled-in draft, as a person who reached `step` would have it. */
function draft(changes: Partial<ReportDraft> = {}): ReportDraft {
  return {
    id: crypto.randomUUID(),
    startedAt: 0,
    reporterRole: 'witness',
    incidentTypes: ['graffiti-or-symbols', 'threat'],
    incidentTypeOther: '',
    biasMotivations: ['racism-xenophobia-nationality'],
    biasMotivationOther: '',
    placeKind: 'offline',
    url: '',
    placeDescription: 'Tram stop Rondo Mogilskie, towards Nowa Huta',
    district: 'II Grzegórzki',
    point: null,
    occurredOn: '2026-11-20',
    occurredAt: '21:15',
    description:
      'Someone sprayed a swastika and “foreigners out” on the shelter. Two men shouted at a woman in a headscarf.',
    reportedToPolice: 'no',
    anonymous: true,
    name: '',
    email: '',
    phone: '',
    preferredLanguage: '',
    consent: false,
    ...changes,
  };
}

interface ReportArgs {
  receiver: 'ok' | 'offline' | 'refused' | 'flaky';
  step: Step | 'start';
  privacyUrl: string;
  exitUrl: string;
  emergencyNumber: string;
  anonymous: boolean;
}

/** Each story has its own endpoint, so drafts (kept per endpoint) do not leak between stories. */
const endpointOf = (args: ReportArgs, id: string) => `${RECEIVER}${args.receiver}?story=${id}`;

/** Send the report on the check step, as a person would: consent, then Send. */
async function sendFrom(canvasElement: HTMLElement) {
  const element = canvasElement.querySelector<OcIncidentReport>('oc-incident-report')!;
  await element.updateComplete;
  element.shadowRoot!.querySelector<HTMLInputElement>('#consent')!.click();
  await element.updateComplete;
  element.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

const meta: Meta<ReportArgs> = {
  title: 'Widgets/Incident report',
  component: 'oc-incident-report',
  args: {
    receiver: 'ok',
    step: 'start',
    privacyUrl: '/privacy.html',
    exitUrl: 'https://www.google.com/',
    emergencyNumber: '112',
    anonymous: true,
  },
  argTypes: {
    receiver: {
      control: 'inline-radio',
      options: ['ok', 'offline', 'refused', 'flaky'],
      description: 'How the fake receiver answers',
    },
    step: { control: 'select', options: ['start', 'role', 'what', 'where', 'when', 'details', 'contact', 'review'] },
  },
  loaders: [
    async ({ args, id }) => {
      const a = args as ReportArgs;
      const key = `oc-incident-report:draft:${endpointOf(a, id)}`;
      if (a.step === 'start') sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, JSON.stringify({ step: a.step, draft: draft({ anonymous: a.anonymous }) }));
      return {};
    },
  ],
  render: (args, { id }) =>
    html`<oc-incident-report
      endpoint=${endpointOf(args, id)}
      privacy-url=${args.privacyUrl || nothing}
      exit-url=${args.exitUrl || nothing}
      emergency-number=${args.emergencyNumber || nothing}
      .minFillMs=${0}
      .retryDelayMs=${1500}
    ></oc-incident-report>`,
};
export default meta;

type Story = StoryObj<ReportArgs>;

/** The first step: who is reporting. Anonymous by default; the emergency number and quick exit on top. */
export const Start: Story = {};

/** Step 2: what happened (several types) and the suspected bias, after the OSCE/ODIHR categories. */
export const WhatHappened: Story = { args: { step: 'what' } };

/** Step 3: online (a link) or in a place (description, optional district and rounded location). */
export const Where: Story = { args: { step: 'where' } };

/** Step 4: the date (with Today and Yesterday), and the time if remembered. */
export const When: Story = { args: { step: 'when' } };

/** Step 5: the description in the person's own words, and whether the police know. */
export const Details: Story = { args: { step: 'details' } };

/** Step 6: a reply is optional; contact fields appear only when the person asks for one. */
export const ContactWanted: Story = { args: { step: 'contact', anonymous: false } };

/** Step 7: check every answer, change any of them, give explicit consent and send. */
export const CheckAndSend: Story = { args: { step: 'review' } };

/** Continue with nothing chosen: messages next to the fields and a focused error summary. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector<OcIncidentReport>('oc-incident-report')!;
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};

/** Outcome: accepted. The receiver's reference, what happens next, where to get support. */
export const Sent: Story = {
  args: { step: 'review' },
  play: ({ canvasElement }) => sendFrom(canvasElement),
};

/** Outcome: a 503 first, then accepted on the retry, with the same Idempotency-Key. */
export const SentAfterRetry: Story = {
  args: { step: 'review', receiver: 'flaky' },
  play: ({ canvasElement }) => sendFrom(canvasElement),
};

/**
 * Outcome: no connection. The report is saved on this device until it is sent (retried with back-off,
 * when the browser is back online, and on the next visit), with a way to delete it.
 */
export const Queued: Story = {
  args: { step: 'review', receiver: 'offline' },
  play: ({ canvasElement }) => sendFrom(canvasElement),
};

/** Outcome: the receiver refused it (400). Its reason is shown and the draft is kept. */
export const Refused: Story = {
  args: { step: 'review', receiver: 'refused' },
  play: ({ canvasElement }) => sendFrom(canvasElement),
};

/** No `privacy-url`: a plain-language notice at consent, and a console warning for the site. */
export const WithoutPrivacyUrl: Story = { args: { step: 'review', privacyUrl: '' } };

/** No `endpoint`: the form says it cannot send, and does not pretend. The exit and emergency number stay. */
export const WithoutEndpoint: Story = {
  render: () => html`<oc-incident-report></oc-incident-report>`,
};

/**
 * An `endpoint` that private reports must not go to (plain http to another site; `ftp:`, `javascript:`):
 * the same message, `oc-load-error` and a console warning. No form; nothing is kept or sent.
 */
export const InsecureEndpoint: Story = {
  render: () => html`<oc-incident-report endpoint="http://receiver.example/reports"></oc-incident-report>`,
};

/** Right to left. */
export const Arabic: Story = { args: { step: 'review' }, globals: { locale: 'ar' } };

/** Ukrainian, the language of many people who came to Kraków since 2022. */
export const Ukrainian: Story = { args: { step: 'where' }, globals: { locale: 'uk' } };

/** The embedding page's high-contrast tokens. */
export const HighContrast: Story = { args: { step: 'what' }, globals: { theme: 'contrast' } };

/** In a 320 px column: nothing overflows. */
export const Narrow: Story = {
  args: { step: 'review' },
  render: (args, context) => html`<div class="narrow-320">${meta.render!(args, context)}</div>`,
};
