import type { ReactiveController } from 'lit';
import { webUrl, type OcElement } from '@open-city/core';
import { clearDraft } from './draft-clear.js';
import type { OutboxEntry, Rejection, ReportSender, SendResult } from './outbox.js';
import type { IncidentReportPayload, ReportDraft } from './report-model.js';
import { shellText } from './shell-messages.js';

/**
 * The outbox and its sender load beside the views, not with the element: the first paint (the top
 * bar, the quick exit, the attribute checks) needs neither, and the form's views import them too.
 */
const loadSender = () => import('./outbox.js');

/** What the report shows below its top bar; `gone` after the quick exit. */
export type View = 'form' | 'sent' | 'queued' | 'gone';

/** A neutral page that reveals nothing when someone looks at the screen or the history. */
export const DEFAULT_EXIT_URL = 'https://www.google.com/';

/** The element that the controller serves: its typed `emit`, and the settings for tests and unusual sites. */
export type ReportHost = OcElement & { retryDelayMs: number; minFillMs: number; clock: () => number };

/** The element's checked attributes (its ConfigController): the usable value, or undefined. */
export interface ReportConfig {
  get<K extends keyof ReportSettings>(property: K): ReportSettings[K] | undefined;
}

/** The attributes the report reads, by property, with the type of their usable value. */
export interface ReportSettings {
  endpoint: string;
  privacyUrl: string;
  exitUrl: string;
  timeZone: string;
  supportUrl: string;
  supportPhone: string;
  /** `heading-level`: the level of the form's top headings (1 to 6, default 2). */
  headingLevel: number;
}

/** What the report needs of the form being filled in (FormController, which loads with the views). */
export interface ReportForm {
  /** The endpoint whose draft the form holds. */
  readonly endpoint: string;
  readonly draft: ReportDraft;
  /** The draft was sent (or taken for a bot's): hold an empty one, so that it is never sent twice. */
  forget(): void;
  /** An empty draft, from the first step. */
  startAgain(): void;
  /**
   * The receiver refused `entry`: back to the check step with its reason. False when the form keeps
   * another draft instead (`shown`: whether the person was looking at that report).
   */
  refused(entry: OutboxEntry, rejection: Rejection, shown: boolean): boolean;
  /** The quick exit: forget the draft's images too. */
  forgetImages(): void;
}

/** Where the form comes from: the element's LazyViewsController, whose module makes it. */
export interface FormSource<F extends ReportForm> {
  readonly module?: { FormController: new (report: ReportController<F>, endpoint: string) => F };
  readonly ready: Promise<void>;
}

/**
 * The report's way to the receiver, and what the widget shows: the endpoint, the outbox (a report
 * queued on an earlier visit is sent as soon as the outbox loads, without waiting for the form), the outcome (sent,
 * queued, refused), where focus goes next, and the quick exit. The form being filled in (`form`)
 * comes with the views; without a usable endpoint there is none, and nothing is kept or sent.
 */
export class ReportController<F extends ReportForm = ReportForm> implements ReactiveController {
  view: View = 'form';
  /** The draft and the form's actions, once the views are in. */
  form?: F;
  /** The receiver's reference of the report just sent. */
  reference = '';
  /** Whether the report just sent asked for a reply (for "what happens next"). */
  sentWithContact = false;
  /** The code that withdraws the report just sent (shown with its reference). */
  deletionCode = '';
  sending = false;
  /** A short message in the live region (an earlier report sent, a saved one deleted). */
  notice = '';

  /** The endpoint this form sends to; undefined while the attribute is missing or unusable. */
  private endpoint?: string;
  private sender?: ReportSender;
  /** Counts connections, so that a sender that loads after a change of endpoint is not started. */
  private connection = 0;
  /** Settles once this endpoint's outbox is read and its sending started (or there is none). */
  senderReady: Promise<void> = Promise.resolve();
  /** The report shown in the queued view, waiting in the outbox. */
  private queuedId = '';
  private escapePresses: number[] = [];
  /** A selector to focus after the next render: the step heading, the error summary, the outcome. */
  private focusTarget?: string;

  private readonly onDocumentKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    const now = this.host.clock();
    this.escapePresses = [...this.escapePresses.filter((time) => now - time < 2000), now];
    if (this.escapePresses.length >= 3) this.quickExit();
  };

  constructor(
    readonly host: ReportHost,
    readonly config: ReportConfig,
    private readonly formSource: FormSource<F>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.onDocumentKeydown);
    // Back in the document after a move: pick up the outbox again.
    if (this.endpoint && !this.sender) this.connect(this.endpoint);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.onDocumentKeydown);
    this.connection++;
    this.sender?.dispose();
    this.sender = undefined;
  }

  hostUpdate(): void {
    const endpoint = this.config.get('endpoint');
    if (endpoint !== this.endpoint) this.connect(endpoint);
    if (this.form && this.form.endpoint !== endpoint) this.form = undefined;
    // Restores this endpoint's draft: before the views render it, in this same update.
    const { module } = this.formSource;
    if (endpoint && module && !this.form) this.form = new module.FormController(this, endpoint);
  }

  hostUpdated(): void {
    if (!this.focusTarget) return;
    const target = this.host.renderRoot.querySelector<HTMLElement>(this.focusTarget);
    this.focusTarget = undefined;
    target?.focus();
  }

  /** Move focus to `selector` after the next render. */
  focus(selector: string): void {
    this.focusTarget = selector;
    this.host.requestUpdate();
  }

  /** Send a report; one that cannot reach the receiver yet waits in the outbox, and shows as queued. */
  async submit(payload: IncidentReportPayload, deletionCode: string): Promise<void> {
    if (!this.sender) await this.senderReady;
    if (!this.sender) return;
    this.sentWithContact = !payload.anonymous;
    this.sending = true;
    this.host.requestUpdate();
    let result: SendResult | undefined;
    try {
      result = await this.sender.submit(payload, deletionCode);
    } finally {
      this.sending = false;
      this.host.requestUpdate();
    }
    if (result?.kind === 'retry') {
      // The outbox (localStorage) holds it now; the draft in the tab is no longer needed.
      clearDraft(this.endpoint!);
      this.queuedId = payload.id;
      this.deletionCode = deletionCode;
      this.view = 'queued';
      // By its id: the heading's level follows `heading-level`.
      this.focus('#outcome-title');
      this.host.emit('oc-report-queued', { id: payload.id });
    }
  }

  /** Show the sent outcome with `reference`; the stored draft is no longer needed. */
  finish(reference: string, withContact: boolean, deletionCode = ''): void {
    if (this.endpoint) clearDraft(this.endpoint);
    this.sentWithContact = withContact;
    this.reference = reference;
    this.deletionCode = deletionCode;
    this.view = 'sent';
    this.focus('#outcome-title');
  }

  /** Try the queued report again now. */
  retryNow(): void {
    this.sender?.resume();
  }

  /** Delete the queued report, and start a new one. */
  discardQueued(): void {
    this.sender?.discard(this.queuedId);
    this.queuedId = '';
    if (this.endpoint) clearDraft(this.endpoint);
    this.startAgain();
    this.notice = shellText.discarded();
  }

  /** Back to an empty form, from the sent or queued outcome. */
  startAgain(): void {
    if (this.view === 'sent') this.notice = '';
    this.reference = '';
    this.deletionCode = '';
    this.view = 'form';
    this.form?.startAgain();
    this.host.requestUpdate();
  }

  /** Leave at once for `exit-url`, replacing this page in the history, and forget the draft. */
  quickExit(): void {
    const url = webUrl(this.config.get('exitUrl')) ?? DEFAULT_EXIT_URL;
    if (!this.host.emit('oc-quick-exit', { url }, { cancelable: true })) return;
    if (this.endpoint) clearDraft(this.endpoint);
    this.form?.forgetImages();
    this.view = 'gone';
    this.host.requestUpdate();
    window.location.replace(url);
  }

  /** Send what earlier visits left in the outbox of this endpoint, and what is submitted from now on. */
  private connect(endpoint: string | undefined): void {
    this.sender?.dispose();
    this.sender = undefined;
    this.endpoint = endpoint;
    const connection = ++this.connection;
    this.senderReady = !endpoint
      ? Promise.resolve()
      : loadSender().then(
          ({ ReportSender }) => {
            if (connection !== this.connection) return;
            this.sender = new ReportSender({
              endpoint,
              retryDelayMs: this.host.retryDelayMs,
              onAccepted: (entry, reference) => this.accepted(entry, reference),
              onRejected: (entry, rejection) => void this.rejected(entry, rejection),
            });
            // A report sent on an earlier visit that has not reached the receiver yet: show it, send it now.
            const waiting = this.sender.outbox.forEndpoint(endpoint)[0];
            if (waiting) {
              this.queuedId = waiting.id;
              this.deletionCode = waiting.deletionCode ?? '';
              this.view = 'queued';
            }
            this.sender.resume();
            this.host.requestUpdate();
          },
          // The views import the same module: their loader shows the problem and offers a retry.
          () => undefined,
        );
  }

  private accepted(entry: OutboxEntry, reference: string): void {
    this.host.emit('oc-report-submitted', { id: entry.id, reference });
    const form = this.form;
    const fromDraft = entry.id === form?.draft.id;
    if (fromDraft || entry.id === this.queuedId) {
      this.queuedId = '';
      this.finish(reference, !entry.body.anonymous, entry.deletionCode);
      if (fromDraft) form!.forget();
    } else {
      // Its deletion code was shown when it was saved on the device (the queued view).
      this.notice = shellText.earlierSent(reference);
      this.host.requestUpdate();
    }
  }

  private async rejected(entry: OutboxEntry, rejection: Rejection): Promise<void> {
    // A report queued on an earlier visit can be refused before the form has loaded; the form
    // warns the site and shows the person why.
    if (!this.form) await this.formSource.ready;
    if (!this.form?.refused(entry, rejection, entry.id === this.queuedId)) return;
    this.queuedId = '';
    this.view = 'form';
    this.host.requestUpdate();
  }
}
