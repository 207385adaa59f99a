import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { OcElement } from '@open-city/core';
import type { StaffApi } from './api.js';
import { problemMessage } from './format.js';
import { consoleStyles } from './styles.js';

/**
 * @tagname oc-staff-password
 * @summary Choose a new password: required after a one-time password from the administrator.
 *
 * @event staff-password-changed - The new password is in use. `detail: Session`.
 */
export class OcStaffPassword extends OcElement {
  static override tagName = 'oc-staff-password';
  static override styles = [...OcElement.styles, consoleStyles];

  @property({ attribute: false }) accessor api!: StaffApi;
  @state() accessor problem = '';
  @state() accessor busy = false;

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy) return;
    const data = new FormData(event.target as HTMLFormElement);
    const next = String(data.get('next') ?? '');
    if (next !== String(data.get('repeat') ?? '')) {
      this.problem = msg('The two new passwords are not the same.');
      return;
    }
    if (next.length < 12) {
      this.problem = msg('A password needs at least 12 characters.');
      return;
    }
    this.busy = true;
    this.problem = '';
    try {
      const session = await this.api.changePassword(String(data.get('current') ?? ''), next);
      this.dispatchEvent(new CustomEvent('staff-password-changed', { detail: session, bubbles: true, composed: true }));
    } catch (error) {
      this.problem = problemMessage(error);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    return html`<section class="stack" aria-labelledby="password-heading">
      <h1 id="password-heading" tabindex="-1">${msg('Choose your own password')}</h1>
      <p>
        ${msg('You signed in with a one-time password. Choose a password only you know: at least 12 characters; a few words are easy to remember.')}
      </p>
      ${this.problem ? html`<div class="problem" role="alert"><p>${this.problem}</p></div>` : nothing}
      <form class="stack" @submit=${this.submit}>
        <div class="field">
          <label for="current">${msg('One-time password')}</label>
          <input id="current" name="current" type="password" autocomplete="current-password" required />
        </div>
        <div class="field">
          <label for="next">${msg('New password')}</label>
          <input id="next" name="next" type="password" autocomplete="new-password" minlength="12" required />
        </div>
        <div class="field">
          <label for="repeat">${msg('New password again')}</label>
          <input id="repeat" name="repeat" type="password" autocomplete="new-password" minlength="12" required />
        </div>
        <button type="submit" aria-disabled=${this.busy ? 'true' : nothing}>${msg('Save the new password')}</button>
      </form>
    </section>`;
  }
}
