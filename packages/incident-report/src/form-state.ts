import type { ReactiveController } from 'lit';
import { RefusedError, getLocale, warnOnce, webUrl } from '@open-city/core';
import { decoyReference } from './decoy.js';
import { deletionCodeHash, makeDeletionCode } from './deletion-code.js';
import { readDraft, saveDraft } from './draft-store.js';
import { EvidenceState, type EvidenceHost } from './evidence-state.js';
import { Outbox, outboxKey, type OutboxEntry, type Rejection } from './outbox.js';
import { buildPayload, coarsen, draftFromPayload } from './payload.js';
import { newDraft, restoreStoredDraft, type ReportDraft } from './report-model.js';
import type { ReportController, ReportForm } from './report-state.js';
import { steps, type Step } from './steps.js';
import { firstInvalidStep, isoToday, validateStep, type StepErrors } from './validation.js';
import { WithdrawalState, type WithdrawalHost } from './withdrawal-state.js';

/** What the form needs of the report it belongs to (a ReportController). */
export type FormSession = Pick<
  ReportController,
  'host' | 'config' | 'sending' | 'focus' | 'submit' | 'finish' | 'form'
>;

/**
 * The report being filled in, and the form's actions: the draft (kept in sessionStorage per
 * endpoint, so it survives a reload, and its images in IndexedDB), the step, what is missing, the
 * receiver's refusal, which sections are open, the withdrawal of an earlier report. Made by the
 * ReportController once the views have loaded: nothing here is needed before the form is shown.
 */
export class FormController implements ReportForm, EvidenceHost, WithdrawalHost, ReactiveController {
  draft: ReportDraft;
  step: Step = 'role';
  errors: StepErrors = {};
  /** Why the receiver refused the report; shown in the error summary until the person moves on. */
  rejection?: RefusedError;
  /** The device could not give its location. */
  locationProblem = false;
  /** The draft's images. */
  readonly evidence: EvidenceState;
  /** Withdrawing a report sent earlier, with its reference and code. */
  readonly withdrawal: WithdrawalState;

  /** Sections the person opened or closed (groups of choices, optional questions), by name. */
  private readonly disclosures = new Map<string, boolean>();
  /** Send was pressed and the report is being prepared (the code's hash): not twice. */
  private preparing = false;

  /** The field that people never see: a bot fills it in. */
  private honeypot = '';
  /** After "Change" on the check page, Continue comes back to it. */
  private returnToReview = false;

  constructor(
    private readonly session: FormSession,
    readonly endpoint: string,
  ) {
    const stored = restoreStoredDraft(readDraft(endpoint));
    this.draft = stored?.draft ?? newDraft(session.host.clock());
    if (stored) this.step = stored.step;
    this.evidence = new EvidenceState(this);
    this.withdrawal = new WithdrawalState(this);
    void this.evidence.follow(this.draft);
    // Connected now: the element tells it when it leaves the page and comes back.
    session.host.addController(this);
  }

  hostConnected(): void {
    this.evidence.reclaim();
  }

  /** The previews are canvases: drawn once they are in the page. */
  hostUpdated(): void {
    if (this.session.form === this) {
      this.evidence.paint(this.session.host.renderRoot);
      return;
    }
    // Replaced by the form of another endpoint: let go of the element (after this update's loop)
    // and of the draft's images.
    this.evidence.release();
    queueMicrotask(() => this.session.host.removeController(this));
  }

  /** Off the page, the draft's images are no longer held by it (another form may forget them). */
  hostDisconnected(): void {
    this.evidence.release();
  }

  /** Render again, and move focus to `selector` after that when given. */
  refresh(selector?: string): void {
    if (selector) this.session.focus(selector);
    else this.session.host.requestUpdate();
  }

  /** Ids of this endpoint's reports waiting in the outbox: their images stay on the device. */
  queuedIds(): string[] {
    return new Outbox(undefined, outboxKey(this.endpoint)).forEndpoint(this.endpoint).map((entry) => entry.id);
  }

  clock(): number {
    return this.session.host.clock();
  }

  /** Whether a section is open: as the person left it, else open when it holds an answer. */
  isOpen(name: string, answered: boolean): boolean {
    return this.disclosures.get(name) ?? answered;
  }

  /** The person opened or closed a section. */
  toggle(name: string, open: boolean): void {
    if (this.disclosures.get(name) === open) return;
    this.disclosures.set(name, open);
    this.session.host.requestUpdate();
  }

  get stepIndex(): number {
    return steps.indexOf(this.step);
  }

  get sending(): boolean {
    return this.session.sending;
  }

  /** The privacy notice to link at consent, when the site set a usable one. */
  get privacyUrl(): string | undefined {
    return webUrl(this.session.config.get('privacyUrl'));
  }

  /** The level of the form's top headings (`heading-level`); its inner headings are one below. */
  get headingLevel(): number {
    return this.session.config.get('headingLevel') ?? 2;
  }

  /** Today's date (YYYY-MM-DD) in `time-zone`, moved by `days`. */
  today(days = 0): string {
    return isoToday(this.session.config.get('timeZone')!, this.session.host.clock(), days);
  }

  change(changes: Partial<ReportDraft>): void {
    this.draft = { ...this.draft, ...changes };
    // A field that was wrong is re-checked as the person fixes it.
    if (Object.keys(this.errors).length > 0) this.errors = validateStep(this.step, this.draft, this.today());
    this.persist();
    this.session.host.requestUpdate();
  }

  /** Continue, or Send on the check page: the step must be complete first. */
  next(): void {
    if (this.sending) return;
    const errors = validateStep(this.step, this.draft, this.today());
    this.errors = errors;
    this.session.host.requestUpdate();
    if (Object.keys(errors).length > 0) {
      this.session.focus('.error-summary');
    } else if (this.step === 'review') {
      void this.send();
    } else if (this.returnToReview) {
      // Back to the check page, unless the change left another step incomplete (e.g. online → offline).
      const invalid = firstInvalidStep(this.draft, this.today());
      if (!invalid) this.returnToReview = false;
      this.goTo(invalid ?? 'review');
    } else {
      this.goTo(steps[this.stepIndex + 1]);
    }
  }

  back(): void {
    if (this.stepIndex > 0) this.goTo(steps[this.stepIndex - 1]);
  }

  /** "Change" on the check page: after that step, Continue comes back to the check page. */
  edit(step: Step): void {
    this.returnToReview = true;
    this.goTo(step);
  }

  /** What was typed into the hidden field that only bots fill in. */
  fillHoneypot(value: string): void {
    this.honeypot = value;
  }

  /** Add the device's position, rounded to about 100 m from the start: the precise one is never kept. */
  addLocation(): void {
    const located = (problem: boolean) => {
      this.locationProblem = problem;
      this.session.host.requestUpdate();
    };
    located(false);
    if (!navigator.geolocation) return located(true);
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        this.change({ point: coarsen(coords) });
        // "Add location" is replaced by the location and its Remove button: focus goes there.
        this.session.focus('#remove-location');
      },
      () => located(true),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  /** Take the device location off the report; focus goes back to "Add location", which replaces it. */
  removeLocation(): void {
    this.change({ point: null });
    this.session.focus('#add-location');
  }

  forget(): void {
    this.evidence.forget(this.draft, true);
    this.draft = newDraft(this.session.host.clock());
    this.disclosures.clear();
    void this.evidence.follow(this.draft);
  }

  forgetImages(): void {
    this.evidence.forget(this.draft, true);
  }

  startAgain(): void {
    this.forget();
    this.goTo('role');
  }

  refused(entry: OutboxEntry, rejection: Rejection, shown: boolean): boolean {
    const refusal = new RefusedError(entry.endpoint, rejection.status, rejection.reason, rejection.details);
    warnOnce(this.session.host, `${refusal.message}. ${refusal.advice}`);
    if (entry.id !== this.draft.id) {
      // A report queued on an earlier visit: give it back to the person as a draft, unless they
      // have started another one meanwhile. Its images are still on the device.
      if (!shown && !this.isPristine()) return false;
      this.evidence.forget(this.draft, true);
      this.draft = draftFromPayload(entry.body);
      void this.evidence.follow(this.draft);
    }
    // The draft is kept: back to the last step, with the receiver's reason.
    this.step = 'review';
    this.rejection = refusal;
    this.persist();
    this.session.focus('.error-summary');
    return true;
  }

  private persist(): void {
    saveDraft(this.endpoint, { draft: this.draft, step: this.step });
  }

  private goTo(step: Step): void {
    this.step = step;
    this.errors = {};
    this.rejection = undefined;
    this.persist();
    this.session.focus('#step-title');
  }

  private async send(): Promise<void> {
    if (this.preparing) return;
    const invalid = firstInvalidStep(this.draft, this.today());
    if (invalid) {
      this.goTo(invalid);
      this.errors = validateStep(invalid, this.draft, this.today());
      this.session.focus('.error-summary');
      return;
    }
    // Spam protection that excludes no person: a field people never see, and a minimum fill time.
    // A bot is shown the usual confirmation, so it learns nothing; nothing is sent or kept.
    const host = this.session.host;
    if (this.honeypot || host.clock() - this.draft.startedAt < host.minFillMs) {
      this.session.finish(decoyReference(), !this.draft.anonymous, makeDeletionCode());
      this.forget();
      return;
    }
    // The code that withdraws the report stays on the device; the receiver gets its hash.
    const code = makeDeletionCode();
    this.preparing = true;
    try {
      const payload = buildPayload(this.draft, {
        locale: getLocale(),
        now: new Date(host.clock()),
        privacyUrl: this.privacyUrl,
        deletionCodeSha256: await deletionCodeHash(code),
      });
      await this.session.submit(payload, code);
    } finally {
      this.preparing = false;
    }
  }

  private isPristine(): boolean {
    const draft = this.draft;
    return !draft.reporterRole && draft.incidentTypes.length === 0 && !draft.description.trim();
  }
}
