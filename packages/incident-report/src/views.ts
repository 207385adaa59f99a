/**
 * The form as people see it: steps, fields, error summary, check page and outcomes. Loaded after
 * the element (see loadViews in oc-incident-report.ts), so that the emergency number and the quick
 * exit show at once and the first download stays small.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  DEFAULT_TIME_ZONE,
  addDays,
  directionOf,
  getLocale,
  isValidTimeZone,
  supportedLocales,
  warnOnce,
  zonedParts,
} from '@open-city/core';
import {
  biasLabel,
  errorText,
  incidentTypeLabel,
  policeLabel,
  roleLabel,
  stepShortName,
  stepTitle,
  text,
} from './messages.js';
import type { OcIncidentReport } from './oc-incident-report.js';
import { biasMotivations, incidentTypes, krakowDistricts, policeAnswers, reporterRoles } from './report-model.js';
import { isoDateIn, maxDescriptionLength, steps, type Field, type Step, type StepErrors } from './validation.js';
import { webUrl } from './web-url.js';

export { formStyles as styles } from './form.styles.js';
// The element calls these once its views are in use (they need not be in its first download).
export { buildPayload, coarsen, draftFromPayload } from './payload.js';
export { firstInvalidStep, validateStep } from './validation.js';

/** Today's date (YYYY-MM-DD) in a zone, moved by `days`: the element asks once its views are in. */
export function isoToday(zone: string, now: number, days = 0): string {
  return isoDateIn(addDays(zonedParts(now, zone), days));
}

/** Tell the embedding site's developer, once each, about attributes that cannot be used as given. */
export function checkAttributes(host: OcIncidentReport, defaultExitUrl: string): void {
  if (!host.privacyUrl) {
    warnOnce(
      host,
      'privacy-url is not set: the consent step shows a short plain-language notice instead. Link your privacy notice (GDPR Art. 13).',
    );
  } else if (!webUrl(host.privacyUrl)) {
    warnOnce(host, `privacy-url="${host.privacyUrl}" is not an http(s) URL, so it is not linked.`);
  }
  if (host.exitUrl && !webUrl(host.exitUrl)) {
    warnOnce(host, `exit-url="${host.exitUrl}" is not an http(s) URL; the quick exit goes to ${defaultExitUrl}.`);
  }
  if (!isValidTimeZone(host.timeZone)) {
    warnOnce(host, `time-zone="${host.timeZone}" is not an IANA time zone; using ${DEFAULT_TIME_ZONE}.`);
  }
}

/** Everything below the top bar, for the form's current view. */
export function renderBody(host: OcIncidentReport): TemplateResult {
  return host.view === 'sent' ? renderSent(host) : host.view === 'queued' ? renderQueued(host) : renderForm(host);
}

function renderProgress(host: OcIncidentReport) {
  return html`<div class="progress" part="progress">
    <p class="step-count">${text.stepOf(host.stepIndex + 1, steps.length)}</p>
    <ol class="steps" aria-label=${text.steps()}>
      ${steps.map(
        (step, index) =>
          html`<li
            class=${index < host.stepIndex ? 'done' : index === host.stepIndex ? 'current' : ''}
            aria-current=${index === host.stepIndex ? 'step' : nothing}
          >
            <span class="step-number" aria-hidden="true">${index + 1}</span>
            <span class="step-name">${stepShortName(step)}</span>
            ${index < host.stepIndex ? html`<span class="visually-hidden">(${text.done()})</span>` : nothing}
          </li>`,
      )}
    </ol>
  </div>`;
}

function renderErrorSummary(host: OcIncidentReport) {
  const entries = Object.entries(host.errors) as Array<[Field, NonNullable<StepErrors[Field]>]>;
  if (entries.length === 0 && !host.rejection) return nothing;
  // As GOV.UK does: the summary receives focus (which announces it), so no role="alert" to avoid a double reading.
  return html`<div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-title">
    <h3 id="error-title">${text.problem()}</h3>
    <ul>
      ${
        host.rejection
          ? html`<li>${text.rejected(host.rejection.reason)}</li>
              ${host.rejection.details.map((detail) => html`<li>${detail}</li>`)}`
          : nothing
      }
      ${entries.map(
        ([field, code]) =>
          html`<li>
            <a href="#${field}" @click=${(event: Event) => focusField(host, event, field)}>${errorText(field, code)}</a>
          </li>`,
      )}
    </ul>
  </div>`;
}

function focusField(host: OcIncidentReport, event: Event, field: Field): void {
  event.preventDefault();
  const target =
    host.renderRoot.querySelector<HTMLElement>(`#${field}`) ??
    host.renderRoot.querySelector<HTMLElement>(`[data-field="${field}"] input`);
  target?.focus();
}

function fieldError(host: OcIncidentReport, field: Field) {
  const code = host.errors[field];
  return code
    ? html`<p class="field-error" id="${field}-error">
        <span class="visually-hidden">${text.errorPrefix()}</span> ${errorText(field, code)}
      </p>`
    : nothing;
}

function describedBy(host: OcIncidentReport, field: Field, hint?: string): string | typeof nothing {
  const ids = [hint, host.errors[field] ? `${field}-error` : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

function renderForm(host: OcIncidentReport) {
  const last = host.step === 'review';
  return html`<form novalidate @submit=${host.onContinue} aria-labelledby="step-title">
    ${renderProgress(host)}
    <h2 id="step-title" tabindex="-1">${stepTitle(host.step)}</h2>
    ${renderErrorSummary(host)} ${renderStep(host)}
    <div class="trap" aria-hidden="true">
      <label for="website">${text.honeypot()}</label>
      <input
        id="website"
        name="website"
        type="text"
        tabindex="-1"
        autocomplete="off"
        @input=${(event: Event) => (host.honeypot = (event.target as HTMLInputElement).value)}
      />
    </div>
    <div class="actions">
      ${
        host.stepIndex > 0
          ? html`<button type="button" class="button secondary" part="button" @click=${host.onBack}>
              ${text.back()}
            </button>`
          : nothing
      }
      <button type="submit" class="button primary" part="button" ?disabled=${host.sending}>
        ${last ? (host.sending ? text.sending() : text.send()) : text.continue()}
      </button>
    </div>
  </form>`;
}

function renderStep(host: OcIncidentReport): TemplateResult {
  switch (host.step) {
    case 'role':
      return html`<p class="intro">${text.intro()}</p>
        ${radioGroup(host, 'reporterRole', null, reporterRoles, roleLabel, host.draft.reporterRole, (value) =>
          host.change({ reporterRole: value }),
        )}`;
    case 'what':
      return html`${checkboxGroup(
        host,
        'incidentTypes',
        null,
        incidentTypes,
        incidentTypeLabel,
        host.draft.incidentTypes,
        (values) => host.change({ incidentTypes: values }),
      )}
      ${
        host.draft.incidentTypes.includes('other')
          ? textInput(host, 'incidentTypeOther', text.otherWhat(), host.draft.incidentTypeOther, (value) =>
              host.change({ incidentTypeOther: value }),
            )
          : nothing
      }
      ${checkboxGroup(
        host,
        'biasMotivations',
        text.biasQuestion(),
        biasMotivations,
        biasLabel,
        host.draft.biasMotivations,
        (values) => host.change({ biasMotivations: values }),
      )}
      ${
        host.draft.biasMotivations.includes('other')
          ? textInput(host, 'biasMotivationOther', text.otherWhy(), host.draft.biasMotivationOther, (value) =>
              host.change({ biasMotivationOther: value }),
            )
          : nothing
      }`;
    case 'where':
      return renderWhere(host);
    case 'when':
      return html`${textInput(
          host,
          'occurredOn',
          text.date(),
          host.draft.occurredOn,
          (value) => host.change({ occurredOn: value }),
          {
            type: 'date',
            max: host.today(),
            hint: text.dateHint(),
          },
        )}
        <div class="quick-dates">
          <button type="button" class="button secondary" @click=${() => host.change({ occurredOn: host.today() })}>
            ${text.today()}
          </button>
          <button type="button" class="button secondary" @click=${() => host.change({ occurredOn: host.today(-1) })}>
            ${text.yesterday()}
          </button>
        </div>
        ${textInput(
          host,
          'occurredAt',
          text.time(),
          host.draft.occurredAt,
          (value) => host.change({ occurredAt: value }),
          {
            type: 'time',
            hint: text.timeHint(),
          },
        )}`;
    case 'details':
      return renderDetails(host);
    case 'contact':
      return renderContact(host);
    case 'review':
      return renderReview(host);
  }
}

function renderWhere(host: OcIncidentReport) {
  const kinds = ['offline', 'online'] as const;
  const kindLabel = (kind: (typeof kinds)[number]) => (kind === 'online' ? text.online() : text.offline());
  return html`${radioGroup(host, 'placeKind', null, kinds, kindLabel, host.draft.placeKind, (value) =>
    host.change({ placeKind: value }),
  )}
  ${
    host.draft.placeKind === 'online'
      ? textInput(host, 'url', text.url(), host.draft.url, (value) => host.change({ url: value }), {
          autocomplete: 'url',
        })
      : nothing
  }
  ${
    host.draft.placeKind === 'offline'
      ? html`${textArea(
            host,
            'placeDescription',
            text.placeDescription(),
            host.draft.placeDescription,
            (value) => host.change({ placeDescription: value }),
            {
              hint: text.placeHint(),
              rows: 3,
              maxlength: 1000,
            },
          )}
          <div class="field">
            <label for="district">${text.district()}</label>
            <select
              id="district"
              @change=${(event: Event) => host.change({ district: (event.target as HTMLSelectElement).value })}
            >
              <option value="" ?selected=${!host.draft.district}>${text.noDistrict()}</option>
              ${krakowDistricts.map(
                (district) =>
                  html`<option value=${district} lang="pl" ?selected=${host.draft.district === district}>
                    ${district}
                  </option>`,
              )}
            </select>
          </div>
          <div class="field location">
            ${
              host.draft.point
                ? html`<p role="status">${text.locationAdded()}</p>
                    <button type="button" class="button secondary" @click=${() => host.change({ point: null })}>
                      ${text.removeLocation()}
                    </button>`
                : html`<button type="button" class="button secondary" @click=${host.addLocation}>
                    ${text.addLocation()}
                  </button>`
            }
            ${host.locationProblem ? html`<p class="field-error" role="alert">${text.locationFailed()}</p>` : nothing}
          </div>`
      : nothing
  }`;
}

function renderDetails(host: OcIncidentReport) {
  const left = maxDescriptionLength - host.draft.description.length;
  return html`${textArea(
      host,
      'description',
      text.description(),
      host.draft.description,
      (value) => host.change({ description: value }),
      {
        hint: text.descriptionHint(),
        rows: 7,
        maxlength: maxDescriptionLength,
      },
    )}
    <p class="hint count" aria-live="polite">${left < 500 ? text.charactersLeft(Math.max(0, left)) : nothing}</p>
    ${radioGroup(
      host,
      'reportedToPolice',
      text.police(),
      policeAnswers,
      policeLabel,
      host.draft.reportedToPolice,
      (value) => host.change({ reportedToPolice: value }),
    )}`;
}

function renderContact(host: OcIncidentReport) {
  const choices = ['anonymous', 'contact'] as const;
  const label = (choice: (typeof choices)[number]) =>
    choice === 'anonymous' ? text.stayAnonymous() : text.allowContact();
  return html`${radioGroup(
    host,
    'contact',
    text.contactQuestion(),
    choices,
    label,
    host.draft.anonymous ? 'anonymous' : 'contact',
    (value) => host.change({ anonymous: value === 'anonymous' }),
  )}
  ${
    host.draft.anonymous
      ? html`<p class="hint">${text.anonymousNote()}</p>`
      : html`<p class="hint" id="contact-hint">${text.contactHint()}</p>
          ${textInput(host, 'name', text.name(), host.draft.name, (value) => host.change({ name: value }), { autocomplete: 'name' })}
          ${textInput(host, 'email', text.email(), host.draft.email, (value) => host.change({ email: value }), {
            type: 'email',
            autocomplete: 'email',
            dir: 'ltr',
          })}
          ${textInput(host, 'phone', text.phone(), host.draft.phone, (value) => host.change({ phone: value }), {
            type: 'tel',
            autocomplete: 'tel',
            dir: 'ltr',
          })}
          <div class="field">
            <label for="preferredLanguage">${text.replyLanguage()}</label>
            <select
              id="preferredLanguage"
              @change=${(event: Event) => host.change({ preferredLanguage: (event.target as HTMLSelectElement).value })}
            >
              ${supportedLocales.map((locale) => {
                const selected = (host.draft.preferredLanguage || getLocale()) === locale;
                return html`<option value=${locale} lang=${locale} dir=${directionOf(locale)} ?selected=${selected}>
                  ${new Intl.DisplayNames([locale], { type: 'language' }).of(locale)}
                </option>`;
              })}
            </select>
          </div>`
  }`;
}

function renderReview(host: OcIncidentReport) {
  const draft = host.draft;
  const listOf = (values: string[]) =>
    values.length ? new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(values) : text.notGiven();
  const rows: Array<[Step, string, string]> = [
    ['role', stepTitle('role'), draft.reporterRole ? roleLabel(draft.reporterRole) : text.notGiven()],
    [
      'what',
      stepTitle('what'),
      listOf(
        draft.incidentTypes.map((type) =>
          type === 'other' && draft.incidentTypeOther ? draft.incidentTypeOther : incidentTypeLabel(type),
        ),
      ),
    ],
    [
      'what',
      text.biasQuestion(),
      listOf(
        draft.biasMotivations.map((bias) =>
          bias === 'other' && draft.biasMotivationOther ? draft.biasMotivationOther : biasLabel(bias),
        ),
      ),
    ],
    [
      'where',
      stepTitle('where'),
      draft.placeKind === 'online'
        ? draft.url
        : [draft.placeDescription, draft.district, draft.point ? text.locationAdded() : ''].filter(Boolean).join(' · '),
    ],
    [
      'when',
      stepTitle('when'),
      [draft.occurredOn ? formatDay(draft.occurredOn) : '', draft.occurredAt].filter(Boolean).join(', '),
    ],
    ['details', text.reviewDescription(), draft.description],
    ['details', text.police(), draft.reportedToPolice ? policeLabel(draft.reportedToPolice) : text.notGiven()],
    [
      'contact',
      stepTitle('contact'),
      draft.anonymous
        ? text.anonymousAnswer()
        : [draft.name, draft.email, draft.phone].filter((part) => part.trim()).join(' · '),
    ],
  ];
  return html`<dl class="summary">
      ${rows.map(
        ([step, question, answer]) =>
          html`<div class="summary-row">
            <dt>${question}</dt>
            <dd class="answer" dir="auto">${answer || text.notGiven()}</dd>
            <dd>
              <button type="button" class="link-button" @click=${() => host.editStep(step)}>
                ${text.change()}<span class="visually-hidden">: ${question}</span>
              </button>
            </dd>
          </div>`,
      )}
    </dl>
    <div class="field consent ${host.errors.consent ? 'has-error' : ''}" data-field="consent">
      ${fieldError(host, 'consent')}
      <div class="choice">
        <input
          id="consent"
          type="checkbox"
          .checked=${draft.consent}
          aria-describedby=${describedBy(host, 'consent', 'privacy')}
          aria-invalid=${host.errors.consent ? 'true' : nothing}
          @change=${(event: Event) => host.change({ consent: (event.target as HTMLInputElement).checked })}
        />
        <label for="consent">${text.consent()}</label>
      </div>
      <p class="hint" id="privacy">
        ${
          webUrl(host.privacyUrl)
            ? html`<a href=${webUrl(host.privacyUrl)} target="_blank" rel="noopener noreferrer"
                >${text.privacyLink()}</a
              >`
            : text.privacyFallback()
        }
      </p>
    </div>`;
}

function formatDay(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(
    Date.UTC(year, month - 1, day),
  );
}

function renderSent(host: OcIncidentReport) {
  return html`<section class="outcome" part="confirmation" aria-labelledby="outcome-title">
    <h2 id="outcome-title" tabindex="-1">${text.sentTitle()}</h2>
    ${
      host.reference
        ? html`<div class="reference">
            <p>${text.reference()}</p>
            <p class="reference-value" dir="ltr">${host.reference}</p>
            <p class="hint">${text.referenceHint()}</p>
          </div>`
        : nothing
    }
    <h3>${text.nextTitle()}</h3>
    <p>${host.sentWithContact ? text.nextContact() : text.nextAnonymous()}</p>
    <h3>${text.supportTitle()}</h3>
    <ul>
      <li>${text.supportEmergency(host.emergencyNumber)}</li>
      <li>${text.supportPolice(host.emergencyNumber)}</li>
      <li>${text.supportHelp()}</li>
    </ul>
    <button type="button" class="button secondary" part="button" @click=${host.startAgain}>${text.another()}</button>
  </section>`;
}

function renderQueued(host: OcIncidentReport) {
  return html`<section class="outcome queued" part="confirmation" aria-labelledby="outcome-title">
    <h2 id="outcome-title" tabindex="-1">${text.queuedTitle()}</h2>
    <p>${text.queuedText()}</p>
    <div class="actions">
      <button type="button" class="button primary" part="button" @click=${() => host.sender?.resume()}>
        ${text.tryNow()}
      </button>
      <button type="button" class="button secondary" part="button" @click=${host.discardQueued}>
        ${text.discard()}
      </button>
    </div>
  </section>`;
}

// --- field templates ------------------------------------------------------------------------

/** `legend` null: the group's question is the step's heading, which labels it (no repeated text). */
function radioGroup<T extends string>(
  host: OcIncidentReport,
  field: Field,
  legend: string | null,
  options: readonly T[],
  label: (option: T) => string,
  selected: string,
  onChange: (value: T) => void,
) {
  return html`<fieldset
    class="field ${host.errors[field] ? 'has-error' : ''}"
    data-field=${field}
    aria-labelledby=${legend === null ? 'step-title' : nothing}
    aria-describedby=${describedBy(host, field)}
  >
    ${legend === null ? nothing : html`<legend>${legend}</legend>`} ${fieldError(host, field)}
    ${options.map(
      (option, index) =>
        html`<div class="choice">
          <input
            type="radio"
            id=${index === 0 ? field : `${field}-${option}`}
            name=${field}
            .value=${option}
            .checked=${selected === option}
            @change=${() => onChange(option)}
          />
          <label for=${index === 0 ? field : `${field}-${option}`}>${label(option)}</label>
        </div>`,
    )}
  </fieldset>`;
}

function checkboxGroup<T extends string>(
  host: OcIncidentReport,
  field: Field,
  legend: string | null,
  options: readonly T[],
  label: (option: T) => string,
  selected: readonly T[],
  onChange: (values: T[]) => void,
) {
  return html`<fieldset
    class="field ${host.errors[field] ? 'has-error' : ''}"
    data-field=${field}
    aria-labelledby=${legend === null ? 'step-title' : nothing}
    aria-describedby=${describedBy(host, field, `${field}-hint`)}
  >
    ${legend === null ? nothing : html`<legend>${legend}</legend>`}
    <p class="hint" id="${field}-hint">${text.chooseAll()}</p>
    ${fieldError(host, field)}
    ${options.map(
      (option, index) =>
        html`<div class="choice">
          <input
            type="checkbox"
            id=${index === 0 ? field : `${field}-${option}`}
            .value=${option}
            .checked=${selected.includes(option)}
            @change=${(event: Event) => {
              const checked = (event.target as HTMLInputElement).checked;
              onChange(
                checked
                  ? options.filter((o) => o === option || selected.includes(o))
                  : selected.filter((o) => o !== option),
              );
            }}
          />
          <label for=${index === 0 ? field : `${field}-${option}`}>${label(option)}</label>
        </div>`,
    )}
  </fieldset>`;
}

function textInput(
  host: OcIncidentReport,
  field: Field | 'name',
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { type?: string; hint?: string; autocomplete?: string; max?: string; dir?: string } = {},
) {
  const hintId = options.hint ? `${field}-hint` : undefined;
  const error = field === 'name' ? undefined : host.errors[field];
  return html`<div class="field ${error ? 'has-error' : ''}">
    <label for=${field}>${label}</label>
    ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing}
    ${field === 'name' ? nothing : fieldError(host, field)}
    <input
      id=${field}
      type=${options.type ?? 'text'}
      .value=${value}
      max=${options.max ?? nothing}
      dir=${options.dir ?? 'auto'}
      autocomplete=${options.autocomplete ?? 'off'}
      aria-describedby=${field === 'name' ? (hintId ?? nothing) : describedBy(host, field, hintId)}
      aria-invalid=${error ? 'true' : nothing}
      @input=${(event: Event) => onInput((event.target as HTMLInputElement).value)}
    />
  </div>`;
}

function textArea(
  host: OcIncidentReport,
  field: Field,
  label: string,
  value: string,
  onInput: (value: string) => void,
  options: { hint?: string; rows?: number; maxlength?: number } = {},
) {
  const hintId = options.hint ? `${field}-hint` : undefined;
  return html`<div class="field ${host.errors[field] ? 'has-error' : ''}">
    <label for=${field}>${label}</label>
    ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing} ${fieldError(host, field)}
    <textarea
      id=${field}
      rows=${options.rows ?? 4}
      dir="auto"
      maxlength=${options.maxlength ?? nothing}
      .value=${value}
      aria-describedby=${describedBy(host, field, hintId)}
      aria-invalid=${host.errors[field] ? 'true' : nothing}
      @input=${(event: Event) => onInput((event.target as HTMLTextAreaElement).value)}
    ></textarea>
  </div>`;
}
