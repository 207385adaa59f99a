import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { OcElement, renderLoading } from '@open-city/core';
import { ApiError, StaffApi, type Session } from './api.js';
import { problemMessage } from './format.js';
import { OcStaffInbox, reportHref } from './inbox.js';
import { consoleStyles } from './styles.js';

type Route = { view: 'inbox'; query: string } | { view: 'report'; reference: string } | { view: 'audit' };

/** The view a page address names: `#/?filters`, `#/reports/KR-…`, `#/audit`. */
export function readRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const report = /^\/reports\/([^/?]+)$/.exec(path);
  if (report) return { view: 'report', reference: decodeURIComponent(report[1]) };
  if (path === '/audit') return { view: 'audit' };
  const query = path.indexOf('?');
  return { view: 'inbox', query: query >= 0 ? path.slice(query + 1) : '' };
}

/**
 * @tagname oc-staff-console
 * @summary The staff console at /staff/: sign-in, the reports inbox, a report's page, and the
 * audit log for admins. Moves focus to each view's heading when the view changes (back from a
 * report: to that report's link in the list, whose filters are kept), leaves it on the control used
 * when only the list's filters change, and keeps the page language with core's page locale (the
 * switcher in its header).
 */
export class OcStaffConsole extends OcElement {
  static override tagName = 'oc-staff-console';
  static override styles = [
    ...OcElement.styles,
    consoleStyles,
    css`
      :host {
        min-block-size: 100vh;
      }
      header {
        border-block-end: 1px solid var(--_oc-color-border);
        background: var(--_oc-color-surface);
      }
      .wrap {
        max-inline-size: 64em;
        margin-inline: auto;
        padding: 0.75em var(--_oc-space);
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1.5em;
        align-items: center;
        justify-content: space-between;
      }
      .brand {
        margin: 0;
        font-weight: 700;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 1em;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a[aria-current='page'] {
        font-weight: 700;
        text-decoration-thickness: 0.15em;
      }
      .skip {
        position: absolute;
        inset-inline-start: 0.5em;
        inset-block-start: -10em;
        padding: 0.5em 1em;
        background: var(--_oc-color-background);
      }
      .skip:focus {
        inset-block-start: 0.5em;
      }
    `,
  ];

  /** Where the API lives (for tests). */
  @property({ attribute: 'api-base' }) accessor apiBase = '/staff/api';

  @state() accessor session: Session | undefined;
  @state() accessor phase: 'loading' | 'signed-out' | 'ready' = 'loading';
  @state() accessor route: Route = readRoute(location.hash);
  @state() accessor notice = '';
  @state() accessor problem = '';

  private api = new StaffApi(this.apiBase);
  /** The inbox's filters as last shown, so that "Back to the reports" returns to the same list. */
  private inboxQuery = '';
  private readonly onHashChange = () => {
    const before = this.route;
    this.route = readRoute(location.hash);
    if (this.route.view === 'inbox') this.inboxQuery = this.route.query;
    if (before.view === 'inbox' && this.route.view === 'inbox') {
      // Other filters, same view: focus stays on the control used ("Show reports", "Clear filters"),
      // and the count is announced; only when that control is gone does focus go to the heading.
      void this.keepFocus();
    } else if (before.view === 'report' && this.route.view === 'inbox') {
      void this.focusReport(before.reference);
    } else {
      void this.focusHeading();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.api = new StaffApi(this.apiBase);
    if (this.route.view === 'inbox') this.inboxQuery = this.route.query;
    window.addEventListener('hashchange', this.onHashChange);
    void this.restore();
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.onHashChange);
    super.disconnectedCallback();
  }

  private async restore() {
    try {
      this.session = await this.api.session();
      this.phase = 'ready';
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) this.problem = problemMessage(error);
      this.phase = 'signed-out';
    }
  }

  /** The view shown now, once it has rendered. */
  private async currentView(): Promise<OcElement | null> {
    await this.updateComplete;
    const view = this.renderRoot.querySelector('main > *') as OcElement | null;
    await view?.updateComplete;
    return view;
  }

  private async focusHeading() {
    const view = await this.currentView();
    (view?.shadowRoot?.querySelector('h1') as HTMLElement | null)?.focus();
  }

  /** Back from a report: focus on its link in the list once the list is in, else the heading. */
  private async focusReport(reference: string) {
    const view = await this.currentView();
    if (view instanceof OcStaffInbox) await view.settled;
    const link = view?.shadowRoot?.querySelector<HTMLElement>(`a[href="${reportHref(reference)}"]`);
    if (link) link.focus();
    else await this.focusHeading();
  }

  /** After a change of filters: the control used keeps focus while it is still there. */
  private async keepFocus() {
    const view = await this.currentView();
    const active = view?.shadowRoot?.activeElement;
    if (!active?.isConnected) await this.focusHeading();
  }

  private signedIn(session: Session) {
    this.session = session;
    this.phase = 'ready';
    this.notice = '';
    void this.focusHeading();
  }

  private sessionEnded() {
    this.session = undefined;
    this.api.csrfToken = undefined;
    this.phase = 'signed-out';
    this.notice = msg('Your session has ended. Sign in again.');
    void this.focusHeading();
  }

  private async signOut() {
    try {
      await this.api.signOut();
    } catch {
      // Signed out either way: the cookie is gone or the session had ended.
    }
    this.session = undefined;
    this.phase = 'signed-out';
    this.notice = msg('You have signed out.');
    void this.focusHeading();
  }

  private renderView() {
    const session = this.session;
    if (this.phase === 'loading') return renderLoading();
    if (this.phase === 'signed-out' || !session) {
      return html`<oc-staff-sign-in
        .api=${this.api}
        .notice=${this.notice}
        @staff-signed-in=${(event: CustomEvent<Session>) => this.signedIn(event.detail)}
      ></oc-staff-sign-in>`;
    }
    if (session.account.mustChangePassword) {
      return html`<oc-staff-password
        .api=${this.api}
        @staff-password-changed=${(event: CustomEvent<Session>) => this.signedIn(event.detail)}
      ></oc-staff-password>`;
    }
    const route = this.route;
    if (route.view === 'report') {
      return html`<oc-staff-report
        .api=${this.api}
        .session=${session}
        .reference=${route.reference}
        .backHref=${this.inboxQuery ? `#/?${this.inboxQuery}` : '#/'}
        @staff-report-deleted=${() => {
          location.hash = '#/';
        }}
      ></oc-staff-report>`;
    }
    if (route.view === 'audit' && session.account.role === 'admin') {
      return html`<oc-staff-audit .api=${this.api}></oc-staff-audit>`;
    }
    return html`<oc-staff-inbox
      .api=${this.api}
      .session=${session}
      .query=${route.view === 'inbox' ? route.query : ''}
    ></oc-staff-inbox>`;
  }

  protected override render() {
    const session = this.phase === 'ready' ? this.session : undefined;
    const current = (view: Route['view']) => (this.route.view === view ? 'page' : nothing);
    return html`<a
        class="skip"
        href="#main"
        @click=${(event: Event) => {
          event.preventDefault();
          void this.focusHeading();
        }}
        >${msg('Skip to the content')}</a
      >
      <header>
        <div class="wrap top">
          <p class="brand">${msg('Incident reports – staff console')}</p>
          ${
            session && !session.account.mustChangePassword
              ? html`<nav aria-label=${msg('Staff console')}>
                  <ul>
                    <li><a href="#/" aria-current=${current('inbox')}>${msg('Reports')}</a></li>
                    ${
                      session.account.role === 'admin'
                        ? html`<li><a href="#/audit" aria-current=${current('audit')}>${msg('Audit log')}</a></li>`
                        : nothing
                    }
                  </ul>
                </nav>`
              : nothing
          }
          <div class="row">
            <oc-language-switcher sync-document></oc-language-switcher>
            ${
              session
                ? html`<span class="meta">${msg(str`Signed in as ${session.account.email}`)}</span>
                    <button type="button" class="secondary" @click=${this.signOut}>${msg('Sign out')}</button>`
                : nothing
            }
          </div>
        </div>
      </header>
      <main id="main" class="wrap" @staff-session-ended=${this.sessionEnded}>
        ${this.problem && this.phase !== 'ready' ? html`<div class="problem" role="alert"><p>${this.problem}</p></div>` : nothing}
        ${this.renderView()}
      </main>`;
  }
}
