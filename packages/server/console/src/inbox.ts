import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { OcElement, renderLoading } from '@open-city/core';
import {
  ApiError,
  reportStatuses,
  type ReportFilters,
  type ReportSummary,
  type Session,
  type StaffApi,
} from './api.js';
import { problemMessage, when } from './format.js';
import { biasLabel, biasMotivations, incidentTypeLabel, incidentTypes, placeKindLabel, statusLabel } from './labels.js';
import { consoleStyles } from './styles.js';

const filterNames = ['status', 'bias', 'type', 'district', 'place', 'from', 'to', 'evidence', 'q', 'overdue'] as const;

/** Filters as the page keeps them in its address (`#/?status=new&from=2026-11-01`). */
export function readFilterQuery(query: string): ReportFilters {
  const params = new URLSearchParams(query);
  const filters: ReportFilters = {};
  for (const name of filterNames) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return filters;
}

/** The same filters for the API: a day range becomes instants of local midnights, the end exclusive. */
export function toApiFilters(filters: ReportFilters): ReportFilters {
  const midnight = (date: string, addDays = 0) => {
    const local = new Date(`${date}T00:00:00`);
    if (Number.isNaN(local.getTime())) return undefined;
    local.setDate(local.getDate() + addDays);
    return local.toISOString();
  };
  return {
    ...filters,
    from: filters.from ? midnight(filters.from) : undefined,
    to: filters.to ? midnight(filters.to, 1) : undefined,
  };
}

/** The address of a report's page, as the list links it. */
export const reportHref = (reference: string) => `#/reports/${encodeURIComponent(reference)}`;

/**
 * @tagname oc-staff-inbox
 * @summary The reports, newest first, with filters, search, export, and (for admins) the reports
 * kept past the retention period.
 *
 * @event staff-session-ended - The session expired while the inbox was open.
 */
export class OcStaffInbox extends OcElement {
  static override tagName = 'oc-staff-inbox';
  static override styles = [...OcElement.styles, consoleStyles];

  @property({ attribute: false }) accessor api!: StaffApi;
  @property({ attribute: false }) accessor session!: Session;
  /** The filters' query string, from the page address. */
  @property() accessor query = '';

  @state() accessor reports: ReportSummary[] = [];
  @state() accessor next: string | undefined;
  @state() accessor loading = true;
  @state() accessor problem = '';

  /** The load of the list asked for last. */
  private listLoad: Promise<void> = Promise.resolve();

  private get filters(): ReportFilters {
    return readFilterQuery(this.query);
  }

  /** Settles once the list asked for last is shown (or its problem is). */
  get settled(): Promise<void> {
    return this.listLoad.then(async () => {
      await this.updateComplete;
    });
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('query') || changed.has('api')) this.listLoad = this.load();
  }

  private async load(more = false) {
    // "Show older" is not disabled while a page loads (focus would be lost): it waits instead.
    if (more && this.loading) return;
    this.loading = true;
    this.problem = '';
    try {
      const page = await this.api.reports(toApiFilters(this.filters), more ? this.next : undefined);
      this.reports = more ? [...this.reports, ...page.reports] : page.reports;
      this.next = page.next;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.dispatchEvent(new CustomEvent('staff-session-ended', { bubbles: true, composed: true }));
      }
      this.problem = problemMessage(error);
    } finally {
      this.loading = false;
    }
  }

  private apply(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const params = new URLSearchParams();
    for (const name of filterNames) {
      const value = String(data.get(name) ?? '').trim();
      if (value) params.set(name, value);
    }
    location.hash = `#/?${params}`;
  }

  private option(value: string, label: string, selected?: string) {
    return html`<option value=${value} ?selected=${value === selected}>${label}</option>`;
  }

  private renderFilters() {
    const filters = this.filters;
    return html`<form class="panel" role="search" aria-label=${msg('Filter reports')} @submit=${this.apply}>
      <div class="field">
        <label for="q">${msg('Search in the description or for a reference')}</label>
        <input id="q" name="q" type="search" .value=${filters.q ?? ''} />
      </div>
      <div class="grid">
        <div class="field">
          <label for="status">${msg('Status')}</label>
          <select id="status" name="status">
            ${this.option('', msg('Any'), filters.status)}
            ${reportStatuses.map((status) => this.option(status, statusLabel(status), filters.status))}
          </select>
        </div>
        <div class="field">
          <label for="type">${msg('What happened')}</label>
          <select id="type" name="type">
            ${this.option('', msg('Any'), filters.type)}
            ${incidentTypes.map((code) => this.option(code, incidentTypeLabel(code), filters.type))}
          </select>
        </div>
        <div class="field">
          <label for="bias">${msg('Suspected bias')}</label>
          <select id="bias" name="bias">
            ${this.option('', msg('Any'), filters.bias)}
            ${biasMotivations.map((code) => this.option(code, biasLabel(code), filters.bias))}
          </select>
        </div>
        <div class="field">
          <label for="place">${msg('Online or in a place')}</label>
          <select id="place" name="place">
            ${this.option('', msg('Any'), filters.place)} ${this.option('online', msg('Online'), filters.place)}
            ${this.option('offline', msg('In a place'), filters.place)}
          </select>
        </div>
        <div class="field">
          <label for="district">${msg('District')}</label>
          <input id="district" name="district" .value=${filters.district ?? ''} />
        </div>
        <div class="field">
          <label for="evidence">${msg('Evidence images')}</label>
          <select id="evidence" name="evidence">
            ${this.option('', msg('Any'), filters.evidence)} ${this.option('yes', msg('With images'), filters.evidence)}
            ${this.option('no', msg('Without images'), filters.evidence)}
          </select>
        </div>
        <div class="field">
          <label for="from">${msg('Received from')}</label>
          <input id="from" name="from" type="date" .value=${filters.from ?? ''} />
        </div>
        <div class="field">
          <label for="to">${msg('Received until')}</label>
          <input id="to" name="to" type="date" .value=${filters.to ?? ''} />
        </div>
      </div>
      ${filters.overdue ? html`<input type="hidden" name="overdue" value="1" />` : nothing}
      <div class="row">
        <button type="submit">${msg('Show reports')}</button>
        <a class="button secondary" href="#/">${msg('Clear filters')}</a>
      </div>
    </form>`;
  }

  private renderReport(report: ReportSummary) {
    const place = [placeKindLabel(report.place.kind), report.place.district].filter(Boolean).join(', ');
    return html`<li>
      <article class="card" aria-labelledby=${`r-${report.reference}`}>
        <h2 id=${`r-${report.reference}`}>
          <a href=${reportHref(report.reference)}>${report.reference}</a>
        </h2>
        <p class="row">
          <span class="badge">${statusLabel(report.status)}</span>
          ${report.overdue ? html`<span class="badge overdue">${msg('Past the retention period')}</span>` : nothing}
          ${report.evidence ? html`<span class="badge">${msg(str`Images: ${report.evidence}`)}</span>` : nothing}
        </p>
        <p class="meta">
          ${msg('Received')} ${when(report.receivedAt)} · ${place} ·
          ${report.incidentTypes.map(incidentTypeLabel).join(', ')} ·
          ${report.biasMotivations.map(biasLabel).join(', ')}
        </p>
        <p class="text">${report.excerpt}${report.excerpt.length >= 160 ? '…' : ''}</p>
      </article>
    </li>`;
  }

  protected override render() {
    const filters = toApiFilters(this.filters);
    const overdue = this.session?.account.role === 'admin' ? (this.session.overdueOpen ?? 0) : 0;
    return html`<section class="stack" aria-labelledby="inbox-heading">
      <h1 id="inbox-heading" tabindex="-1">
        ${this.filters.overdue ? msg('Open reports past the retention period') : msg('Reports')}
      </h1>
      ${
        overdue > 0 && !this.filters.overdue
          ? html`<p class="notice">
              ${msg(str`Open reports older than the retention period (${this.session.retentionDays} days): ${overdue}. Close or delete them.`)}
              <a href="#/?overdue=1">${msg('Show them')}</a>
            </p>`
          : nothing
      }
      ${this.renderFilters()}
      <div class="row">
        <a class="button secondary" href=${this.api.exportUrl(filters, 'csv')} download
          >${msg('Export these reports as CSV')}</a
        >
        <a class="button secondary" href=${this.api.exportUrl(filters, 'json')} download>${msg('Export as JSON')}</a>
      </div>
      <p role="status" class="meta">
        ${this.loading ? '' : this.next ? msg(str`Newest reports shown: ${this.reports.length}. Show older ones below.`) : msg(str`Reports found: ${this.reports.length}`)}
      </p>
      ${this.problem ? html`<div class="problem" role="alert"><p>${this.problem}</p></div>` : nothing}
      ${this.loading && this.reports.length === 0 ? renderLoading() : nothing}
      <ol class="plain-list cards">
        ${this.reports.map((report) => this.renderReport(report))}
      </ol>
      ${
        this.next
          ? html`<button
              type="button"
              class="secondary"
              aria-disabled=${this.loading ? 'true' : nothing}
              @click=${() => this.load(true)}
            >
              ${msg('Show older reports')}
            </button>`
          : nothing
      }
    </section>`;
  }
}
