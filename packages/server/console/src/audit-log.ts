import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { OcElement, renderLoading } from '@open-city/core';
import { ApiError, type AuditEntry, type StaffApi } from './api.js';
import { problemMessage, when } from './format.js';
import { actionLabel, actorLabel, detailText } from './labels.js';
import { consoleStyles } from './styles.js';

/**
 * @tagname oc-staff-audit
 * @summary The audit log, newest first, for admins: who opened, changed, exported or deleted
 * what, and when. Read only: nothing here can change it.
 *
 * @event staff-session-ended - The session expired.
 */
export class OcStaffAudit extends OcElement {
  static override tagName = 'oc-staff-audit';
  static override styles = [...OcElement.styles, consoleStyles];

  @property({ attribute: false }) accessor api!: StaffApi;

  @state() accessor entries: AuditEntry[] = [];
  @state() accessor next: number | undefined;
  @state() accessor loading = true;
  @state() accessor problem = '';

  private filters: { reference?: string; actor?: string } = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(more = false) {
    // "Show older" is not disabled while a page loads (focus would be lost): it waits instead.
    if (more && this.loading) return;
    this.loading = true;
    this.problem = '';
    try {
      const page = await this.api.audit({ ...this.filters, before: more ? this.next : undefined });
      this.entries = more ? [...this.entries, ...page.entries] : page.entries;
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
    this.filters = {
      reference: String(data.get('reference') ?? '').trim() || undefined,
      actor: String(data.get('actor') ?? '').trim() || undefined,
    };
    void this.load();
  }

  protected override render() {
    return html`<section class="stack" aria-labelledby="audit-heading">
      <h1 id="audit-heading" tabindex="-1">${msg('Audit log')}</h1>
      <p>
        ${msg('Every view of a report, change, export, deletion and sign-in, newest first. Nobody can change or delete these entries.')}
      </p>
      <form class="panel" role="search" aria-label=${msg('Filter the audit log')} @submit=${this.apply}>
        <div class="grid">
          <div class="field">
            <label for="reference">${msg('Report reference')}</label>
            <input id="reference" name="reference" />
          </div>
          <div class="field">
            <label for="actor">${msg('Staff e-mail')}</label>
            <input id="actor" name="actor" type="email" />
          </div>
        </div>
        <button type="submit">${msg('Show entries')}</button>
      </form>
      ${this.problem ? html`<div class="problem" role="alert"><p>${this.problem}</p></div>` : nothing}
      ${this.loading && this.entries.length === 0 ? renderLoading() : nothing}
      <ol class="plain-list cards">
        ${this.entries.map((entry) => {
          const details = detailText(entry.action, entry.details);
          return html`<li class="card">
            <p class="meta"><time datetime=${entry.at}>${when(entry.at)}</time></p>
            <p>
              <strong>${actorLabel(entry.actor, entry.actorKind)}</strong>: ${actionLabel(entry.action)}
              ${
                entry.reference
                  ? html`— <a href=${`#/reports/${encodeURIComponent(entry.reference)}`}>${entry.reference}</a>`
                  : nothing
              }
              ${details ? html`<span class="meta">(${details})</span>` : nothing}
            </p>
          </li>`;
        })}
      </ol>
      ${!this.loading && this.entries.length === 0 ? html`<p>${msg('No entries.')}</p>` : nothing}
      ${
        this.next
          ? html`<button
              type="button"
              class="secondary"
              aria-disabled=${this.loading ? 'true' : nothing}
              @click=${() => this.load(true)}
            >
              ${msg('Show older entries')}
            </button>`
          : nothing
      }
    </section>`;
  }
}
