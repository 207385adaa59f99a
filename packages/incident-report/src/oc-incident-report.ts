import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_TIME_ZONE,
  OcElement,
  addDays,
  directionOf,
  getLocale,
  isValidTimeZone,
  renderProblem,
  supportedLocales,
  warnOnce,
  zonedParts,
} from '@open-city/core';
import { clearDraft, loadDraft, saveDraft } from './draft-store.js';
import {
  biasLabel,
  errorText,
  incidentTypeLabel,
  policeLabel,
  roleLabel,
  stepShortName,
  stepTitle,
  text,
} from './messages.js';
import { incidentReportStyles } from './oc-incident-report.styles.js';
import { ReportSender, type OutboxEntry, type SendResult } from './outbox.js';
import {
  biasMotivations,
  buildPayload,
  coarsen,
  incidentTypes,
  krakowDistricts,
  draftFromPayload,
  newDraft,
  policeAnswers,
  reporterRoles,
  type ReportDraft,
} from './report-model.js';
import {
  firstInvalidStep,
  isoDateIn,
  maxDescriptionLength,
  steps,
  validateStep,
  type Field,
  type Step,
  type StepErrors,
} from './validation.js';

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

/** Only http(s) links, absolute or relative to the page; anything else (javascript:, data:) is refused. */
function webUrl(value: string | null | undefined): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

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

  @state() private accessor draft: ReportDraft = newDraft();
  @state() private accessor step: Step = 'role';
  @state() private accessor view: View = 'form';
  @state() private accessor errors: StepErrors = {};
  @state() private accessor rejection: { reason: string; details: string[] } | undefined = undefined;
  @state() private accessor reference = '';
  @state() private accessor sending = false;
  @state() private accessor notice = '';
  @state() private accessor locationProblem = false;
  /** The report shown in the queued view, waiting in the outbox. */
  @state() private accessor queuedId = '';
  /** Whether the report just sent asked for a reply (for "what happens next"). */
  @state() private accessor sentWithContact = false;

  private sender?: ReportSender;
  private returnToReview = false;
  private honeypot = '';
  private escapePresses: number[] = [];
  /** Move focus after the next render: to the step heading, the error summary, or a field. */
  private focusAfterRender?: string;

  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    const now = this.clock();
    this.escapePresses = [...this.escapePresses.filter((time) => now - time < 2000), now];
    if (this.escapePresses.length >= 3) this.quickExit();
  };

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
    if (!this.hasUpdated || changed.has('privacyUrl')) {
      if (!this.privacyUrl) {
        warnOnce(
          this,
          'privacy-url is not set: the consent step shows a short plain-language notice instead. Link your privacy notice (GDPR Art. 13).',
        );
      } else if (!webUrl(this.privacyUrl)) {
        warnOnce(this, `privacy-url="${this.privacyUrl}" is not an http(s) URL, so it is not linked.`);
      }
    }
    if ((!this.hasUpdated || changed.has('exitUrl')) && this.exitUrl && !webUrl(this.exitUrl)) {
      warnOnce(this, `exit-url="${this.exitUrl}" is not an http(s) URL; the quick exit goes to ${DEFAULT_EXIT_URL}.`);
    }
    if ((!this.hasUpdated || changed.has('timeZone')) && !isValidTimeZone(this.timeZone)) {
      warnOnce(this, `time-zone="${this.timeZone}" is not an IANA time zone; using ${DEFAULT_TIME_ZONE}.`);
    }
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
      onRejected: (entry, result) => this.rejected(entry, result),
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

  private get stepIndex(): number {
    return steps.indexOf(this.step);
  }

  /** Today's date (YYYY-MM-DD) in `time-zone`, moved by `days`. */
  private today(days = 0): string {
    const zone = isValidTimeZone(this.timeZone) ? this.timeZone : DEFAULT_TIME_ZONE;
    return isoDateIn(addDays(zonedParts(this.clock(), zone), days));
  }

  private change(changes: Partial<ReportDraft>): void {
    this.draft = { ...this.draft, ...changes };
    // A field that was wrong is re-checked as the person fixes it.
    if (Object.keys(this.errors).length > 0) this.errors = validateStep(this.step, this.draft, this.today());
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

  private onContinue(event: Event): void {
    event.preventDefault();
    if (this.sending) return;
    const errors = validateStep(this.step, this.draft, this.today());
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
      const invalid = firstInvalidStep(this.draft, this.today());
      if (!invalid) this.returnToReview = false;
      this.goTo(invalid ?? 'review');
      return;
    }
    this.goTo(steps[this.stepIndex + 1]);
  }

  /** "Change" on the check page: after that step, Continue comes back to the check page. */
  private editStep(step: Step): void {
    this.returnToReview = true;
    this.goTo(step);
  }

  private onBack(): void {
    if (this.stepIndex > 0) this.goTo(steps[this.stepIndex - 1]);
  }

  // --- sending --------------------------------------------------------------------------------

  private async send(): Promise<void> {
    const invalid = firstInvalidStep(this.draft, this.today());
    if (invalid) {
      this.goTo(invalid);
      this.errors = validateStep(invalid, this.draft, this.today());
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
    const payload = buildPayload(this.draft, {
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
      this.notice = text.earlierSent(reference);
    }
  }

  private rejected(entry: OutboxEntry, result: Extract<SendResult, { kind: 'rejected' }>): void {
    warnOnce(this, `the receiver refused a report (${result.status}): ${result.reason}`);
    if (entry.id !== this.draft.id) {
      // A report queued on an earlier visit: give it back to the person as a draft, unless they
      // have started another one meanwhile.
      if (entry.id !== this.queuedId && !this.isPristine()) return;
      this.draft = draftFromPayload(entry.body);
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

  private startAgain(): void {
    if (this.view === 'sent') this.notice = '';
    this.draft = newDraft(this.clock());
    this.reference = '';
    this.view = 'form';
    this.goTo('role');
  }

  private discardQueued(): void {
    this.sender?.discard(this.queuedId);
    this.queuedId = '';
    if (this.endpoint) clearDraft(this.endpoint);
    this.startAgain();
    this.notice = text.discarded();
  }

  /** Leave at once for `exit-url`, replacing this page in the history, and forget the draft. */
  quickExit(): void {
    const url = webUrl(this.exitUrl) ?? DEFAULT_EXIT_URL;
    if (!this.emit('oc-quick-exit', { url }, { cancelable: true })) return;
    if (this.endpoint) clearDraft(this.endpoint);
    this.view = 'gone';
    window.location.replace(url);
  }

  private addLocation(): void {
    this.locationProblem = false;
    if (!navigator.geolocation) {
      this.locationProblem = true;
      return;
    }
    navigator.geolocation.getCurrentPosition(
      // Kept rounded to about 100 m from the start: the precise position is never stored.
      ({ coords }) => this.change({ point: coarsen({ latitude: coords.latitude, longitude: coords.longitude }) }),
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
          ${text.emergency()}
          <a href="tel:${this.emergencyNumber.replace(/[^0-9+]/g, '')}" dir="ltr">${this.emergencyNumber}</a>
        </p>
        <button type="button" class="exit" part="exit" @click=${() => this.quickExit()} aria-describedby="exit-hint">
          ${text.quickExit()}
        </button>
        <span id="exit-hint" class="visually-hidden">${text.quickExitHint()}</span>
      </div>
      <div role="status" class="live">
        ${this.notice ? html`<p class="notice">${this.notice}</p>` : nothing}
        ${this.sending ? html`<p class="visually-hidden">${text.sendingStatus()}</p>` : nothing}
      </div>
      ${
        !this.endpoint?.trim()
          ? renderProblem(text.noEndpoint())
          : this.view === 'sent'
            ? this.renderSent()
            : this.view === 'queued'
              ? this.renderQueued()
              : this.renderForm()
      }
    </div>`;
  }

  private renderProgress() {
    return html`<div class="progress" part="progress">
      <p class="step-count">${text.stepOf(this.stepIndex + 1, steps.length)}</p>
      <ol class="steps" aria-label=${text.steps()}>
        ${steps.map(
          (step, index) =>
            html`<li
              class=${index < this.stepIndex ? 'done' : index === this.stepIndex ? 'current' : ''}
              aria-current=${index === this.stepIndex ? 'step' : nothing}
            >
              <span class="step-number" aria-hidden="true">${index + 1}</span>
              <span class="step-name">${stepShortName(step)}</span>
              ${index < this.stepIndex ? html`<span class="visually-hidden">(${text.done()})</span>` : nothing}
            </li>`,
        )}
      </ol>
    </div>`;
  }

  private renderErrorSummary() {
    const entries = Object.entries(this.errors) as Array<[Field, NonNullable<StepErrors[Field]>]>;
    if (entries.length === 0 && !this.rejection) return nothing;
    // As GOV.UK does: the summary receives focus (which announces it), so no role="alert" to avoid a double reading.
    return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-title">
      <h3 id="error-title">${text.problem()}</h3>
      <ul>
        ${
          this.rejection
            ? html`<li>${text.rejected(this.rejection.reason)}</li>
                ${this.rejection.details.map((detail) => html`<li>${detail}</li>`)}`
            : nothing
        }
        ${entries.map(
          ([field, code]) =>
            html`<li>
              <a href="#${field}" @click=${(event: Event) => this.focusField(event, field)}
                >${errorText(field, code)}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private focusField(event: Event, field: Field): void {
    event.preventDefault();
    const target =
      this.renderRoot.querySelector<HTMLElement>(`#${field}`) ??
      this.renderRoot.querySelector<HTMLElement>(`[data-field="${field}"] input`);
    target?.focus();
  }

  private fieldError(field: Field) {
    const code = this.errors[field];
    return code
      ? html`<p class="field-error" id="${field}-error">
          <span class="visually-hidden">${text.errorPrefix()}</span> ${errorText(field, code)}
        </p>`
      : nothing;
  }

  private describedBy(field: Field, hint?: string): string | typeof nothing {
    const ids = [hint, this.errors[field] ? `${field}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderForm() {
    const last = this.step === 'review';
    return html`<form novalidate @submit=${this.onContinue} aria-labelledby="step-title">
      ${this.renderProgress()}
      <h2 id="step-title" tabindex="-1">${stepTitle(this.step)}</h2>
      ${this.renderErrorSummary()} ${this.renderStep()}
      <div class="trap" aria-hidden="true">
        <label for="website">${text.honeypot()}</label>
        <input
          id="website"
          name="website"
          type="text"
          tabindex="-1"
          autocomplete="off"
          @input=${(event: Event) => (this.honeypot = (event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="actions">
        ${
          this.stepIndex > 0
            ? html`<button type="button" class="button secondary" part="button" @click=${this.onBack}>
                ${text.back()}
              </button>`
            : nothing
        }
        <button type="submit" class="button primary" part="button" ?disabled=${this.sending}>
          ${last ? (this.sending ? text.sending() : text.send()) : text.continue()}
        </button>
      </div>
    </form>`;
  }

  private renderStep(): TemplateResult {
    switch (this.step) {
      case 'role':
        return html`<p class="intro">${text.intro()}</p>
          ${this.radioGroup('reporterRole', null, reporterRoles, roleLabel, this.draft.reporterRole, (value) =>
            this.change({ reporterRole: value }),
          )}`;
      case 'what':
        return html`${this.checkboxGroup(
          'incidentTypes',
          null,
          incidentTypes,
          incidentTypeLabel,
          this.draft.incidentTypes,
          (values) => this.change({ incidentTypes: values }),
        )}
        ${
          this.draft.incidentTypes.includes('other')
            ? this.textInput('incidentTypeOther', text.otherWhat(), this.draft.incidentTypeOther, (value) =>
                this.change({ incidentTypeOther: value }),
              )
            : nothing
        }
        ${this.checkboxGroup(
          'biasMotivations',
          text.biasQuestion(),
          biasMotivations,
          biasLabel,
          this.draft.biasMotivations,
          (values) => this.change({ biasMotivations: values }),
        )}
        ${
          this.draft.biasMotivations.includes('other')
            ? this.textInput('biasMotivationOther', text.otherWhy(), this.draft.biasMotivationOther, (value) =>
                this.change({ biasMotivationOther: value }),
              )
            : nothing
        }`;
      case 'where':
        return this.renderWhere();
      case 'when':
        return html`${this.textInput(
            'occurredOn',
            text.date(),
            this.draft.occurredOn,
            (value) => this.change({ occurredOn: value }),
            {
              type: 'date',
              max: this.today(),
              hint: text.dateHint(),
            },
          )}
          <div class="quick-dates">
            <button type="button" class="button secondary" @click=${() => this.change({ occurredOn: this.today() })}>
              ${text.today()}
            </button>
            <button type="button" class="button secondary" @click=${() => this.change({ occurredOn: this.today(-1) })}>
              ${text.yesterday()}
            </button>
          </div>
          ${this.textInput(
            'occurredAt',
            text.time(),
            this.draft.occurredAt,
            (value) => this.change({ occurredAt: value }),
            {
              type: 'time',
              hint: text.timeHint(),
            },
          )}`;
      case 'details':
        return this.renderDetails();
      case 'contact':
        return this.renderContact();
      case 'review':
        return this.renderReview();
    }
  }

  private renderWhere() {
    const kinds = ['offline', 'online'] as const;
    const kindLabel = (kind: (typeof kinds)[number]) => (kind === 'online' ? text.online() : text.offline());
    return html`${this.radioGroup('placeKind', null, kinds, kindLabel, this.draft.placeKind, (value) =>
      this.change({ placeKind: value }),
    )}
    ${
      this.draft.placeKind === 'online'
        ? this.textInput('url', text.url(), this.draft.url, (value) => this.change({ url: value }), {
            autocomplete: 'url',
          })
        : nothing
    }
    ${
      this.draft.placeKind === 'offline'
        ? html`${this.textArea(
              'placeDescription',
              text.placeDescription(),
              this.draft.placeDescription,
              (value) => this.change({ placeDescription: value }),
              {
                hint: text.placeHint(),
                rows: 3,
                maxlength: 1000,
              },
            )}
            <div class="field">
              <label for="district">${text.district()}</label>
              <select
                id="district"
                @change=${(event: Event) => this.change({ district: (event.target as HTMLSelectElement).value })}
              >
                <option value="" ?selected=${!this.draft.district}>${text.noDistrict()}</option>
                ${krakowDistricts.map(
                  (district) =>
                    html`<option value=${district} lang="pl" ?selected=${this.draft.district === district}>
                      ${district}
                    </option>`,
                )}
              </select>
            </div>
            <div class="field location">
              ${
                this.draft.point
                  ? html`<p role="status">${text.locationAdded()}</p>
                      <button type="button" class="button secondary" @click=${() => this.change({ point: null })}>
                        ${text.removeLocation()}
                      </button>`
                  : html`<button type="button" class="button secondary" @click=${this.addLocation}>
                      ${text.addLocation()}
                    </button>`
              }
              ${this.locationProblem ? html`<p class="field-error" role="alert">${text.locationFailed()}</p>` : nothing}
            </div>`
        : nothing
    }`;
  }

  private renderDetails() {
    const left = maxDescriptionLength - this.draft.description.length;
    return html`${this.textArea(
        'description',
        text.description(),
        this.draft.description,
        (value) => this.change({ description: value }),
        {
          hint: text.descriptionHint(),
          rows: 7,
          maxlength: maxDescriptionLength,
        },
      )}
      <p class="hint count" aria-live="polite">${left < 500 ? text.charactersLeft(Math.max(0, left)) : nothing}</p>
      ${this.radioGroup(
        'reportedToPolice',
        text.police(),
        policeAnswers,
        policeLabel,
        this.draft.reportedToPolice,
        (value) => this.change({ reportedToPolice: value }),
      )}`;
  }

  private renderContact() {
    const choices = ['anonymous', 'contact'] as const;
    const label = (choice: (typeof choices)[number]) =>
      choice === 'anonymous' ? text.stayAnonymous() : text.allowContact();
    return html`${this.radioGroup(
      'contact',
      text.contactQuestion(),
      choices,
      label,
      this.draft.anonymous ? 'anonymous' : 'contact',
      (value) => this.change({ anonymous: value === 'anonymous' }),
    )}
    ${
      this.draft.anonymous
        ? html`<p class="hint">${text.anonymousNote()}</p>`
        : html`<p class="hint" id="contact-hint">${text.contactHint()}</p>
            ${this.textInput('name', text.name(), this.draft.name, (value) => this.change({ name: value }), { autocomplete: 'name' })}
            ${this.textInput('email', text.email(), this.draft.email, (value) => this.change({ email: value }), {
              type: 'email',
              autocomplete: 'email',
              dir: 'ltr',
            })}
            ${this.textInput('phone', text.phone(), this.draft.phone, (value) => this.change({ phone: value }), {
              type: 'tel',
              autocomplete: 'tel',
              dir: 'ltr',
            })}
            <div class="field">
              <label for="preferredLanguage">${text.replyLanguage()}</label>
              <select
                id="preferredLanguage"
                @change=${(event: Event) => this.change({ preferredLanguage: (event.target as HTMLSelectElement).value })}
              >
                ${supportedLocales.map((locale) => {
                  const selected = (this.draft.preferredLanguage || getLocale()) === locale;
                  return html`<option value=${locale} lang=${locale} dir=${directionOf(locale)} ?selected=${selected}>
                    ${new Intl.DisplayNames([locale], { type: 'language' }).of(locale)}
                  </option>`;
                })}
              </select>
            </div>`
    }`;
  }

  private renderReview() {
    const draft = this.draft;
    const listOf = (values: string[]) =>
      values.length ? new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(values) : text.notGiven();
    const rows: Array<[Step, string, string]> = [
      ['role', stepTitle('role'), draft.reporterRole ? roleLabel(draft.reporterRole) : text.notGiven()],
      [
        'what',
        stepTitle('what'),
        listOf(
          draft.incidentTypes.map((type) =>
            type === 'other' && draft.incidentTypeOther ? draft.incidentTypeOther : incidentTypeLabel(type),
          ),
        ),
      ],
      [
        'what',
        text.biasQuestion(),
        listOf(
          draft.biasMotivations.map((bias) =>
            bias === 'other' && draft.biasMotivationOther ? draft.biasMotivationOther : biasLabel(bias),
          ),
        ),
      ],
      [
        'where',
        stepTitle('where'),
        draft.placeKind === 'online'
          ? draft.url
          : [draft.placeDescription, draft.district, draft.point ? text.locationAdded() : '']
              .filter(Boolean)
              .join(' · '),
      ],
      [
        'when',
        stepTitle('when'),
        [draft.occurredOn ? this.formatDay(draft.occurredOn) : '', draft.occurredAt].filter(Boolean).join(', '),
      ],
      ['details', text.reviewDescription(), draft.description],
      ['details', text.police(), draft.reportedToPolice ? policeLabel(draft.reportedToPolice) : text.notGiven()],
      [
        'contact',
        stepTitle('contact'),
        draft.anonymous
          ? text.anonymousAnswer()
          : [draft.name, draft.email, draft.phone].filter((part) => part.trim()).join(' · '),
      ],
    ];
    return html`<dl class="summary">
        ${rows.map(
          ([step, question, answer]) =>
            html`<div class="summary-row">
              <dt>${question}</dt>
              <dd class="answer" dir="auto">${answer || text.notGiven()}</dd>
              <dd>
                <button type="button" class="link-button" @click=${() => this.editStep(step)}>
                  ${text.change()}<span class="visually-hidden">: ${question}</span>
                </button>
              </dd>
            </div>`,
        )}
      </dl>
      <div class="field consent ${this.errors.consent ? 'has-error' : ''}" data-field="consent">
        ${this.fieldError('consent')}
        <div class="choice">
          <input
            id="consent"
            type="checkbox"
            .checked=${draft.consent}
            aria-describedby=${this.describedBy('consent', 'privacy')}
            aria-invalid=${this.errors.consent ? 'true' : nothing}
            @change=${(event: Event) => this.change({ consent: (event.target as HTMLInputElement).checked })}
          />
          <label for="consent">${text.consent()}</label>
        </div>
        <p class="hint" id="privacy">
          ${
            webUrl(this.privacyUrl)
              ? html`<a href=${webUrl(this.privacyUrl)} target="_blank" rel="noopener noreferrer"
                  >${text.privacyLink()}</a
                >`
              : text.privacyFallback()
          }
        </p>
      </div>`;
  }

  private formatDay(isoDate: string): string {
    const [year, month, day] = isoDate.split('-').map(Number);
    return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(
      Date.UTC(year, month - 1, day),
    );
  }

  private renderSent() {
    return html`<section class="outcome" part="confirmation" aria-labelledby="outcome-title">
      <h2 id="outcome-title" tabindex="-1">${text.sentTitle()}</h2>
      ${
        this.reference
          ? html`<div class="reference">
              <p>${text.reference()}</p>
              <p class="reference-value" dir="ltr">${this.reference}</p>
              <p class="hint">${text.referenceHint()}</p>
            </div>`
          : nothing
      }
      <h3>${text.nextTitle()}</h3>
      <p>${this.sentWithContact ? text.nextContact() : text.nextAnonymous()}</p>
      <h3>${text.supportTitle()}</h3>
      <ul>
        <li>${text.supportEmergency(this.emergencyNumber)}</li>
        <li>${text.supportPolice(this.emergencyNumber)}</li>
        <li>${text.supportHelp()}</li>
      </ul>
      <button type="button" class="button secondary" part="button" @click=${this.startAgain}>${text.another()}</button>
    </section>`;
  }

  private renderQueued() {
    return html`<section class="outcome queued" part="confirmation" aria-labelledby="outcome-title">
      <h2 id="outcome-title" tabindex="-1">${text.queuedTitle()}</h2>
      <p>${text.queuedText()}</p>
      <div class="actions">
        <button type="button" class="button primary" part="button" @click=${() => this.sender?.resume()}>
          ${text.tryNow()}
        </button>
        <button type="button" class="button secondary" part="button" @click=${this.discardQueued}>
          ${text.discard()}
        </button>
      </div>
    </section>`;
  }

  // --- field templates ------------------------------------------------------------------------

  /** `legend` null: the group's question is the step's heading, which labels it (no repeated text). */
  private radioGroup<T extends string>(
    field: Field,
    legend: string | null,
    options: readonly T[],
    label: (option: T) => string,
    selected: string,
    onChange: (value: T) => void,
  ) {
    return html`<fieldset
      class="field ${this.errors[field] ? 'has-error' : ''}"
      data-field=${field}
      aria-labelledby=${legend === null ? 'step-title' : nothing}
      aria-describedby=${this.describedBy(field)}
    >
      ${legend === null ? nothing : html`<legend>${legend}</legend>`} ${this.fieldError(field)}
      ${options.map(
        (option, index) =>
          html`<div class="choice">
            <input
              type="radio"
              id=${index === 0 ? field : `${field}-${option}`}
              name=${field}
              .value=${option}
              .checked=${selected === option}
              @change=${() => onChange(option)}
            />
            <label for=${index === 0 ? field : `${field}-${option}`}>${label(option)}</label>
          </div>`,
      )}
    </fieldset>`;
  }

  private checkboxGroup<T extends string>(
    field: Field,
    legend: string | null,
    options: readonly T[],
    label: (option: T) => string,
    selected: readonly T[],
    onChange: (values: T[]) => void,
  ) {
    return html`<fieldset
      class="field ${this.errors[field] ? 'has-error' : ''}"
      data-field=${field}
      aria-labelledby=${legend === null ? 'step-title' : nothing}
      aria-describedby=${this.describedBy(field, `${field}-hint`)}
    >
      ${legend === null ? nothing : html`<legend>${legend}</legend>`}
      <p class="hint" id="${field}-hint">${text.chooseAll()}</p>
      ${this.fieldError(field)}
      ${options.map(
        (option, index) =>
          html`<div class="choice">
            <input
              type="checkbox"
              id=${index === 0 ? field : `${field}-${option}`}
              .value=${option}
              .checked=${selected.includes(option)}
              @change=${(event: Event) => {
                const checked = (event.target as HTMLInputElement).checked;
                onChange(
                  checked
                    ? options.filter((o) => o === option || selected.includes(o))
                    : selected.filter((o) => o !== option),
                );
              }}
            />
            <label for=${index === 0 ? field : `${field}-${option}`}>${label(option)}</label>
          </div>`,
      )}
    </fieldset>`;
  }

  private textInput(
    field: Field | 'name',
    label: string,
    value: string,
    onInput: (value: string) => void,
    options: { type?: string; hint?: string; autocomplete?: string; max?: string; dir?: string } = {},
  ) {
    const hintId = options.hint ? `${field}-hint` : undefined;
    const error = field === 'name' ? undefined : this.errors[field];
    return html`<div class="field ${error ? 'has-error' : ''}">
      <label for=${field}>${label}</label>
      ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing}
      ${field === 'name' ? nothing : this.fieldError(field)}
      <input
        id=${field}
        type=${options.type ?? 'text'}
        .value=${value}
        max=${options.max ?? nothing}
        dir=${options.dir ?? 'auto'}
        autocomplete=${options.autocomplete ?? 'off'}
        aria-describedby=${field === 'name' ? (hintId ?? nothing) : this.describedBy(field, hintId)}
        aria-invalid=${error ? 'true' : nothing}
        @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private textArea(
    field: Field,
    label: string,
    value: string,
    onInput: (value: string) => void,
    options: { hint?: string; rows?: number; maxlength?: number } = {},
  ) {
    const hintId = options.hint ? `${field}-hint` : undefined;
    return html`<div class="field ${this.errors[field] ? 'has-error' : ''}">
      <label for=${field}>${label}</label>
      ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing} ${this.fieldError(field)}
      <textarea
        id=${field}
        rows=${options.rows ?? 4}
        dir="auto"
        maxlength=${options.maxlength ?? nothing}
        .value=${value}
        aria-describedby=${this.describedBy(field, hintId)}
        aria-invalid=${this.errors[field] ? 'true' : nothing}
        @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}
      ></textarea>
    </div>`;
  }
}
