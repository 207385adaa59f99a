/** Shared by the element's test files: a fake receiver on window.fetch, and drafts to start from. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
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

/** One request as the evidence receiver saw it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * A receiver that keeps the contract (CONTRACT.md, `<oc-incident-report>`): `PUT
 * {endpoint}/{reportId}/attachments/{id}` answers 201 for new bytes, 200 for the same bytes again,
 * 409 for other bytes; `POST {endpoint}` answers 409 while an attachment it lists is missing (or
 * has other bytes), 201 with a reference for a new report, 200 for the same key again;
 * `DELETE {endpoint}/{reference}` answers 204 (and forgets the report and its images) when the
 * `Deletion-Code` header hashes to the report's `deletionCodeSha256`, else 404.
 * `fail(request, index)` may break a request: 'offline' (nothing reaches the receiver), 'lost'
 * (stored, then the answer is lost), or an answer to give instead.
 */
export interface EvidenceReceiver {
  requests: ReceivedRequest[];
  images: Map<string, { type: string; bytes: Uint8Array<ArrayBuffer>; sha256: string }>;
  reports: Map<string, Record<string, unknown>>;
  /** Answers 201 (stored for the first time), per attachment id or report id. */
  created: Map<string, number>;
  fail?: (request: ReceivedRequest, index: number) => 'offline' | 'lost' | Answer | undefined;
  restore(): void;
}

export async function sha256Of(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function evidenceReceiver(): EvidenceReceiver {
  const realFetch = window.fetch;
  const receiver: EvidenceReceiver = {
    requests: [],
    images: new Map(),
    reports: new Map(),
    created: new Map(),
    restore: () => {
      window.fetch = realFetch;
    },
  };
  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const created = (id: string) => receiver.created.set(id, (receiver.created.get(id) ?? 0) + 1);
  async function answer(request: ReceivedRequest): Promise<Response> {
    const path = new URL(request.url, location.href).pathname.slice(endpoint.length);
    const put = /^\/([0-9a-f-]{36})\/attachments\/([0-9a-f-]{36})$/.exec(path);
    if (request.method === 'PUT' && put) {
      const [, , id] = put;
      const sha256 = await sha256Of(request.bytes);
      const known = receiver.images.get(id);
      if (known) return known.sha256 === sha256 ? json(200, { id, sha256 }) : json(409, { error: 'Other bytes' });
      receiver.images.set(id, { type: request.headers['Content-Type'], bytes: request.bytes, sha256 });
      created(id);
      return json(201, { id, sha256 });
    }
    if (request.method === 'POST' && path === '') {
      const body = JSON.parse(new TextDecoder().decode(request.bytes));
      const listed = (body.attachments ?? []) as Array<{ id: string; type: string; bytes: number; sha256: string }>;
      const missing = listed.filter((item) => {
        const image = receiver.images.get(item.id);
        return !image || image.sha256 !== item.sha256 || image.bytes.length !== item.bytes || image.type !== item.type;
      });
      if (missing.length > 0) return json(409, { error: 'Attachments missing', code: 'attachments-missing' });
      const reference = `KR-${body.id.slice(0, 4).toUpperCase()}-TEST`;
      if (receiver.reports.has(body.id)) return json(200, { reference });
      receiver.reports.set(body.id, body);
      created(body.id);
      return json(201, { reference });
    }
    // Withdrawal: the report whose reference this is, when the code's SHA-256 is the one it carries.
    const withdraw = /^\/([A-Z0-9-]+)$/.exec(path);
    if (request.method === 'DELETE' && withdraw) {
      const code = request.headers['Deletion-Code'] ?? '';
      const hash = await sha256Of(new TextEncoder().encode(code));
      for (const [id, body] of receiver.reports) {
        if (`KR-${id.slice(0, 4).toUpperCase()}-TEST` !== withdraw[1] || body.deletionCodeSha256 !== hash) continue;
        receiver.reports.delete(id);
        for (const item of (body.attachments ?? []) as Array<{ id: string }>) receiver.images.delete(item.id);
        return new Response(null, { status: 204 });
      }
      return json(404, { error: 'No such report' });
    }
    return json(404, { error: 'Not here' });
  }
  window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: ReceivedRequest = {
      method: init.method ?? 'GET',
      url: String(input),
      headers: { ...(init.headers as Record<string, string>) },
      bytes: new Uint8Array(await new Response(init.body ?? null).arrayBuffer()),
    };
    receiver.requests.push(request);
    const failure = receiver.fail?.(request, receiver.requests.length - 1);
    if (failure === 'offline') throw new TypeError('Failed to fetch');
    if (failure === 'lost') {
      await answer(request);
      throw new TypeError('The network connection was lost');
    }
    if (failure) {
      return new Response(JSON.stringify(failure.body ?? {}), { status: failure.status, headers: failure.headers });
    }
    return answer(request);
  };
  return receiver;
}

/** An image drawn on a canvas, encoded by the browser: left half red, right half blue. */
export async function drawnImage(width: number, height: number, type = 'image/png'): Promise<Uint8Array<ArrayBuffer>> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#d00000';
  context.fillRect(0, 0, width / 2, height);
  context.fillStyle = '#0000d0';
  context.fillRect(width / 2, 0, width / 2, height);
  return new Uint8Array(await (await canvas.convertToBlob({ type, quality: 0.9 })).arrayBuffer());
}

/**
 * A JPEG as a phone writes it: an APP1 Exif segment right after SOI, with the orientation (6:
 * turn 90° clockwise to show) and a GPS IFD (50°3'42.13" N, 19°56'12.34" E, Kraków).
 */
export async function jpegWithGps(width = 40, height = 20): Promise<Uint8Array<ArrayBuffer>> {
  const jpeg = await drawnImage(width, height, 'image/jpeg');
  const tiff = new DataView(new ArrayBuffer(140));
  let at = 0;
  const u16 = (value: number) => (tiff.setUint16(at, value, true), (at += 2));
  const u32 = (value: number) => (tiff.setUint32(at, value, true), (at += 4));
  const entry = (tag: number, type: number, count: number, value: number, short = false) => {
    u16(tag);
    u16(type);
    u32(count);
    if (short) {
      u16(value);
      u16(0);
    } else u32(value);
  };
  u16(0x4949); // "II": little-endian
  u16(42);
  u32(8); // IFD0
  u16(2);
  entry(0x0112, 3, 1, 6, true); // Orientation
  entry(0x8825, 4, 1, 38); // GPSInfo: the GPS IFD's offset
  u32(0);
  u16(4); // GPS IFD, at 38
  entry(0x0001, 2, 2, 0x4e); // GPSLatitudeRef "N\0"
  entry(0x0002, 5, 3, 92); // GPSLatitude, 3 rationals at 92
  entry(0x0003, 2, 2, 0x45); // GPSLongitudeRef "E\0"
  entry(0x0004, 5, 3, 116); // GPSLongitude, at 116
  u32(0);
  for (const [numerator, denominator] of [
    [50, 1],
    [3, 1],
    [4213, 100],
    [19, 1],
    [56, 1],
    [1234, 100],
  ]) {
    u32(numerator);
    u32(denominator);
  }
  const exif = new Uint8Array([0x45, 0x78, 0x69, 0x66, 0, 0, ...new Uint8Array(tiff.buffer)]);
  const length = exif.length + 2;
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff, ...exif, ...jpeg.subarray(2)]);
}

/** The markers of a JPEG's segments before its image data (APP0 = 0xe0, APP1 = 0xe1 …). */
export function jpegMarkers(bytes: Uint8Array): number[] {
  const markers: number[] = [];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    markers.push(marker);
    if (marker === 0xda) break; // start of scan: the pixels follow
    at += 2 + ((bytes[at + 2] << 8) | bytes[at + 3]);
  }
  return markers;
}

/** Whether `bytes` holds the ASCII text `needle` anywhere. */
export function holdsText(bytes: Uint8Array, needle: string): boolean {
  const pattern = new TextEncoder().encode(needle);
  outer: for (let at = 0; at + pattern.length <= bytes.length; at++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/** Choose files in the evidence step's file input, as the picker would. */
export async function chooseFiles(element: OcIncidentReport, files: File[]): Promise<void> {
  const input = $<HTMLInputElement>(element, '#image-file');
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  await element.updateComplete;
}

// --- the keyboard alone (journeys) ----------------------------------------------------------------

/**
 * The control focused in the form, after checking that focus is in it (`document.activeElement`
 * is the host, the shadow root's `activeElement` a control) and can be seen: `:focus-visible`
 * matches, and an outline of at least 2 px or a box shadow is drawn.
 */
export function focusedVisibly(element: OcIncidentReport, step = ''): HTMLElement {
  const where = step ? `${step}: ` : '';
  // Booleans, not elements: chai printing a failed comparison of elements can stall the page.
  const outside = document.activeElement?.localName;
  expect(document.activeElement === element, `${where}focus is in the form, not on <${outside}>`).to.equal(true);
  const active = element.shadowRoot!.activeElement as HTMLElement | null;
  expect(active !== null, `${where}an element of the form has focus`).to.equal(true);
  expect(active!.matches(':focus-visible'), `${where}:focus-visible on ${active!.outerHTML.slice(0, 80)}`).to.equal(
    true,
  );
  const style = getComputedStyle(active!);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  expect(
    outline || style.boxShadow !== 'none',
    `${where}a focus indicator on ${active!.outerHTML.slice(0, 60)}`,
  ).to.equal(true);
  return active!;
}

/** One key, or a chord such as `Shift+Tab` or `Control+a`, pressed as a person would. */
export async function sendKey(key: string): Promise<void> {
  const [modifier, main] = key.includes('+') ? key.split('+') : [undefined, key];
  if (modifier) await sendKeys({ down: modifier });
  await sendKeys({ press: main });
  if (modifier) await sendKeys({ up: modifier });
}

/** Press a key, let the form render what it caused, and give the control focused then (visibly). */
export async function pressKey(element: OcIncidentReport, key: string, step = ''): Promise<HTMLElement> {
  await sendKey(key);
  await element.updateComplete;
  await element.updateComplete;
  return focusedVisibly(element, step);
}

/** Tab (or Shift+Tab) until the focused control matches `selector`, at most `max` presses. */
export async function tabTo(
  element: OcIncidentReport,
  selector: string,
  { back = false, max = 40 } = {},
): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    await sendKey(back ? 'Shift+Tab' : 'Tab');
    await element.updateComplete;
    const active = element.shadowRoot!.activeElement as HTMLElement | null;
    if (active?.matches(selector)) return focusedVisibly(element, `Tab to ${selector}`);
  }
  throw new Error(`${selector} was not reached with ${back ? 'Shift+Tab' : 'Tab'}`);
}

/** Type text into the focused field, key by key. */
export async function typeKeys(element: OcIncidentReport, text: string): Promise<void> {
  await sendKeys({ type: text });
  await element.updateComplete;
}
