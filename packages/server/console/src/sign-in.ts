import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { OcElement } from '@open-city/core';
import { ApiError, type Session, type StaffApi } from './api.js';
import { problemMessage } from './format.js';
import { consoleStyles } from './styles.js';

interface Enrolment {
  secret: string;
  uri: string;
}

/**
 * @tagname oc-staff-sign-in
 * @summary Sign-in of a member of staff: e-mail and password, then a code from an authenticator
 * app when the account has a second factor, with the app's set-up shown the first time.
 *
 * @event staff-signed-in - Signed in. `detail: Session`.
 */
export class OcStaffSignIn extends OcElement {
  static override tagName = 'oc-staff-sign-in';
  static override styles = [...OcElement.styles, consoleStyles];

  @property({ attribute: false }) accessor api!: StaffApi;

  /** Why the person is here again (their session ended), shown above the form. */
  @property() accessor notice = '';

  @state() accessor step: 'password' | 'code' | 'enrol' = 'password';
  @state() accessor enrolment: Enrolment | undefined;
  @state() accessor problem = '';
  @state() accessor busy = false;
  @state() accessor oidc = false;

  private email = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // Back from the city's identity provider without a session: say why, once.
    const outcome = new URLSearchParams(location.search).get('sign-in');
    const outcomes: Record<string, () => string> = {
      'oidc-failed': () =>
        msg('Sign-in through the city’s account did not work. Try again, or sign in with your password.'),
      'oidc-no-account': () =>
        msg('There is no staff account for the e-mail of your city account. Ask the administrator to add one.'),
      'oidc-unavailable': () =>
        msg('The city’s sign-in service cannot be reached now. Try again later, or sign in with your password.'),
    };
    if (outcome && outcomes[outcome]) {
      this.problem = outcomes[outcome]();
      history.replaceState(null, '', `${location.pathname}${location.hash}`);
    }
    this.api
      .signInOptions()
      .then((options) => {
        this.oidc = options.oidc;
      })
      .catch(() => {
        this.oidc = false;
      });
  }
  private password = '';

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    if (this.step === 'password') {
      this.email = String(data.get('email') ?? '');
      this.password = String(data.get('password') ?? '');
    }
    const code = this.step === 'password' ? undefined : String(data.get('code') ?? '').replace(/\s/g, '');
    this.busy = true;
    this.problem = '';
    try {
      const session: Session = await this.api.signIn(this.email, this.password, code);
      this.password = '';
      this.dispatchEvent(new CustomEvent('staff-signed-in', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'totp-required') {
        this.step = 'code';
      } else if (error instanceof ApiError && error.code === 'totp-enrolment') {
        this.step = 'enrol';
        this.enrolment = error.details as Enrolment;
      } else {
        if (error instanceof ApiError && error.code === 'credentials') this.step = 'password';
        this.problem = problemMessage(error);
      }
      await this.updateComplete;
      const focusTarget = this.renderRoot.querySelector<HTMLElement>(this.problem ? '.problem' : '#code');
      focusTarget?.focus();
    } finally {
      this.busy = false;
    }
  }

  private renderCodeField() {
    return html`<div class="field">
      <label for="code"
        >${msg('Code from your authenticator app')}
        <span class="hint" id="code-hint">${msg('Six digits. A new one appears every 30 seconds.')}</span></label
      >
      <input
        id="code"
        name="code"
        inputmode="numeric"
        autocomplete="one-time-code"
        pattern="[0-9 ]{6,7}"
        required
        aria-describedby="code-hint"
      />
    </div>`;
  }

  private renderEnrolment(enrolment: Enrolment) {
    const grouped = enrolment.secret.match(/.{1,4}/g)?.join(' ') ?? enrolment.secret;
    return html`<div class="notice stack">
      <h2>${msg('Set up your authenticator app')}</h2>
      <p>
        ${msg('Your account needs a second step at sign-in. In an authenticator app, add an account with this key, or open the set-up link on your phone.')}
      </p>
      <p>${msg('Key')}: <span class="secret">${grouped}</span></p>
      <p><a href=${enrolment.uri}>${msg('Open the set-up link in the authenticator app')}</a></p>
      <details>
        <summary>${msg('Show the set-up link as text')}</summary>
        <p class="secret">${enrolment.uri}</p>
      </details>
      <p>${msg('Then enter the code the app shows.')}</p>
    </div>`;
  }

  protected override render() {
    return html`<section class="stack" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" tabindex="-1">${msg('Sign in to the staff console')}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.problem ? html`<div class="problem" role="alert" tabindex="-1"><p>${this.problem}</p></div>` : nothing}
      ${
        this.oidc && this.step === 'password'
          ? html`<p>
                <a class="button" href=${`${this.api.base}/oidc/start`}>${msg('Sign in with the city’s account')}</a>
              </p>
              <p>${msg('Or with an e-mail and a password:')}</p>`
          : nothing
      }
      <form class="stack" @submit=${this.submit}>
        ${
          this.step === 'password'
            ? html`<div class="field">
                  <label for="email">${msg('E-mail')}</label>
                  <input id="email" name="email" type="email" autocomplete="username" required .value=${this.email} />
                </div>
                <div class="field">
                  <label for="password">${msg('Password')}</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required />
                </div>`
            : html`${this.step === 'enrol' && this.enrolment ? this.renderEnrolment(this.enrolment) : nothing}
              ${this.renderCodeField()}`
        }
        <div class="row">
          <button type="submit" aria-disabled=${this.busy ? 'true' : nothing}>${msg('Sign in')}</button>
          ${
            this.step === 'password'
              ? nothing
              : html`<button
                  type="button"
                  class="secondary"
                  @click=${() => {
                    this.step = 'password';
                    this.problem = '';
                  }}
                >
                  ${msg('Back')}
                </button>`
          }
        </div>
      </form>
      <p class="meta">
        ${msg('Accounts are made by the city’s administrator. Forgot your password? Ask them to reset it.')}
      </p>
    </section>`;
  }
}
