/**
 * The report as the form holds it (a draft) and as it is sent (the payload of
 * schema/incident-report.schema.json), and the pure steps between them.
 */

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

/** Kraków's 18 districts (dzielnice), as residents name them. */
export const krakowDistricts = [
  'I Stare Miasto',
  'II Grzegórzki',
  'III Prądnik Czerwony',
  'IV Prądnik Biały',
  'V Krowodrza',
  'VI Bronowice',
  'VII Zwierzyniec',
  'VIII Dębniki',
  'IX Łagiewniki-Borek Fałęcki',
  'X Swoszowice',
  'XI Podgórze Duchackie',
  'XII Bieżanów-Prokocim',
  'XIII Podgórze',
  'XIV Czyżyny',
  'XV Mistrzejowice',
  'XVI Bieńczyce',
  'XVII Wzgórza Krzesławickie',
  'XVIII Nowa Huta',
] as const;

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

/** Round a device position to about 100 m: enough to find the place, not the person's home. */
export function coarsen(point: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  return { latitude: Math.round(point.latitude * 1000) / 1000, longitude: Math.round(point.longitude * 1000) / 1000 };
}

const trimmed = (value: string) => value.trim();

/**
 * Build the body to send from a complete draft. Anonymous: no contact field at all, whatever was
 * typed before the person chose anonymity.
 */
export function buildPayload(
  draft: ReportDraft,
  { locale, now = new Date(), privacyUrl }: { locale: string; now?: Date; privacyUrl?: string },
): IncidentReportPayload {
  const payload: IncidentReportPayload = {
    schemaVersion: 1,
    id: draft.id,
    createdAt: now.toISOString(),
    locale,
    reporterRole: draft.reporterRole as ReporterRole,
    incidentTypes: [...draft.incidentTypes],
    biasMotivations: [...draft.biasMotivations],
    place:
      draft.placeKind === 'online'
        ? { kind: 'online', url: trimmed(draft.url) }
        : {
            kind: 'offline',
            description: trimmed(draft.placeDescription),
            ...(draft.district ? { district: draft.district } : {}),
            ...(draft.point ? { point: coarsen(draft.point) } : {}),
          },
    occurredOn: draft.occurredOn,
    description: trimmed(draft.description),
    reportedToPolice: draft.reportedToPolice as PoliceAnswer,
    anonymous: draft.anonymous,
    consent: { specialCategoryData: true, givenAt: now.toISOString(), ...(privacyUrl ? { privacyUrl } : {}) },
  };
  if (draft.incidentTypes.includes('other') && trimmed(draft.incidentTypeOther)) {
    payload.incidentTypeOther = trimmed(draft.incidentTypeOther);
  }
  if (draft.biasMotivations.includes('other') && trimmed(draft.biasMotivationOther)) {
    payload.biasMotivationOther = trimmed(draft.biasMotivationOther);
  }
  if (draft.occurredAt) payload.occurredAt = draft.occurredAt;
  if (!draft.anonymous) {
    payload.contact = {
      ...(trimmed(draft.name) ? { name: trimmed(draft.name) } : {}),
      ...(trimmed(draft.email) ? { email: trimmed(draft.email) } : {}),
      ...(trimmed(draft.phone) ? { phone: trimmed(draft.phone) } : {}),
      preferredLanguage: draft.preferredLanguage || locale,
    };
  }
  return payload;
}

/**
 * Turn a body that the receiver refused back into a draft, so that nothing typed is lost when a
 * queued report is rejected on a later visit.
 */
export function draftFromPayload(body: IncidentReportPayload): ReportDraft {
  // startedAt 0: a person filled this in already, so the minimum fill time is met.
  const draft = newDraft(0);
  const place = body.place;
  return {
    ...draft,
    id: body.id,
    reporterRole: body.reporterRole,
    incidentTypes: [...body.incidentTypes],
    incidentTypeOther: body.incidentTypeOther ?? '',
    biasMotivations: [...body.biasMotivations],
    biasMotivationOther: body.biasMotivationOther ?? '',
    placeKind: place.kind,
    url: place.kind === 'online' ? place.url : '',
    placeDescription: place.kind === 'offline' ? place.description : '',
    district: place.kind === 'offline' ? (place.district ?? '') : '',
    point: place.kind === 'offline' ? (place.point ?? null) : null,
    occurredOn: body.occurredOn,
    occurredAt: body.occurredAt ?? '',
    description: body.description,
    reportedToPolice: body.reportedToPolice,
    anonymous: body.anonymous,
    name: body.contact?.name ?? '',
    email: body.contact?.email ?? '',
    phone: body.contact?.phone ?? '',
    preferredLanguage: body.contact?.preferredLanguage ?? '',
    consent: false,
  };
}
