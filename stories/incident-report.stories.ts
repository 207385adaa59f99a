import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { expect, waitFor } from 'storybook/test';
import type { OcIncidentReport, ReportDraft, Step } from '@open-city/incident-report';
import '@open-city/incident-report/define.js';

/**
 * A fake receiver inside Storybook: requests to `/story-receiver/<behaviour>/<story>` never leave the
 * page. `ok` answers 201 with a reference; `offline` fails like a lost connection; `refused` answers
 * 400 with a reason; `flaky` answers 500 once, then 201 (the retry keeps the same Idempotency-Key).
 * Evidence images (`PUT …/<reportId>/attachments/<id>`) are taken as the report is; a withdrawal
 * (`DELETE …/<reference>` with a Deletion-Code) answers 204.
 */
const RECEIVER = '/story-receiver/';
const flakySeen = new Set<string>();
const realFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(String(input instanceof Request ? input.url : input), location.href);
  if (!url.pathname.startsWith(RECEIVER)) return realFetch(input, init);
  const [behaviour, , ...rest] = url.pathname.slice(RECEIVER.length).split('/');
  const key = new Headers(init?.headers).get('Idempotency-Key') ?? '';
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  await new Promise((resolve) => setTimeout(resolve, 600)); // a phone network
  if (behaviour === 'offline') throw new TypeError('Failed to fetch');
  if (init?.method === 'DELETE') return new Response(null, { status: 204 });
  if (init?.method === 'PUT' && rest[1] === 'attachments') return json(201, { id: rest[2] });
  if (behaviour === 'refused') {
    return json(400, { error: 'The report does not match the report schema.', details: ['/description: too short'] });
  }
  if (behaviour === 'flaky' && !flakySeen.has(key)) {
    flakySeen.add(key);
    return json(503, { error: 'Service unavailable' });
  }
  return json(201, { reference: 'KR-7F3K-Q9XM' });
};

/** An image as a phone or a screenshot gives it, drawn here: a wall with a slogan. */
async function pictureFile(name: string, type: 'image/jpeg' | 'image/png', width = 1200, height = 800) {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = type === 'image/png' ? '#f4f4f4' : '#8d8d8d';
  context.fillRect(0, 0, width, height);
  context.fillStyle = '#b00020';
  context.font = `bold ${Math.round(height / 6)}px sans-serif`;
  context.fillText('✗ ✗ ✗', width / 5, height / 2);
  return new File([await canvas.convertToBlob({ type, quality: 0.9 })], name, { type });
}

/** Choose files in the photos step, as a person does with the file picker or the camera. */
async function chooseFiles(canvasElement: HTMLElement, files: File[]) {
  const element = await formOf(canvasElement);
  const input = await control<HTMLInputElement>(element, '#image-file');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

/** Wait until the photos step shows `count` images. */
async function imagesShown(canvasElement: HTMLElement, count: number) {
  const element = canvasElement.querySelector<OcIncidentReport>('oc-incident-report')!;
  for (let tries = 0; tries < 100; tries++) {
    if (element.shadowRoot!.querySelectorAll('.image').length >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A filled-in draft, as a person who reached `step` would have it. */
function draft(changes: Partial<ReportDraft> = {}): ReportDraft {
  return {
    id: crypto.randomUUID(),
    startedAt: 0,
    reporterRole: 'witness',
    incidentTypes: ['graffiti-or-symbols', 'threat'],
    incidentTypeOther: '',
    biasMotivations: ['racism-xenophobia-nationality', 'anti-muslim'],
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
    policeReference: '',
    targets: ['another-person'],
    injuries: '',
    witnesses: '',
    witnessesContact: '',
    perpetratorCount: '',
    perpetratorKnown: '',
    perpetratorDescription: '',
    reportedElsewhere: [],
    organisationName: '',
    organisationReference: '',
    platformReference: '',
    attachments: [],
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
  supportUrl: string;
  supportPhone: string;
  anonymous: boolean;
}

/** Each story has its own endpoint, so drafts (kept per endpoint) do not leak between stories. */
const endpointOf = (args: ReportArgs, id: string) => `${RECEIVER}${args.receiver}/${id}`;

/** The form, once its views (a lazy chunk) have loaded and rendered. */
async function formOf(canvasElement: HTMLElement) {
  const element = canvasElement.querySelector<OcIncidentReport>('oc-incident-report')!;
  await element.viewsReady;
  await element.updateComplete;
  return element;
}

/** A control in the form's shadow root, once it is there. */
async function control<T extends HTMLElement>(element: OcIncidentReport, selector: string): Promise<T> {
  return waitFor(
    () => {
      const found = element.shadowRoot!.querySelector<T>(selector);
      if (!found) throw new Error(`${selector} is not in the form`);
      return found;
    },
    { timeout: 10_000 },
  );
}

/** The form's text, with spaces as a person reads them. */
const textOf = (element: OcIncidentReport) => (element.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');

/**
 * Send the report on the check step, as a person would: consent, then Send. Resolves with the events
 * the form fired (`oc-report-submitted`, `oc-report-queued`), in order, once `until` fired or `ms` passed.
 */
async function sendFrom(
  canvasElement: HTMLElement,
  { until = 'oc-report-submitted', ms = 10_000 }: { until?: string; ms?: number } = {},
): Promise<CustomEvent[]> {
  const element = await formOf(canvasElement);
  const seen: CustomEvent[] = [];
  const outcome = new Promise<CustomEvent[]>((resolve) => {
    const record = (event: Event) => {
      seen.push(event as CustomEvent);
      if (event.type === until) resolve(seen);
    };
    element.addEventListener('oc-report-submitted', record);
    element.addEventListener('oc-report-queued', record);
    setTimeout(() => resolve(seen), ms);
  });
  (await control<HTMLInputElement>(element, '#consent')).click();
  await element.updateComplete;
  (await control<HTMLButtonElement>(element, 'button[type="submit"]')).click();
  return outcome;
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
    supportUrl: 'https://www.krakow.pl/',
    supportPhone: '+48 12 616 12 34',
    anonymous: true,
  },
  argTypes: {
    receiver: {
      control: 'inline-radio',
      options: ['ok', 'offline', 'refused', 'flaky'],
      description: 'How the fake receiver answers',
    },
    step: {
      control: 'select',
      options: ['start', 'role', 'what', 'where', 'when', 'details', 'evidence', 'contact', 'review'],
    },
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
      support-url=${args.supportUrl || nothing}
      support-phone=${args.supportPhone || nothing}
      .minFillMs=${0}
      .retryDelayMs=${1500}
    ></oc-incident-report>`,
};
export default meta;

type Story = StoryObj<ReportArgs>;

/**
 * The first step: who is reporting, and (optionally) who or what was targeted. Anonymous by default;
 * the emergency number and quick exit on top; under the step, a way to withdraw a report sent earlier.
 */
export const Start: Story = {};

/**
 * Step 2: what happened, in three short groups that open on demand, and the suspected bias: each
 * OSCE/ODIHR category its own choice.
 */
export const WhatHappened: Story = { args: { step: 'what' } };

/** Step 3: online (a link) or in a place (description, optional district and rounded location). */
export const Where: Story = { args: { step: 'where' } };

/** Step 4: the date (with Today and Yesterday), and the time if remembered. */
export const When: Story = { args: { step: 'when' } };

/**
 * Step 5: the description in the person's own words, whether the police know, and what a caseworker
 * asks first (injuries, witnesses, who did it, reported elsewhere), each optional and closed until asked for.
 */
export const Details: Story = { args: { step: 'details' } };

/** Step 6, optional: no photos yet. Each image is re-encoded on the device, without its metadata. */
export const Photos: Story = { args: { step: 'evidence' } };

/** A photo and a screenshot added: previews, a description each (their alt text), move and remove. */
export const WithEvidence: Story = {
  args: { step: 'evidence' },
  play: async ({ canvasElement }) => {
    await chooseFiles(canvasElement, [
      await pictureFile('IMG_2041.jpg', 'image/jpeg'),
      await pictureFile('Screenshot 2026-11-20.png', 'image/png', 1080, 1920),
    ]);
    await imagesShown(canvasElement, 2);
    const element = await formOf(canvasElement);
    await expect(element.shadowRoot!.querySelectorAll('.image').length).toBe(2);
  },
};

/** Files that cannot be added, each with its reason: another type, too big, not an image the browser can open. */
export const EvidenceRefused: Story = {
  args: { step: 'evidence' },
  play: async ({ canvasElement }) => {
    await chooseFiles(canvasElement, [
      new File([new TextEncoder().encode('GIF89a')], 'animation.gif', { type: 'image/gif' }),
      new File([new Uint8Array(26 * 1024 * 1024)], 'IMG_0001.jpg', { type: 'image/jpeg' }),
      new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2])], 'broken.jpg', { type: 'image/jpeg' }),
    ]);
  },
};

/** Step 6: a reply is optional; contact fields appear only when the person asks for one. */
export const ContactWanted: Story = { args: { step: 'contact', anonymous: false } };

/** Step 7: check every answer, change any of them, give explicit consent and send. */
export const CheckAndSend: Story = { args: { step: 'review' } };

/** Continue with nothing chosen: messages next to the fields and a focused error summary. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const element = await formOf(canvasElement);
    (await control<HTMLButtonElement>(element, 'button[type="submit"]')).click();
    const summary = await control<HTMLElement>(element, '.error-summary');
    await waitFor(() => expect(element.shadowRoot!.activeElement).toBe(summary));
    await expect(summary.querySelectorAll('a, li').length).toBeGreaterThan(0);
  },
};

/**
 * Outcome: accepted. The receiver's reference and the code to withdraw the report (made on the device;
 * only its SHA-256 was sent), what happens next, where to get support (`support-url`, `support-phone`).
 */
export const Sent: Story = {
  args: { step: 'review' },
  play: async ({ canvasElement }) => {
    const events = await sendFrom(canvasElement);
    await expect(events.map((event) => event.type)).toEqual(['oc-report-submitted']);
    await expect(events[0].detail.reference).toBe('KR-7F3K-Q9XM');
    const element = await formOf(canvasElement);
    await waitFor(() => expect(textOf(element)).toContain('KR-7F3K-Q9XM'));
    await expect(element.shadowRoot!.querySelector('.deletion-code')).not.toBeNull();
  },
};

/** Outcome: a 503 first, then accepted on the retry, with the same Idempotency-Key. */
export const SentAfterRetry: Story = {
  args: { step: 'review', receiver: 'flaky' },
  play: async ({ canvasElement }) => {
    // The first answer is a 503: the report is kept (queued); the retry, after retryDelayMs (1.5 s),
    // is accepted, for the same report.
    const events = await sendFrom(canvasElement, { ms: 15_000 });
    await expect(events.map((event) => event.type)).toEqual(['oc-report-queued', 'oc-report-submitted']);
    await expect(events[1].detail.id).toBe(events[0].detail.id);
    await expect(events[1].detail.reference).toBe('KR-7F3K-Q9XM');
    const element = await formOf(canvasElement);
    await waitFor(() => expect(textOf(element)).toContain('KR-7F3K-Q9XM'));
  },
};

/**
 * Outcome: no connection. The report is saved on this device until it is sent (retried with back-off,
 * when the browser is back online, and on the next visit), with a way to delete it.
 */
export const Queued: Story = {
  args: { step: 'review', receiver: 'offline' },
  play: async ({ canvasElement }) => {
    const events = await sendFrom(canvasElement, { until: 'oc-report-queued' });
    await expect(events.map((event) => event.type)).toEqual(['oc-report-queued']);
    const element = await formOf(canvasElement);
    await waitFor(() => expect(element.shadowRoot!.querySelector('.outcome.queued')).not.toBeNull());
  },
};

/**
 * Outcome: no connection, with two images. The report and its images are saved on this device (images
 * in IndexedDB) and sent again, each image once, before the report; the code to withdraw it is shown.
 */
export const QueuedWithEvidence: Story = {
  args: { step: 'evidence', receiver: 'offline' },
  play: async ({ canvasElement }) => {
    await chooseFiles(canvasElement, [
      await pictureFile('IMG_2041.jpg', 'image/jpeg'),
      await pictureFile('IMG_2042.jpg', 'image/jpeg', 800, 1200),
    ]);
    await imagesShown(canvasElement, 2);
    const element = await formOf(canvasElement);
    await expect(element.shadowRoot!.querySelectorAll('.image').length).toBe(2);
    (await control<HTMLButtonElement>(element, 'button[type="submit"]')).click(); // to contact
    await waitFor(() => expect(element.shadowRoot!.querySelector('#image-file')).toBeNull());
    (await control<HTMLButtonElement>(element, 'button[type="submit"]')).click(); // to the check page
    await control<HTMLInputElement>(element, '#consent');
    const events = await sendFrom(canvasElement, { until: 'oc-report-queued' });
    await expect(events.map((event) => event.type)).toEqual(['oc-report-queued']);
  },
};

/** Outcome: the receiver refused it (400). Its reason is shown and the draft is kept. */
export const Refused: Story = {
  args: { step: 'review', receiver: 'refused' },
  play: async ({ canvasElement }) => {
    const element = await formOf(canvasElement);
    const events = await sendFrom(canvasElement, { ms: 3_000 });
    await expect(events).toEqual([]);
    // The receiver's details are shown as they came; the reason in the page's language.
    await waitFor(() => expect(textOf(element)).toContain('/description: too short'), { timeout: 5_000 });
    await expect(element.shadowRoot!.querySelector('.error-summary')).not.toBeNull();
    await expect(element.shadowRoot!.querySelector('#consent')).not.toBeNull();
  },
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
