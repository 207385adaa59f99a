import { addDays, isoDate, zonedParts } from '@open-city/core';
import type { ReportDraft } from './report-model.js';
import { steps, type Step } from './steps.js';

export { steps, type Step } from './steps.js';

/** Fields that can carry an error; each is the id of its input in the form. */
export type Field =
  | 'reporterRole'
  | 'incidentTypes'
  | 'incidentTypeOther'
  | 'biasMotivations'
  | 'biasMotivationOther'
  | 'placeKind'
  | 'url'
  | 'placeDescription'
  | 'occurredOn'
  | 'occurredAt'
  | 'description'
  | 'reportedToPolice'
  | 'contact'
  | 'email'
  | 'phone'
  | 'consent';

/** Optional answers: they never carry an error, but are fields of the form all the same. */
export type OptionalField =
  | 'targets'
  | 'policeReference'
  | 'injuries'
  | 'witnesses'
  | 'witnessesContact'
  | 'perpetratorCount'
  | 'perpetratorKnown'
  | 'perpetratorDescription'
  | 'reportedElsewhere'
  | 'organisationName'
  | 'organisationReference'
  | 'platformReference';

export type ErrorCode =
  | 'required'
  | 'invalid-date'
  | 'future-date'
  | 'invalid-time'
  | 'too-long'
  | 'contact-needed'
  | 'invalid-email'
  | 'invalid-phone';

export type StepErrors = Partial<Record<Field, ErrorCode>>;

export const maxDescriptionLength = 5000;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ()./-]{6,}$/;

/**
 * Digits as the receiver takes them: Arabic-Indic (٠١٢) and Persian (۰۱۲) digits, which an Arabic
 * or Persian keyboard types, as Latin ones. A phone number is kept and sent in Latin digits.
 */
export function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String(digit.charCodeAt(0) & 0xf));
}

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date (YYYY-MM-DD) in a time zone, moved by `days`: the latest date a report may give. */
export function isoToday(timeZone: string, now: number, days = 0): string {
  return isoDate(addDays(zonedParts(now, timeZone), days));
}

/**
 * What is missing or wrong on one step. Asks only for what is needed: the time of day, the district,
 * a name, are never required. `today` is the date (YYYY-MM-DD) where the person is.
 */
export function validateStep(step: Step, draft: ReportDraft, today: string): StepErrors {
  const errors: StepErrors = {};
  const blank = (value: string) => value.trim() === '';
  switch (step) {
    case 'role':
      if (!draft.reporterRole) errors.reporterRole = 'required';
      break;
    case 'what':
      if (draft.incidentTypes.length === 0) errors.incidentTypes = 'required';
      else if (draft.incidentTypes.includes('other') && blank(draft.incidentTypeOther))
        errors.incidentTypeOther = 'required';
      if (draft.biasMotivations.length === 0) errors.biasMotivations = 'required';
      else if (draft.biasMotivations.includes('other') && blank(draft.biasMotivationOther))
        errors.biasMotivationOther = 'required';
      break;
    case 'where':
      if (!draft.placeKind) errors.placeKind = 'required';
      else if (draft.placeKind === 'online' && blank(draft.url)) errors.url = 'required';
      else if (draft.placeKind === 'offline' && blank(draft.placeDescription)) errors.placeDescription = 'required';
      break;
    case 'when':
      if (blank(draft.occurredOn)) errors.occurredOn = 'required';
      else if (!isRealDate(draft.occurredOn)) errors.occurredOn = 'invalid-date';
      else if (draft.occurredOn > today) errors.occurredOn = 'future-date';
      if (draft.occurredAt && !/^([01]\d|2[0-3]):[0-5]\d$/.test(draft.occurredAt)) errors.occurredAt = 'invalid-time';
      break;
    case 'details':
      if (blank(draft.description)) errors.description = 'required';
      else if (draft.description.trim().length > maxDescriptionLength) errors.description = 'too-long';
      if (!draft.reportedToPolice) errors.reportedToPolice = 'required';
      break;
    case 'contact':
      if (!draft.anonymous) {
        if (blank(draft.email) && blank(draft.phone)) errors.contact = 'contact-needed';
        if (!blank(draft.email) && !emailPattern.test(draft.email.trim())) errors.email = 'invalid-email';
        if (!blank(draft.phone) && !phonePattern.test(latinDigits(draft.phone.trim()))) errors.phone = 'invalid-phone';
      }
      break;
    case 'review':
      if (!draft.consent) errors.consent = 'required';
      break;
  }
  return errors;
}

/** The first step with a problem, for a draft restored or edited out of order. */
export function firstInvalidStep(draft: ReportDraft, today: string): Step | undefined {
  return steps.find((step) => step !== 'review' && Object.keys(validateStep(step, draft, today)).length > 0);
}
