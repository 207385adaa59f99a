/**
 * The report as the form holds it (a draft) and as it is sent (the payload of
 * schema/incident-report.schema.json), and the pure steps between them.
 */
import { reportChoices } from '../schema/report-fields.js';
import { steps, type Step } from './steps.js';

// The closed answers come from the schema (schema/report-fields.js, written from it): one list for
// the form, the receiver's export and the staff console.
export const reporterRoles = reportChoices.reporterRole;
export const incidentTypes = reportChoices.incidentTypes;
/** The OSCE/ODIHR bias categories (schema version 2), each its own choice. */
export const biasMotivations = reportChoices.biasMotivations;
/** Version 1's categories that version 2 no longer has; a report of version 1 may still carry them. */
export type BiasMotivationV1 = Exclude<(typeof reportChoices)['biasMotivations@1'][number], BiasMotivation>;
export const policeAnswers = reportChoices.reportedToPolice;
/** Who or what was targeted. */
export const targets = reportChoices.targets;
export const injuryAnswers = reportChoices.injuries;
export const yesNo = ['yes', 'no'] as const;
export const perpetratorCounts = reportChoices['perpetrators.count'];
/** Where else it was reported, besides the police (which `reportedToPolice` asks). */
export const otherRecipients = reportChoices['reportedElsewhere.to'].filter(
  (to): to is Exclude<typeof to, 'police'> => to !== 'police',
);

export type ReporterRole = (typeof reporterRoles)[number];
export type IncidentType = (typeof incidentTypes)[number];
export type BiasMotivation = (typeof biasMotivations)[number];
export type PoliceAnswer = (typeof policeAnswers)[number];
export type Target = (typeof targets)[number];
export type InjuryAnswer = (typeof injuryAnswers)[number];
export type YesNo = (typeof yesNo)[number];
export type PerpetratorCount = (typeof perpetratorCounts)[number];
export type OtherRecipient = (typeof otherRecipients)[number];
export type ImageType = (typeof reportChoices)['attachments.type'][number];

/**
 * An evidence image as the report lists it. Its bytes (re-encoded on the device, without metadata)
 * are kept in IndexedDB under `id` until the receiver has accepted the report (attachment-store.ts).
 */
export interface ReportAttachment {
  id: string;
  type: ImageType;
  bytes: number;
  /** SHA-256 of the bytes, lower-case hex. */
  sha256: string;
  /** The person's short description: the image's alt text. */
  alt: string;
}

/** What the form holds while it is filled in; every field a string or list so that it stores as JSON. */
export interface ReportDraft {
  id: string;
  /** When the form was first shown (ms since epoch): for the minimum fill time. */
  startedAt: number;
  reporterRole: ReporterRole | '';
  incidentTypes: IncidentType[];
  incidentTypeOther: string;
  biasMotivations: BiasMotivation[];
  biasMotivationOther: string;
  placeKind: 'online' | 'offline' | '';
  url: string;
  placeDescription: string;
  district: string;
  point: { latitude: number; longitude: number } | null;
  occurredOn: string;
  occurredAt: string;
  description: string;
  reportedToPolice: PoliceAnswer | '';
  policeReference: string;
  /** What a caseworker asks first; every one optional. */
  targets: Target[];
  injuries: InjuryAnswer | '';
  witnesses: YesNo | '';
  witnessesContact: YesNo | '';
  perpetratorCount: PerpetratorCount | '';
  perpetratorKnown: PoliceAnswer | '';
  perpetratorDescription: string;
  reportedElsewhere: OtherRecipient[];
  organisationName: string;
  organisationReference: string;
  platformReference: string;
  /** The evidence images, in the order the person chose. */
  attachments: ReportAttachment[];
  anonymous: boolean;
  name: string;
  email: string;
  phone: string;
  preferredLanguage: string;
  consent: boolean;
}

/** Where else the incident was reported; `police` when `reportedToPolice` is `yes`. */
export interface ReportedElsewhere {
  to: 'police' | OtherRecipient;
  /** The organisation's name (`organisation` only). */
  name?: string;
  /** A case or reference number given there. */
  reference?: string;
}

/** The body posted to the receiver; matches schema/incident-report.schema.json (version 2; version 1 bodies may still wait in an outbox). */
export interface IncidentReportPayload {
  schemaVersion: 1 | 2;
  id: string;
  createdAt: string;
  locale: string;
  reporterRole: ReporterRole;
  incidentTypes: IncidentType[];
  incidentTypeOther?: string;
  biasMotivations: Array<BiasMotivation | BiasMotivationV1>;
  biasMotivationOther?: string;
  place:
    | { kind: 'online'; url: string }
    | { kind: 'offline'; description: string; district?: string; point?: { latitude: number; longitude: number } };
  occurredOn: string;
  occurredAt?: string;
  description: string;
  reportedToPolice: PoliceAnswer;
  targets?: Target[];
  injuries?: InjuryAnswer;
  witnesses?: { present: boolean; contactThroughReporter?: boolean };
  perpetrators?: { count?: PerpetratorCount; knownToVictim?: PoliceAnswer; description?: string };
  reportedElsewhere?: ReportedElsewhere[];
  anonymous: boolean;
  contact?: { name?: string; email?: string; phone?: string; preferredLanguage: string };
  attachments?: ReportAttachment[];
  /** SHA-256 (hex) of the deletion code shown to the person; the code itself stays on the device. */
  deletionCodeSha256?: string;
  consent: { specialCategoryData: true; givenAt: string; privacyUrl?: string };
}

export function newDraft(now = Date.now()): ReportDraft {
  return {
    id: crypto.randomUUID(),
    startedAt: now,
    reporterRole: '',
    incidentTypes: [],
    incidentTypeOther: '',
    biasMotivations: [],
    biasMotivationOther: '',
    placeKind: '',
    url: '',
    placeDescription: '',
    district: '',
    point: null,
    occurredOn: '',
    occurredAt: '',
    description: '',
    reportedToPolice: '',
    policeReference: '',
    targets: [],
    injuries: '',
    witnesses: '',
    witnessesContact: '',
    perpetratorCount: '',
    perpetratorKnown: '',
    perpetratorDescription: '',
    reportedElsewhere: [],
    organisationName: '',
    organisationReference: '',
    platformReference: '',
    attachments: [],
    // Anonymous unless the person chooses to be contacted.
    anonymous: true,
    name: '',
    email: '',
    phone: '',
    preferredLanguage: '',
    consent: false,
  };
}

/** A draft as kept in sessionStorage, with the step the person was on. */
export interface StoredDraft {
  draft: ReportDraft;
  step: Step;
}

/** Take back what sessionStorage held (see draft-store.ts), or undefined when it is not a draft. */
export function restoreStoredDraft(value: unknown): StoredDraft | undefined {
  const stored = value as { draft?: unknown; step?: unknown } | null | undefined;
  const draft = restoreDraft(stored?.draft);
  if (!draft) return undefined;
  const step = stored?.step as Step;
  return { draft, step: steps.includes(step) ? step : 'role' };
}

/** The closed answers of a draft and what each may hold; anything else read back is dropped. */
const choices: Partial<Record<keyof ReportDraft, readonly string[]>> = {
  reporterRole: reporterRoles,
  incidentTypes,
  biasMotivations,
  placeKind: reportChoices['place.kind'],
  reportedToPolice: policeAnswers,
  targets,
  injuries: injuryAnswers,
  witnesses: yesNo,
  witnessesContact: yesNo,
  perpetratorCount: perpetratorCounts,
  perpetratorKnown: policeAnswers,
  reportedElsewhere: otherRecipients,
};

/**
 * Version 1's bias categories in version 2's terms: language is part of racism and xenophobia, and
 * sexual orientation and gender identity are one category. "Religion" has no single successor (it
 * is now antisemitism, bias against Muslims, or against Christians and other religions), so it is
 * dropped and the person chooses again.
 */
export function migrateBias(values: readonly string[]): BiasMotivation[] {
  const renamed: Record<string, BiasMotivation> = {
    language: 'racism-xenophobia-nationality',
    'sexual-orientation': 'anti-lgbti',
    'gender-identity': 'anti-lgbti',
  };
  const known = values
    .map((value) => renamed[value] ?? value)
    .filter((value): value is BiasMotivation => (biasMotivations as readonly string[]).includes(value));
  return biasMotivations.filter((bias) => known.includes(bias));
}

const imageTypes: readonly string[] = reportChoices['attachments.type'];

/** An attachment as the draft lists it, when it has the right shape. */
export function isAttachment(value: unknown): value is ReportAttachment {
  const item = value as ReportAttachment | null;
  return (
    !!item &&
    typeof item.id === 'string' &&
    imageTypes.includes(item.type) &&
    typeof item.bytes === 'number' &&
    typeof item.sha256 === 'string' &&
    typeof item.alt === 'string'
  );
}

/** Take a stored draft back, keeping only fields of the right type (storage may hold anything). */
export function restoreDraft(value: unknown): ReportDraft | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const stored = value as Record<string, unknown>;
  if (typeof stored.id !== 'string' || typeof stored.startedAt !== 'number') return undefined;
  const fresh = newDraft(stored.startedAt);
  const draft: Record<string, unknown> = { ...fresh, id: stored.id };
  for (const [key, initial] of Object.entries(fresh)) {
    const candidate = stored[key];
    if (key === 'point') {
      const point = candidate as ReportDraft['point'];
      draft.point = point && typeof point.latitude === 'number' && typeof point.longitude === 'number' ? point : null;
    } else if (key === 'attachments') {
      if (Array.isArray(candidate)) draft.attachments = candidate.filter(isAttachment).slice(0, 5);
    } else if (Array.isArray(initial)) {
      if (Array.isArray(candidate)) draft[key] = candidate.filter((item) => typeof item === 'string');
    } else if (typeof candidate === typeof initial) {
      draft[key] = candidate;
    }
  }
  const result = draft as unknown as ReportDraft;
  // A draft kept by the previous version of the form may hold version 1's bias categories.
  result.biasMotivations = migrateBias(result.biasMotivations);
  for (const [key, allowed] of Object.entries(choices) as Array<[keyof ReportDraft, readonly string[]]>) {
    const field = draft[key];
    if (Array.isArray(field)) draft[key] = field.filter((item) => allowed.includes(item as string));
    else if (!allowed.includes(field as string)) draft[key] = '';
  }
  return result;
}
