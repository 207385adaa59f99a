import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import {
  ConfigController,
  DEFAULT_TIME_ZONE,
  headingLevelRule,
  LazyViewsController,
  OcElement,
  lazyModule,
  renderProblem,
  timeZoneRule,
  urlRule,
  warnOnce,
} from '@open-city/core';
import { incidentReportStyles } from './oc-incident-report.styles.js';
import type { FormController } from './form-state.js';
import { phoneRule } from './phone-rule.js';
import { ReportController, type ReportConfig } from './report-state.js';
import { shellText } from './shell-messages.js';
import { renderLiveRegion } from './views/live-region.js';
import { renderTopBar } from './views/top-bar.js';

/**
 * The form's steps, fields, outcomes and logic load after the element, in parallel with the page:
 * the emergency number and the quick exit, the sending of queued reports, and the attribute checks
 * need none of them.
 */
const loadViews = lazyModule(() => import('./views/index.js'));

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
 * @event oc-load-error - `endpoint` cannot be used: not https, this site, or localhost. `detail: { url, message }`.
 *
 * @csspart base - The whole form.
 * @csspart top-bar - The emergency number and the quick exit, always visible.
 * @csspart exit - The quick-exit button.
 * @csspart progress - The step indicator.
 * @csspart error-summary - The list of problems shown above the form.
 * @csspart error - A problem: an attribute that cannot be used (`endpoint` missing or not https), or a part of the form that did not load.
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

  /**
   * URL that receives reports (POST, JSON): https, this site's own origin, or localhost. Required:
   * without a usable one the form says so, and keeps and sends nothing.
   */
  @property() accessor endpoint: string | null = null;

  /** Link to the privacy notice shown at consent. */
  @property({ attribute: 'privacy-url' }) accessor privacyUrl: string | null = null;

  /** Where the quick exit goes (the history entry is replaced). Default: a search engine. */
  @property({ attribute: 'exit-url' }) accessor exitUrl: string | null = null;

  /** Emergency number shown at the top, as a `tel:` link. */
  @property({ attribute: 'emergency-number' }) accessor emergencyNumber = '112';

  /**
   * Where the confirmation sends a person for help after hate or discrimination: a page (http or
   * https) of a support service, e.g. free legal and psychological help for victims.
   */
  @property({ attribute: 'support-url' }) accessor supportUrl: string | null = null;

  /** A phone number of that support service, shown on the confirmation as a `tel:` link. */
  @property({ attribute: 'support-phone' }) accessor supportPhone: string | null = null;

  /**
   * Level of the form's top headings (each step's title, the outcome), 1 to 6, default 2, so that
   * the form fits the host page's outline; headings inside it are one level below.
   */
  @property({ attribute: 'heading-level', type: Number }) accessor headingLevel = 2;

  /** IANA time zone for "today" (the latest date allowed, the Today and Yesterday buttons). */
  @property({ attribute: 'time-zone' }) accessor timeZone = DEFAULT_TIME_ZONE;

  // Settings for tests and unusual sites: plain properties, read when needed (nothing renders
  // from them), so they cost no reactive accessor in the first download.

  /** First delay between sending attempts (ms); doubles each time, with jitter. Set before connecting. */
  retryDelayMs = 2000;

  /** Reports submitted sooner than this (ms) after the form first appeared are taken for bots and not sent. */
  minFillMs = 3000;

  /** The clock (ms since epoch); replaceable so that tests do not depend on real time. */
  clock: () => number = () => Date.now();

  private readonly config = new ConfigController(this, {
    endpoint: urlRule({ secure: true, required: true }),
    privacyUrl: urlRule({ link: true }),
    exitUrl: urlRule({ link: true }),
    timeZone: timeZoneRule(),
    supportUrl: urlRule({ link: true }),
    supportPhone: phoneRule(),
    headingLevel: headingLevelRule(),
  });

  /** The checked attributes as the report reads them: each rule above gives its setting's type. */
  private readonly settings = this.config as unknown as ReportConfig;

  private readonly lazyViews = new LazyViewsController(this, loadViews);

  private readonly report: ReportController<FormController> = new ReportController(this, this.settings, this.lazyViews);

  /** Settles once the form's views have loaded and rendered (for tests, stories and embedding code). */
  get viewsReady(): Promise<void> {
    return Promise.all([this.lazyViews.ready, this.report.senderReady]).then(async () => {
      await this.updateComplete;
    });
  }

  /** Leave at once for `exit-url`, replacing this page in the history, and forget the draft. */
  quickExit(): void {
    this.report.quickExit();
  }

  protected override willUpdate(): void {
    // Not an error (the consent step explains in plain words instead), so a warning and no alert.
    if (!this.privacyUrl) {
      warnOnce(
        this,
        'privacy-url is not set: the consent step shows a short plain-language notice instead. Link your privacy notice (GDPR Art. 13).',
      );
    }
  }

  protected override render() {
    const report = this.report;
    if (report.view === 'gone') return nothing;
    // The emergency number and the quick exit come first, whatever else can be shown.
    return html`<div class="report" part="base">
      ${renderTopBar(this.emergencyNumber, () => report.quickExit())}
      ${
        this.config.blocking
          ? renderProblem(shellText.noEndpoint())
          : html`${this.config.render()} ${renderLiveRegion(report.notice, report.sending)} ${this.renderBody()}`
      }
    </div>`;
  }

  private renderBody() {
    const { view, form } = this.report;
    const views = this.lazyViews.module;
    if (!views || !form) return this.lazyViews.renderPending();
    if (view === 'sent') return views.renderSent(this.report, this.emergencyNumber, this.settings);
    return view === 'queued' ? views.renderQueued(this.report, this.settings) : views.renderForm(form);
  }
}
