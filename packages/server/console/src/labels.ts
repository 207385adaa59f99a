/**
 * Readable words for the codes of a report and of the audit log, in the page language. A code this
 * console does not know yet (a newer form version) is shown as it is, never hidden.
 */
import { msg } from '@lit/localize';
import { reportChoices, type ReportFieldPath } from '@open-city/incident-report/schema/report-fields.js';
import type { ReportStatus } from './api.js';

/** A code without a label yet (a newer form), made readable: `two-or-three` → "Two or three". */
export const fallback = (code: string) => code.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

export function statusLabel(status: ReportStatus | string): string {
  const labels: Record<string, () => string> = {
    new: () => msg('New'),
    'in-review': () => msg('In review'),
    referred: () => msg('Referred'),
    // Its own id: the finder's "Closed" (not open now) is another word in several languages.
    closed: () => msg('Closed', { id: 'report-status-closed' }),
    spam: () => msg('Spam'),
  };
  return labels[status]?.() ?? fallback(status);
}

/** The incident types, from the schema (the inbox's filter lists them all). */
export const incidentTypes: readonly string[] = reportChoices.incidentTypes;

/** The bias categories of every version, the current ones first (older reports keep theirs). */
export const biasMotivations: readonly string[] = [
  ...new Set<string>([...reportChoices['biasMotivations@2'], ...reportChoices['biasMotivations@1']]),
];

/**
 * The label of each field of a report, by its path in the schema (report-fields.js). The type makes
 * a field the schema gains without a label here a type error; labels.test.ts checks every one.
 * `deletionCodeSha256` is never given to staff (reports.mjs leaves it out), so it has none.
 */
const fieldLabels: Record<Exclude<ReportFieldPath, 'deletionCodeSha256'>, () => string> = {
  schemaVersion: () => msg('Form version'),
  id: () => msg('Report ID'),
  createdAt: () => msg('Sent'),
  locale: () => msg('Form filled in'),
  reporterRole: () => msg('Who reports'),
  incidentTypes: () => msg('What happened'),
  incidentTypeOther: () => msg('In their words'),
  biasMotivations: () => msg('Suspected bias'),
  biasMotivationOther: () => msg('Bias in their words'),
  'place.kind': () => msg('Where'),
  'place.url': () => msg('Website or app'),
  'place.description': () => msg('Place'),
  'place.district': () => msg('District'),
  'place.point.latitude': () => msg('Position (about 100 m)'),
  'place.point.longitude': () => msg('Position (about 100 m)'),
  occurredOn: () => msg('Date'),
  occurredAt: () => msg('Time'),
  description: () => msg('Description'),
  reportedToPolice: () => msg('Reported to the police'),
  targets: () => msg('Who or what was targeted'),
  injuries: () => msg('Injuries'),
  'witnesses.present': () => msg('Witnesses'),
  'witnesses.contactThroughReporter': () => msg('Witnesses may be reached through the reporter'),
  'perpetrators.count': () => msg('How many people did it'),
  'perpetrators.knownToVictim': () => msg('Known to the person targeted'),
  'perpetrators.description': () => msg('About the people who did it'),
  reportedElsewhere: () => msg('Also reported to'),
  anonymous: () => msg('Contact'),
  'contact.name': () => msg('Name'),
  'contact.email': () => msg('E-mail'),
  'contact.phone': () => msg('Phone'),
  'contact.preferredLanguage': () => msg('Language for the reply'),
  attachments: () => msg('Evidence'),
  'consent.specialCategoryData': () => msg('Consent to special-category data'),
  'consent.givenAt': () => msg('Consent to special-category data'),
  'consent.privacyUrl': () => msg('Privacy notice shown'),
};

/** Whether this console has words for a field (else `fieldLabel` makes its path readable). */
export const hasFieldLabel = (path: string): boolean => path in fieldLabels;

/** A field's label; a field of a newer form than this console knows keeps its path, made readable. */
export function fieldLabel(path: string): string {
  return (fieldLabels as Record<string, () => string>)[path]?.() ?? fallback(path);
}

type Choices = typeof reportChoices;
type ChoiceOf<P extends keyof Choices> = Extract<Choices[P][number], string>;
/** The closed fields staff read in words (types, dates and ids are shown as they are). */
type WordedChoice =
  | 'reporterRole'
  | 'incidentTypes'
  | 'place.kind'
  | 'reportedToPolice'
  | 'targets'
  | 'injuries'
  | 'perpetrators.count'
  | 'perpetrators.knownToVictim'
  | 'reportedElsewhere.to';

const answers = () => ({ yes: () => msg('Yes'), no: () => msg('No'), 'not-sure': () => msg('Not sure') });

/**
 * The words for every answer of every closed field: the type makes an answer the schema gains
 * without words here a type error (the bias categories of both versions included).
 */
const choiceLabels: { [P in WordedChoice]: Record<ChoiceOf<P>, () => string> } & {
  biasMotivations: Record<ChoiceOf<'biasMotivations@1'> | ChoiceOf<'biasMotivations@2'>, () => string>;
} = {
  reporterRole: {
    victim: () => msg('It happened to them'),
    witness: () => msg('A witness'),
    'on-behalf': () => msg('On behalf of someone else'),
  },
  incidentTypes: {
    'verbal-abuse': () => msg('Verbal abuse'),
    threat: () => msg('Threat'),
    'physical-attack': () => msg('Physical attack'),
    'property-damage': () => msg('Damage to property'),
    'graffiti-or-symbols': () => msg('Graffiti, stickers or hate symbols'),
    'online-hate': () => msg('Hate online'),
    'discrimination-service': () => msg('Refused service'),
    'discrimination-housing': () => msg('Discrimination in housing'),
    'discrimination-work': () => msg('Discrimination at work'),
    other: () => msg('Other'),
  },
  biasMotivations: {
    'racism-xenophobia-nationality': () => msg('Racism, xenophobia or nationality'),
    // Version 2 of the form: the OSCE/ODIHR categories, in the form's own words.
    antisemitism: () => msg('Antisemitism: against Jewish people'),
    'anti-muslim': () => msg('Against Muslims'),
    'anti-christian-other-religions': () => msg('Against Christians or people of another religion'),
    'anti-roma-sinti': () => msg('Against Roma or Sinti'),
    'anti-lgbti': () => msg('Against LGBTI people: sexual orientation or gender identity'),
    'gender-based': () => msg('Because of gender, for example against women'),
    // Version 1 only.
    religion: () => msg('Religion or belief'),
    language: () => msg('Language'),
    'sexual-orientation': () => msg('Sexual orientation'),
    'gender-identity': () => msg('Gender identity'),
    disability: () => msg('Disability'),
    other: () => msg('Other'),
    unknown: () => msg('Not sure'),
  },
  'place.kind': { online: () => msg('Online'), offline: () => msg('In a place') },
  reportedToPolice: answers(),
  targets: {
    me: () => msg('The reporter'),
    'another-person': () => msg('Another person'),
    group: () => msg('A group of people'),
    property: () => msg('Property'),
    'place-of-worship-or-community-centre': () => msg('A place of worship or a community centre'),
    'online-community': () => msg('An online group or community'),
  },
  injuries: {
    none: () => msg('Nobody was hurt'),
    minor: () => msg('Minor injuries'),
    'needed-medical-help': () => msg('Needed medical help'),
  },
  'perpetrators.count': {
    one: () => msg('One person'),
    'two-or-three': () => msg('2 or 3 people'),
    'four-or-more': () => msg('4 or more people'),
    unknown: () => msg('Not known'),
  },
  'perpetrators.knownToVictim': answers(),
  'reportedElsewhere.to': {
    police: () => msg('The police'),
    organisation: () => msg('Another organisation'),
    platform: () => msg('The website or app where it happened'),
  },
};

/** The paths whose answers are shown in words (see `choiceLabel`). */
export const wordedChoices = Object.keys(choiceLabels);

/** Whether this console has words for an answer of a closed field. */
export const hasChoiceLabel = (path: string, code: string): boolean =>
  code in ((choiceLabels as Record<string, Record<string, unknown>>)[path] ?? {});

/** An answer of a closed field in words; an answer this console does not know yet, made readable. */
export function choiceLabel(path: string, code: string): string {
  return (choiceLabels as Record<string, Record<string, () => string>>)[path]?.[code]?.() ?? fallback(code);
}

export const incidentTypeLabel = (code: string): string => choiceLabel('incidentTypes', code);
export const biasLabel = (code: string): string => choiceLabel('biasMotivations', code);
export const reporterRoleLabel = (code: string): string => choiceLabel('reporterRole', code);
export const answerLabel = (code: string): string => choiceLabel('reportedToPolice', code);

export function placeKindLabel(code: string | undefined): string {
  return code ? choiceLabel('place.kind', code) : '';
}

export function actionLabel(action: string): string {
  const labels: Record<string, () => string> = {
    'report-received': () => msg('Report received'),
    'report-viewed': () => msg('Report opened'),
    'evidence-viewed': () => msg('Evidence image opened'),
    'status-changed': () => msg('Status changed'),
    'note-added': () => msg('Note added'),
    'referral-added': () => msg('Referral recorded'),
    export: () => msg('Reports exported'),
    'report-deleted': () => msg('Report deleted'),
    'signed-in': () => msg('Signed in'),
    'signed-out': () => msg('Signed out'),
    'sign-in-failed': () => msg('Sign-in failed'),
    'sign-in-limited': () => msg('Sign-in refused: too many attempts'),
    'password-changed': () => msg('Password changed'),
    'two-factor-enrolled': () => msg('Authenticator app set up'),
    'account-added': () => msg('Account added'),
    'account-disabled': () => msg('Account disabled'),
    'account-enabled': () => msg('Account enabled'),
    'account-reset': () => msg('Password reset'),
    'account-role': () => msg('Role changed'),
    'account-two-factor': () => msg('Second factor requirement changed'),
  };
  return labels[action]?.() ?? fallback(action);
}

export function actorLabel(actor: string, kind: string): string {
  if (kind === 'reporter') return msg('The reporter');
  if (kind === 'system') return msg('The server');
  if (kind === 'token') return msg('Export with the admin token');
  return actor;
}

/** The interesting part of an audit entry's details, in words. */
export function detailText(action: string, details: Record<string, unknown>): string {
  if (action === 'status-changed') {
    return `${statusLabel(String(details.from))} → ${statusLabel(String(details.to))}`;
  }
  if (action === 'referral-added') return `${String(details.to)} (${String(details.on)})`;
  if (action === 'export') {
    const count = Number(details.count ?? 0);
    return `${String(details.format ?? '').toUpperCase()}: ${count}`;
  }
  if (action === 'report-deleted') {
    const reasons: Record<string, () => string> = {
      withdrawn: () => msg('withdrawn by the reporter'),
      retention: () => msg('retention period over'),
      admin: () => msg('deleted by an admin'),
    };
    const reason = reasons[String(details.reason)]?.() ?? String(details.reason ?? '');
    return details.note ? `${reason}: ${String(details.note)}` : reason;
  }
  return '';
}
