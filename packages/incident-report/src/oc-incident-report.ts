import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_TIME_ZONE,
  LazyViewsController,
  OcElement,
  getLocale,
  isValidTimeZone,
  lazyModule,
  renderProblem,
  warnOnce,
} from '@open-city/core';
import { clearDraft, loadDraft, saveDraft } from './draft-store.js';
import { incidentReportStyles } from './oc-incident-report.styles.js';
import { ReportSender, type OutboxEntry, type SendResult } from './outbox.js';
import { newDraft, type ReportDraft } from './report-model.js';
import { shellText } from './shell-messages.js';
import { steps, type Step } from './steps.js';
import type { StepErrors } from './validation.js';
import { webUrl } from './web-url.js';

type Views = typeof import('./views.js');
/**
 * The form's steps, fields and outcomes load after the element, in parallel with the page: the
 * emergency number and the quick exit, and the sending of queued reports, need none of them.
 */
const loadViews = lazyModule(() => import('./views.js'));

export interface ReportSubmittedDetail {
  id: string;
  reference: string;
}
export interface ReportQueuedDetail {
  id: string;
}
export interface QuickExitDetail {
  url: string;
}

declare module '@open-city/core' {
  interface OcEventDetails {
    'oc-report-submitted': ReportSubmittedDetail;
    'oc-report-queued': ReportQueuedDetail;
    'oc-quick-exit': QuickExitDetail;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oc-incident-report': OcIncidentReport;
  }
}

type View = 'form' | 'sent' | 'queued' | 'gone';

/** A neutral page that reveals nothing when someone looks at the screen or the history. */
const DEFAULT_EXIT_URL = 'https://www.google.com/';

/** Same shape as the receiver's references, so that a bot cannot tell it was not sent. */
function decoyReference(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  const pick = () =>
    Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => alphabet[byte % alphabet.length]).join('');
  return `KR-${pick()}-${pick()}`;
}

/**
 * @tagname oc-incident-report
 * @summary Report a racist, xenophobic or other discriminatory incident, anonymously if you wish;
 * the report is never lost.
 *
 * A short guided form, one question per step, anonymous by default. The draft is kept in
 * `sessionStorage` across reloads; a sent report that cannot reach the receiver is kept on the device
 * and sent again (with the same `Idempotency-Key`) until it is accepted.
 *
 * @event oc-report-submitted - The receiver accepted a report. `detail: { id, reference }`.
 * @event oc-report-queued - A report could not be sent yet and is kept to be sent later. `detail: { id }`.
 * @event oc-quick-exit - The person pressed the quick exit; cancel it to stay. `detail: { url }`.
 *
 * @csspart base - The whole form.
 * @csspart top-bar - The emergency number and the quick exit, always visible.
 * @csspart exit - The quick-exit button.
 * @csspart progress - The step indicator.
 * @csspart error-summary - The list of problems shown above the form.
 * @csspart error - The message when `endpoint` is missing.
 * @csspart confirmation - The outcome after sending, or while a report waits to be sent.
 * @csspart button - Buttons that move between steps or send.
 *
 * @cssproperty --oc-color-accent - Buttons, links, the current step and focus rings.
 * @cssproperty --oc-color-on-accent - Text on accent buttons.
 * @cssproperty --oc-color-error - Error messages and borders.
 * @cssproperty --oc-color-error-surface - Background of the error summary.
 * @cssproperty --oc-color-exit - Background of the quick-exit button (default a dark red).
 * @cssproperty --oc-color-text - Body text.
 * @cssproperty --oc-color-text-muted - Hints.
 * @cssproperty --oc-color-border - Field borders.
 * @cssproperty --oc-color-background - Field backgrounds.
 * @cssproperty --oc-color-surface - Panels.
 * @cssproperty --oc-radius - Corner radius.
 * @cssproperty --oc-font-size - Base font size (default 16px).
 */
export class OcIncidentReport extends OcElement {
  static override tagName = 'oc-incident-report';

  static override styles = [...OcElement.styles, incidentReportStyles];

  /** URL that receives reports (POST, JSON). Required: without it the form says so and sends nothing. */
  @property() accessor endpoint: string | null = null;

  /** Link to the privacy notice shown at consent. */
  @property({ attribute: 'privacy-url' }) accessor privacyUrl: string | null = null;

  /** Where the quick exit goes (the history entry is replaced). Default: a search engine. */
  @property({ attribute: 'exit-url' }) accessor exitUrl: string | null = null;

  /** Emergency number shown at the top, as a `tel:` link. */
  @property({ attribute: 'emergency-number' }) accessor emergencyNumber = '112';

  /** IANA time zone for "today" (the latest date allowed, the Today and Yesterday buttons). */
  @property({ attribute: 'time-zone' }) accessor timeZone = DEFAULT_TIME_ZONE;

  /** First delay between sending attempts (ms); doubles each time, with jitter. Set before connecting. */
  @property({ attribute: false }) accessor retryDelayMs = 2000;

  /** Reports submitted sooner than this (ms) after the form first appeared are taken for bots and not sent. */
  @property({ attribute: false }) accessor minFillMs = 3000;

  /** The clock (ms since epoch); replaceable so that tests do not depend on real time. */
  @property({ attribute: false }) accessor clock: () => number = () => Date.now();

  /** @internal */
  @state() accessor draft: ReportDraft = newDraft();
  /** @internal */
  @state() accessor step: Step = 'role';
  /** @internal */
  @state() accessor view: View = 'form';
  /** @internal */
  @state() accessor errors: StepErrors = {};
  /** @internal */
  @state() accessor rejection: { reason: string; details: string[] } | undefined = undefined;
  /** @internal */
  @state() accessor reference = '';
  /** @internal */
  @state() accessor sending = false;
  @state() private accessor notice = '';
  /** @internal */
  @state() accessor locationProblem = false;
  /** The report shown in the queued view, waiting in the outbox. */
  @state() private accessor queuedId = '';
  /** Whether the report just sent asked for a reply (for "what happens next"). */
  /** @internal */
  @state() accessor sentWithContact = false;

  private readonly lazyViews = new LazyViewsController(this, loadViews);

  /** @internal The views, once loaded. */
  get views(): Views | undefined {
    return this.lazyViews.module;
  }

  /** @internal */
  sender?: ReportSender;
  private returnToReview = false;
  /** @internal */
  honeypot = '';
  private escapePresses: number[] = [];
  /** Move focus after the next render: to the step heading, the error summary, or a field. */
  private focusAfterRender?: string;

  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    const now = this.clock();
    this.escapePresses = [...this.escapePresses.filter((time) => now - time < 2000), now];
    if (this.escapePresses.length >= 3) this.quickExit();
  };

  /** Settles once the form's views have loaded and rendered (for tests, stories and embedding code). */
  get viewsReady(): Promise<void> {
    return this.lazyViews.ready;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onDocumentKeydown);
    // Back in the document after a move: pick up the outbox again.
    if (this.hasUpdated && !this.sender) this.connectEndpoint();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeydown);
    this.sender?.dispose();
    this.sender = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('endpoint')) this.connectEndpoint();
    // The attribute checks travel with the views; warnOnce keeps each warning to one.
    this.views?.checkAttributes(this, DEFAULT_EXIT_URL);
  }

  protected override updated(): void {
    if (!this.focusAfterRender) return;
    const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterRender);
    this.focusAfterRender = undefined;
    target?.focus();
  }

  /** Restore this endpoint's draft and send what earlier visits left in the outbox. */
  private connectEndpoint(): void {
    this.sender?.dispose();
    this.sender = undefined;
    const endpoint = this.endpoint?.trim();
    if (!endpoint) {
      warnOnce(
        this,
        'endpoint is missing: set it to the URL that receives reports. The form will not pretend to send.',
      );
      return;
    }
    const stored = loadDraft(endpoint);
    if (stored) {
      this.draft = stored.draft;
      this.step = stored.step;
    } else {
      this.draft = newDraft(this.clock());
    }
    this.sender = new ReportSender({
      endpoint,
      retryDelayMs: this.retryDelayMs,
      onAccepted: (entry, reference) => this.accepted(entry, reference),
      onRejected: (entry, result) => void this.rejected(entry, result),
    });
    // A report sent on an earlier visit that has not reached the receiver yet: show it, send it now.
    const waiting = this.sender.outbox.forEndpoint(endpoint)[0];
    if (waiting) {
      this.queuedId = waiting.id;
      this.view = 'queued';
    }
    this.sender.resume();
  }

  // --- navigation and state -------------------------------------------------------------------

  /** @internal */
  get stepIndex(): number {
    return steps.indexOf(this.step);
  }

  /** Today's date (YYYY-MM-DD) in `time-zone`, moved by `days`. */
  /** @internal */
  today(days = 0): string {
    const zone = isValidTimeZone(this.timeZone) ? this.timeZone : DEFAULT_TIME_ZONE;
    return this.views!.isoToday(zone, this.clock(), days);
  }

  /** @internal */
  change(changes: Partial<ReportDraft>): void {
    this.draft = { ...this.draft, ...changes };
    // A field that was wrong is re-checked as the person fixes it.
    if (Object.keys(this.errors).length > 0)
      this.errors = this.views!.validateStep(this.step, this.draft, this.today());
    this.persist();
  }

  private persist(): void {
    if (this.endpoint) saveDraft(this.endpoint, { draft: this.draft, step: this.step });
  }

  private goTo(step: Step): void {
    this.step = step;
    this.errors = {};
    this.rejection = undefined;
    this.persist();
    this.focusAfterRender = '#step-title';
  }

  /** @internal */
  onContinue(event: Event): void {
    event.preventDefault();
    if (this.sending) return;
    const errors = this.views!.validateStep(this.step, this.draft, this.today());
    this.errors = errors;
    if (Object.keys(errors).length > 0) {
      this.focusAfterRender = '.error-summary';
      return;
    }
    if (this.step === 'review') {
      void this.send();
      return;
    }
    if (this.returnToReview) {
      // Back to the check page, unless the change left another step incomplete (e.g. online → offline).
      const invalid = this.views!.firstInvalidStep(this.draft, this.today());
      if (!invalid) this.returnToReview = false;
      this.goTo(invalid ?? 'review');
      return;
    }
    this.goTo(steps[this.stepIndex + 1]);
  }

  /** "Change" on the check page: after that step, Continue comes back to the check page. */
  /** @internal */
  editStep(step: Step): void {
    this.returnToReview = true;
    this.goTo(step);
  }

  /** @internal */
  onBack(): void {
    if (this.stepIndex > 0) this.goTo(steps[this.stepIndex - 1]);
  }

  // --- sending --------------------------------------------------------------------------------

  private async send(): Promise<void> {
    const invalid = this.views!.firstInvalidStep(this.draft, this.today());
    if (invalid) {
      this.goTo(invalid);
      this.errors = this.views!.validateStep(invalid, this.draft, this.today());
      this.focusAfterRender = '.error-summary';
      return;
    }
    const locale = getLocale();
    // Spam protection that excludes no person: a field people never see, and a minimum fill time.
    // A bot is shown the usual confirmation, so it learns nothing; nothing is sent or kept.
    if (this.honeypot || this.clock() - this.draft.startedAt < this.minFillMs) {
      this.sentWithContact = !this.draft.anonymous;
      this.finish('sent', decoyReference());
      this.draft = newDraft(this.clock());
      return;
    }
    if (!this.sender) return;
    const payload = this.views!.buildPayload(this.draft, {
      locale,
      now: new Date(this.clock()),
      privacyUrl: webUrl(this.privacyUrl),
    });
    this.sentWithContact = !payload.anonymous;
    this.sending = true;
    let result: SendResult | undefined;
    try {
      result = await this.sender.submit(payload);
    } finally {
      this.sending = false;
    }
    if (result?.kind === 'retry') {
      // The outbox (localStorage) holds it now; the draft in the tab is no longer needed.
      clearDraft(this.endpoint!);
      this.queuedId = payload.id;
      this.view = 'queued';
      this.focusAfterRender = '[part="confirmation"] h2';
      this.emit('oc-report-queued', { id: payload.id });
    }
  }

  private accepted(entry: OutboxEntry, reference: string): void {
    this.emit('oc-report-submitted', { id: entry.id, reference });
    if (entry.id === this.draft.id || entry.id === this.queuedId) {
      this.sentWithContact = !entry.body.anonymous;
      this.queuedId = '';
      this.finish('sent', reference);
      if (entry.id === this.draft.id) this.draft = newDraft(this.clock());
    } else {
      this.notice = shellText.earlierSent(reference);
    }
  }

  private async rejected(entry: OutboxEntry, result: Extract<SendResult, { kind: 'rejected' }>): Promise<void> {
    warnOnce(this, `the receiver refused a report (${result.status}): ${result.reason}`);
    if (entry.id !== this.draft.id) {
      // A report queued on an earlier visit: give it back to the person as a draft, unless they
      // have started another one meanwhile. This can happen before the views have loaded.
      if (entry.id !== this.queuedId && !this.isPristine()) return;
      const views = this.views ?? (await loadViews());
      this.draft = views.draftFromPayload(entry.body);
    }
    this.queuedId = '';
    // The draft is kept: back to the last step, with the receiver's reason.
    this.view = 'form';
    this.step = 'review';
    this.rejection = { reason: result.reason, details: result.details };
    this.persist();
    this.focusAfterRender = '.error-summary';
  }

  private finish(view: 'sent', reference: string): void {
    if (this.endpoint) clearDraft(this.endpoint);
    this.reference = reference;
    this.view = view;
    this.focusAfterRender = '[part="confirmation"] h2';
  }

  private isPristine(): boolean {
    const draft = this.draft;
    return !draft.reporterRole && draft.incidentTypes.length === 0 && !draft.description.trim();
  }

  /** @internal */
  startAgain(): void {
    if (this.view === 'sent') this.notice = '';
    this.draft = newDraft(this.clock());
    this.reference = '';
    this.view = 'form';
    this.goTo('role');
  }

  /** @internal */
  discardQueued(): void {
    this.sender?.discard(this.queuedId);
    this.queuedId = '';
    if (this.endpoint) clearDraft(this.endpoint);
    this.startAgain();
    this.notice = shellText.discarded();
  }

  /** Leave at once for `exit-url`, replacing this page in the history, and forget the draft. */
  quickExit(): void {
    const url = webUrl(this.exitUrl) ?? DEFAULT_EXIT_URL;
    if (!this.emit('oc-quick-exit', { url }, { cancelable: true })) return;
    if (this.endpoint) clearDraft(this.endpoint);
    this.view = 'gone';
    window.location.replace(url);
  }

  /** @internal */
  addLocation(): void {
    this.locationProblem = false;
    if (!navigator.geolocation) {
      this.locationProblem = true;
      return;
    }
    navigator.geolocation.getCurrentPosition(
      // Kept rounded to about 100 m from the start: the precise position is never stored.
      ({ coords }) =>
        this.change({ point: this.views!.coarsen({ latitude: coords.latitude, longitude: coords.longitude }) }),
      () => (this.locationProblem = true),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  // --- rendering ------------------------------------------------------------------------------

  protected override render() {
    if (this.view === 'gone') return html``;
    return html`<div class="report" part="base">
      <div class="top-bar" part="top-bar">
        <p class="emergency">
          ${shellText.emergency()}
          <a href="tel:${this.emergencyNumber.replace(/[^0-9+]/g, '')}" dir="ltr">${this.emergencyNumber}</a>
        </p>
        <button type="button" class="exit" part="exit" @click=${() => this.quickExit()} aria-describedby="exit-hint">
          ${shellText.quickExit()}
        </button>
        <span id="exit-hint" class="visually-hidden">${shellText.quickExitHint()}</span>
      </div>
      <div role="status" class="live">
        ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
        ${this.sending ? html`<p class="visually-hidden">${shellText.sendingStatus()}</p>` : nothing}
      </div>
      ${
        !this.endpoint?.trim()
          ? renderProblem(shellText.noEndpoint())
          : (this.views?.renderBody(this) ?? this.lazyViews.renderPending())
      }
    </div>`;
  }
}
