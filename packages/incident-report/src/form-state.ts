import { getLocale, webUrl, type RefusedError } from '@open-city/core';
import { decoyReference } from './decoy.js';
import { readDraft, saveDraft } from './draft-store.js';
import type { OutboxEntry } from './outbox.js';
import { buildPayload, coarsen, draftFromPayload } from './payload.js';
import { newDraft, restoreStoredDraft, type ReportDraft } from './report-model.js';
import type { ReportController, ReportForm } from './report-state.js';
import { steps, type Step } from './steps.js';
import { firstInvalidStep, isoToday, validateStep, type StepErrors } from './validation.js';

/** What the form needs of the report it belongs to (a ReportController). */
export type FormSession = Pick<ReportController, 'host' | 'config' | 'sending' | 'focus' | 'submit' | 'finish'>;

/**
 * The report being filled in, and the form's actions: the draft (kept in sessionStorage per
 * endpoint, so it survives a reload), the step, what is missing, the receiver's refusal. Made by the
 * ReportController once the views have loaded: nothing here is needed before the form is shown.
 */
export class FormController implements ReportForm {
  draft: ReportDraft;
  step: Step = 'role';
  errors: StepErrors = {};
  /** Why the receiver refused the report; shown in the error summary until the person moves on. */
  rejection?: RefusedError;
  /** The device could not give its location. */
  locationProblem = false;

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
      ({ coords }) => this.change({ point: coarsen(coords) }),
      () => located(true),
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  forget(): void {
    this.draft = newDraft(this.session.host.clock());
  }

  startAgain(): void {
    this.forget();
    this.goTo('role');
  }

  refused(entry: OutboxEntry, refusal: RefusedError, shown: boolean): boolean {
    if (entry.id !== this.draft.id) {
      // A report queued on an earlier visit: give it back to the person as a draft, unless they
      // have started another one meanwhile.
      if (!shown && !this.isPristine()) return false;
      this.draft = draftFromPayload(entry.body);
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
      this.session.finish(decoyReference(), !this.draft.anonymous);
      this.forget();
      return;
    }
    const payload = buildPayload(this.draft, {
      locale: getLocale(),
      now: new Date(host.clock()),
      privacyUrl: this.privacyUrl,
    });
    await this.session.submit(payload);
  }

  private isPristine(): boolean {
    const draft = this.draft;
    return !draft.reporterRole && draft.incidentTypes.length === 0 && !draft.description.trim();
  }
}
