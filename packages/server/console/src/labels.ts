/**
 * Readable words for the codes of a report and of the audit log, in the page language. A code this
 * console does not know yet (a newer form version) is shown as it is, never hidden.
 */
import { msg } from '@lit/localize';
import type { ReportStatus } from './api.js';

const fallback = (code: string) => code.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

export function statusLabel(status: ReportStatus | string): string {
  const labels: Record<string, () => string> = {
    new: () => msg('New'),
    'in-review': () => msg('In review'),
    referred: () => msg('Referred'),
    closed: () => msg('Closed'),
    spam: () => msg('Spam'),
  };
  return labels[status]?.() ?? fallback(status);
}

export function incidentTypeLabel(code: string): string {
  const labels: Record<string, () => string> = {
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
  };
  return labels[code]?.() ?? fallback(code);
}

export const incidentTypes = [
  'verbal-abuse',
  'threat',
  'physical-attack',
  'property-damage',
  'graffiti-or-symbols',
  'online-hate',
  'discrimination-service',
  'discrimination-housing',
  'discrimination-work',
  'other',
];

export function biasLabel(code: string): string {
  const labels: Record<string, () => string> = {
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
  };
  return labels[code]?.() ?? fallback(code);
}

export const biasMotivations = [
  'racism-xenophobia-nationality',
  'antisemitism',
  'anti-muslim',
  'anti-christian-other-religions',
  'anti-roma-sinti',
  'anti-lgbti',
  'gender-based',
  'religion',
  'language',
  'sexual-orientation',
  'gender-identity',
  'disability',
  'other',
  'unknown',
];

export function reporterRoleLabel(code: string): string {
  const labels: Record<string, () => string> = {
    victim: () => msg('It happened to them'),
    witness: () => msg('A witness'),
    'on-behalf': () => msg('On behalf of someone else'),
  };
  return labels[code]?.() ?? fallback(code);
}

export function answerLabel(code: string): string {
  const labels: Record<string, () => string> = {
    yes: () => msg('Yes'),
    no: () => msg('No'),
    'not-sure': () => msg('Not sure'),
  };
  return labels[code]?.() ?? fallback(code);
}

export function placeKindLabel(code: string | undefined): string {
  if (code === 'online') return msg('Online');
  if (code === 'offline') return msg('In a place');
  return code ? fallback(code) : '';
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
