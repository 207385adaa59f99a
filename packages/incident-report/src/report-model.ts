/**
 * The report as the form holds it (a draft) and as it is sent (the payload of
 * schema/incident-report.schema.json), and the pure steps between them.
 */
import { steps, type Step } from './steps.js';

export const reporterRoles = ['victim', 'witness', 'on-behalf'] as const;
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
] as const;
export const biasMotivations = [
  'racism-xenophobia-nationality',
  'religion',
  'language',
  'sexual-orientation',
  'gender-identity',
  'disability',
  'other',
  'unknown',
] as const;
export const policeAnswers = ['yes', 'no', 'not-sure'] as const;

export type ReporterRole = (typeof reporterRoles)[number];
export type IncidentType = (typeof incidentTypes)[number];
export type BiasMotivation = (typeof biasMotivations)[number];
export type PoliceAnswer = (typeof policeAnswers)[number];

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
  anonymous: boolean;
  name: string;
  email: string;
  phone: string;
  preferredLanguage: string;
  consent: boolean;
}

/** The body posted to the receiver; matches schema/incident-report.schema.json. */
export interface IncidentReportPayload {
  schemaVersion: 1;
  id: string;
  createdAt: string;
  locale: string;
  reporterRole: ReporterRole;
  incidentTypes: IncidentType[];
  incidentTypeOther?: string;
  biasMotivations: BiasMotivation[];
  biasMotivationOther?: string;
  place:
    | { kind: 'online'; url: string }
    | { kind: 'offline'; description: string; district?: string; point?: { latitude: number; longitude: number } };
  occurredOn: string;
  occurredAt?: string;
  description: string;
  reportedToPolice: PoliceAnswer;
  anonymous: boolean;
  contact?: { name?: string; email?: string; phone?: string; preferredLanguage: string };
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
    } else if (Array.isArray(initial)) {
      if (Array.isArray(candidate)) draft[key] = candidate.filter((item) => typeof item === 'string');
    } else if (typeof candidate === typeof initial) {
      draft[key] = candidate;
    }
  }
  const result = draft as unknown as ReportDraft;
  result.incidentTypes = result.incidentTypes.filter((type) => (incidentTypes as readonly string[]).includes(type));
  result.biasMotivations = result.biasMotivations.filter((bias) =>
    (biasMotivations as readonly string[]).includes(bias),
  );
  if (!(reporterRoles as readonly string[]).includes(result.reporterRole)) result.reporterRole = '';
  if (!(policeAnswers as readonly string[]).includes(result.reportedToPolice)) result.reportedToPolice = '';
  if (result.placeKind !== 'online' && result.placeKind !== 'offline') result.placeKind = '';
  return result;
}
