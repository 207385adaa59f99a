/**
 * Between the draft and the body sent: building the payload, taking a refused one back as a draft,
 * and coarsening a device position. Used once the form's views have loaded.
 */
import {
  newDraft,
  type IncidentReportPayload,
  type PoliceAnswer,
  type ReportDraft,
  type ReporterRole,
} from './report-model.js';

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
