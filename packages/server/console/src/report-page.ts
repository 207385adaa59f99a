import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { OcElement, endonym, getLocale, listFormat, numberFormat, renderLoading } from '@open-city/core';
import { reportFields, type ReportField } from '@open-city/incident-report/schema/report-fields.js';
import { ApiError, reportStatuses, type ReportDetail, type ReportStatus, type Session, type StaffApi } from './api.js';
import { day, problemMessage, todayInCity, when } from './format.js';
import { actionLabel, actorLabel, choiceLabel, detailText, fieldLabel, statusLabel, wordedChoices } from './labels.js';
import { consoleStyles } from './styles.js';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  Boolean(value) && typeof value === 'object' && !Array.isArray(value);

// Shown elsewhere on the page (the evidence has its own section) or never given to staff.
const notInFields = new Set(['attachments', 'deletionCodeSha256']);
// Fields whose value reads together with the one before (a position is two numbers; the consent
// is its time), so they share one row.
const sharedRows = new Set(['place.point.longitude', 'consent.specialCategoryData']);

const get = (value: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((inner, key) => (isObject(inner) ? inner[key] : undefined), value);

/** Every path of a report's leaves, dotted, for fields the schema here does not know yet. */
function leafPaths(value: Json, prefix = ''): string[] {
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return isObject(inner) ? leafPaths(inner, path) : [path];
  });
}

function languageName(code: unknown): string {
  if (typeof code !== 'string') return '';
  try {
    return `${endonym(code)} (${code})`;
  } catch {
    return code;
  }
}

function plainValue(value: unknown): string {
  if (Array.isArray(value)) return value.map(plainValue).join(', ');
  if (isObject(value))
    return Object.entries(value)
      .map(([key, inner]) => `${key}: ${plainValue(inner)}`)
      .join('; ');
  if (typeof value === 'boolean') return value ? msg('Yes') : msg('No');
  return String(value ?? '');
}

/**
 * @tagname oc-staff-report
 * @summary One report: every field in words, its evidence, status, notes, referrals, history,
 * export, and (for admins) deletion. Opening it is recorded in the audit log.
 *
 * @event staff-session-ended - The session expired.
 * @event staff-report-deleted - An admin deleted the report. `detail: { reference }`.
 */
export class OcStaffReport extends OcElement {
  static override tagName = 'oc-staff-report';
  static override styles = [...OcElement.styles, consoleStyles];

  @property({ attribute: false }) accessor api!: StaffApi;
  @property({ attribute: false }) accessor session!: Session;
  @property() accessor reference = '';
  /** Where "Back to the reports" goes: the list as it was, with its filters. */
  @property({ attribute: false }) accessor backHref = '#/';

  @state() accessor detail: ReportDetail | undefined;
  @state() accessor problem = '';
  @state() accessor announcement = '';
  @state() accessor busy = false;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('reference') && this.reference) void this.load();
  }

  private fail(error: unknown) {
    if (error instanceof ApiError && error.status === 401) {
      this.dispatchEvent(new CustomEvent('staff-session-ended', { bubbles: true, composed: true }));
    }
    this.problem = problemMessage(error);
  }

  private async load() {
    this.detail = undefined;
    this.problem = '';
    try {
      this.detail = await this.api.report(this.reference);
    } catch (error) {
      this.fail(error);
    }
  }

  /** Run a change; the page shows the report as the server answers it, and says what was done. */
  private async change(work: () => Promise<ReportDetail>, done: string, form?: HTMLFormElement) {
    if (this.busy) return;
    this.busy = true;
    this.problem = '';
    this.announcement = '';
    try {
      this.detail = await work();
      this.announcement = done;
      form?.reset();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private onStatus(event: SubmitEvent) {
    event.preventDefault();
    const status = new FormData(event.target as HTMLFormElement).get('status') as ReportStatus;
    void this.change(
      () => this.api.setStatus(this.reference, status),
      msg(str`Status changed to ${statusLabel(status)}.`),
    );
  }

  private onNote(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = String(new FormData(form).get('note') ?? '').trim();
    if (!text) return;
    void this.change(() => this.api.addNote(this.reference, text), msg('Note added.'), form);
  }

  private onReferral(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const to = String(data.get('to') ?? '').trim();
    const on = String(data.get('on') ?? '');
    if (!to || !on) return;
    void this.change(() => this.api.addReferral(this.reference, to, on), msg('Referral recorded.'), form);
  }

  private async onDelete(event: SubmitEvent) {
    event.preventDefault();
    const reason = String(new FormData(event.target as HTMLFormElement).get('reason') ?? '').trim();
    if (this.busy) return;
    this.busy = true;
    try {
      await this.api.deleteReport(this.reference, reason);
      this.dispatchEvent(
        new CustomEvent('staff-report-deleted', {
          detail: { reference: this.reference },
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  private field(label: string, value: unknown): TemplateResult | typeof nothing {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      return nothing;
    return html`<dt>${label}</dt>
      <dd>${value}</dd>`;
  }

  /** One field in words: closed answers by their labels, dates and times in the page language. */
  private fieldValue(field: { path: string; kind: ReportField['kind'] }, report: Json): unknown {
    const { path } = field;
    const value = get(report, path);
    const locale = getLocale();
    const words = (code: unknown) =>
      wordedChoices.includes(path) ? choiceLabel(path, String(code)) : plainValue(code);
    if (value === undefined || value === null || value === '') return undefined;
    switch (path) {
      case 'anonymous':
        return value === true
          ? msg('Anonymous: no contact details')
          : isObject(report.contact)
            ? undefined
            : msg('None given');
      case 'locale':
      case 'contact.preferredLanguage':
        return languageName(value);
      case 'occurredOn':
        return typeof value === 'string' ? day(value) : undefined;
      case 'place.point.latitude': {
        const point = get(report, 'place.point');
        if (!isObject(point)) return undefined;
        const number = numberFormat(locale, { maximumFractionDigits: 4, minimumFractionDigits: 4 });
        return listFormat(locale, { type: 'unit', style: 'narrow' }).format([
          number.format(Number(point.latitude)),
          number.format(Number(point.longitude)),
        ]);
      }
      case 'consent.givenAt':
        return msg(str`Given ${when(String(value))}`);
      case 'reportedElsewhere':
        return this.renderElsewhere(value);
    }
    if (field.kind === 'date-time' && typeof value === 'string') return when(value);
    if (field.kind === 'boolean') return value === true ? msg('Yes') : msg('No');
    if (field.kind === 'number' && typeof value === 'number') return numberFormat(locale).format(value);
    if (Array.isArray(value))
      return value.length ? listFormat(locale, { type: 'conjunction' }).format(value.map(words)) : undefined;
    return words(value);
  }

  /** Where else it was reported: each place in words, with the name and reference given there. */
  private renderElsewhere(value: unknown) {
    if (!Array.isArray(value) || value.length === 0) return undefined;
    return html`<ul class="plain-list">
      ${value
        .filter(isObject)
        .map(
          (item) =>
            html`<li>
              ${choiceLabel('reportedElsewhere.to', String(item.to))}${item.name ? html`: <span class="text">${String(item.name)}</span>` : nothing}
              ${item.reference ? html`<span class="meta">(${msg(str`reference ${String(item.reference)}`)})</span>` : nothing}
            </li>`,
        )}
    </ul>`;
  }

  /**
   * Every field of the report, in the schema's order (report-fields.js), each with its label; then
   * any field of a newer form than this console knows, with its path as the label, never hidden.
   */
  private renderFields(report: Json) {
    const known = new Set<string>(reportFields.map((field) => field.path));
    const extra = leafPaths(report).filter((path) => !known.has(path) && !notInFields.has(path));
    return html`<dl class="fields">
      ${reportFields
        .filter((field) => !notInFields.has(field.path) && !sharedRows.has(field.path))
        .map((field) =>
          field.path === 'description'
            ? html`<dt>${fieldLabel(field.path)}</dt>
                <dd class="text">${String(report.description ?? '')}</dd>`
            : this.field(fieldLabel(field.path), this.fieldValue(field, report)),
        )}
      ${extra.map((path) => this.field(fieldLabel(path), this.fieldValue({ path, kind: 'text' }, report)))}
    </dl>`;
  }

  private renderEvidence(detail: ReportDetail) {
    if (detail.attachments.length === 0) return html`<p>${msg('No images were sent with this report.')}</p>`;
    return html`<ul class="plain-list evidence">
      ${detail.attachments.map(
        (image, index) =>
          html`<li>
            <figure>
              <img
                src=${image.url}
                alt=${image.alt || msg(str`Evidence image ${index + 1}, without a description`)}
                loading="lazy"
              />
              <figcaption>
                ${image.alt ? html`<span class="text">${image.alt}</span><br />` : nothing}
                <a href=${image.url} target="_blank" rel="noopener"
                  >${msg(str`Open image ${index + 1} in full size`)}</a
                >
              </figcaption>
            </figure>
          </li>`,
      )}
    </ul>`;
  }

  private renderHistory(detail: ReportDetail) {
    return html`<ol class="plain-list stack">
      ${detail.history.map(
        (entry) =>
          html`<li>
            <time datetime=${entry.at}>${when(entry.at)}</time> · ${actorLabel(entry.actor, entry.actorKind)}:
            ${actionLabel(entry.action)}${detailText(entry.action, entry.details) ? ` (${detailText(entry.action, entry.details)})` : ''}
          </li>`,
      )}
    </ol>`;
  }

  protected override render() {
    const detail = this.detail;
    const heading = msg(str`Report ${this.reference}`);
    const admin = this.session?.account.role === 'admin';
    return html`<article class="stack" aria-labelledby="report-heading">
      <p><a href=${this.backHref}>${msg('Back to the reports')}</a></p>
      <h1 id="report-heading" tabindex="-1">${heading}</h1>
      <p role="status" class="meta">${this.announcement}</p>
      ${this.problem ? html`<div class="problem" role="alert"><p>${this.problem}</p></div>` : nothing}
      ${!detail && !this.problem ? renderLoading() : nothing}
      ${
        detail
          ? html`
              <p class="row">
                <span class="badge">${statusLabel(detail.status)}</span>
                <span class="meta">${msg('Received')} ${when(detail.receivedAt)}</span>
                ${detail.overdue ? html`<span class="badge overdue">${msg('Past the retention period')}</span>` : nothing}
              </p>
              <section aria-labelledby="status-heading" class="panel">
                <h2 id="status-heading">${msg('Status')}</h2>
                <form class="row" @submit=${this.onStatus}>
                  <div class="field">
                    <label for="status-select">${msg('New status')}</label>
                    <select id="status-select" name="status">
                      ${reportStatuses.map(
                        (status) =>
                          html`<option value=${status} ?selected=${status === detail.status}>
                            ${statusLabel(status)}
                          </option>`,
                      )}
                    </select>
                  </div>
                  <button type="submit" aria-disabled=${this.busy ? 'true' : nothing}>${msg('Change status')}</button>
                </form>
              </section>
              <section aria-labelledby="fields-heading">
                <h2 id="fields-heading">${msg('What was reported')}</h2>
                ${this.renderFields(detail.report)}
              </section>
              <section aria-labelledby="evidence-heading">
                <h2 id="evidence-heading">${msg('Evidence')}</h2>
                ${this.renderEvidence(detail)}
              </section>
              <section aria-labelledby="referrals-heading">
                <h2 id="referrals-heading">${msg('Referrals')}</h2>
                ${
                  detail.referrals.length
                    ? html`<ul>
                        ${detail.referrals.map(
                          (item) =>
                            html`<li>
                              ${msg(str`To ${item.to} on ${day(item.on)}`)}
                              <span class="meta">(${item.recordedBy})</span>
                            </li>`,
                        )}
                      </ul>`
                    : html`<p>${msg('Not referred yet.')}</p>`
                }
                <form class="panel" @submit=${this.onReferral}>
                  <div class="grid">
                    <div class="field">
                      <label for="referral-to"
                        >${msg('Referred to')}<span class="hint"
                          >${msg('For example the police, an NGO, the ombudsman')}</span
                        ></label
                      >
                      <input id="referral-to" name="to" maxlength="200" required />
                    </div>
                    <div class="field">
                      <label for="referral-on">${msg('On')}<span class="hint">&nbsp;</span></label>
                      <input id="referral-on" name="on" type="date" required .value=${todayInCity()} />
                    </div>
                  </div>
                  <button type="submit" aria-disabled=${this.busy ? 'true' : nothing}>
                    ${msg('Record the referral')}
                  </button>
                </form>
              </section>
              <section aria-labelledby="notes-heading">
                <h2 id="notes-heading">${msg('Notes')}</h2>
                ${
                  detail.notes.length
                    ? html`<ol class="plain-list cards">
                        ${detail.notes.map(
                          (note) =>
                            html`<li class="card">
                              <p class="meta"><time datetime=${note.at}>${when(note.at)}</time> · ${note.author}</p>
                              <p class="text">${note.text}</p>
                            </li>`,
                        )}
                      </ol>`
                    : html`<p>${msg('No notes yet.')}</p>`
                }
                <form class="stack" @submit=${this.onNote}>
                  <div class="field">
                    <label for="note"
                      >${msg('New note')}<span class="hint"
                        >${msg('Only staff see notes. They are deleted with the report.')}</span
                      ></label
                    >
                    <textarea id="note" name="note" maxlength="5000" required></textarea>
                  </div>
                  <button type="submit" aria-disabled=${this.busy ? 'true' : nothing}>${msg('Add the note')}</button>
                </form>
              </section>
              <section aria-labelledby="history-heading">
                <h2 id="history-heading">${msg('History')}</h2>
                ${this.renderHistory(detail)}
              </section>
              <section aria-labelledby="export-heading">
                <h2 id="export-heading">${msg('Export')}</h2>
                <div class="row">
                  <a class="button secondary" href=${this.api.exportUrl({ q: detail.reference }, 'csv')} download
                    >${msg('Export this report as CSV')}</a
                  >
                  <a class="button secondary" href=${this.api.exportUrl({ q: detail.reference }, 'json')} download
                    >${msg('Export as JSON')}</a
                  >
                </div>
              </section>
              ${
                admin
                  ? html`<section aria-labelledby="delete-heading" class="panel">
                      <h2 id="delete-heading">${msg('Delete this report')}</h2>
                      <p>
                        ${msg('The report, its images, notes and referrals are deleted at once and cannot be brought back. The audit log keeps only its reference and who deleted it.')}
                      </p>
                      <form class="stack" @submit=${this.onDelete}>
                        <div class="field">
                          <label for="delete-reason">${msg('Why (kept in the audit log)')}</label>
                          <input id="delete-reason" name="reason" maxlength="500" />
                        </div>
                        <div class="field">
                          <label
                            ><input
                              type="checkbox"
                              name="confirm"
                              required
                            />${msg('I understand that this cannot be undone')}</label
                          >
                        </div>
                        <button type="submit" class="danger" aria-disabled=${this.busy ? 'true' : nothing}>
                          ${msg('Delete the report')}
                        </button>
                      </form>
                    </section>`
                  : nothing
              }
            `
          : nothing
      }
    </article>`;
  }
}
