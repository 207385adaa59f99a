/**
 * Between the draft and the body sent: building the payload, taking a refused one back as a draft,
 * and coarsening a device position. Used once the form's views have loaded.
 */
import {
  migrateBias,
  newDraft,
  type IncidentReportPayload,
  type OtherRecipient,
  type PoliceAnswer,
  type ReportDraft,
  type ReportedElsewhere,
  type ReporterRole,
} from './report-model.js';
import { latinDigits } from './validation.js';

/** Round a device position to about 100 m: enough to find the place, not the person's home. */
export function coarsen(point: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  return { latitude: Math.round(point.latitude * 1000) / 1000, longitude: Math.round(point.longitude * 1000) / 1000 };
}

const trimmed = (value: string) => value.trim();

/** `{ [key]: value }` when the value is not empty, else nothing: only answers given are sent. */
const given = <K extends string, V>(key: K, value: V | '' | undefined) =>
  (value === '' || value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

/**
 * Build the body to send from a complete draft. Anonymous: no contact field at all, whatever was
 * typed before the person chose anonymity. Questions not answered are left out, not sent empty.
 */
export function buildPayload(
  draft: ReportDraft,
  {
    locale,
    now = new Date(),
    privacyUrl,
    deletionCodeSha256,
  }: { locale: string; now?: Date; privacyUrl?: string; deletionCodeSha256?: string },
): IncidentReportPayload {
  const payload: IncidentReportPayload = {
    schemaVersion: 2,
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
  Object.assign(payload, caseworkerAnswers(draft));
  if (!draft.anonymous) {
    payload.contact = {
      ...(trimmed(draft.name) ? { name: trimmed(draft.name) } : {}),
      ...(trimmed(draft.email) ? { email: trimmed(draft.email) } : {}),
      ...(trimmed(draft.phone) ? { phone: latinDigits(trimmed(draft.phone)) } : {}),
      preferredLanguage: draft.preferredLanguage || locale,
    };
  }
  if (draft.attachments.length > 0) {
    payload.attachments = draft.attachments.map(({ id, type, bytes, sha256, alt }) => ({
      id,
      type,
      bytes,
      sha256,
      alt: trimmed(alt),
    }));
  }
  if (deletionCodeSha256) payload.deletionCodeSha256 = deletionCodeSha256;
  return payload;
}

/** The optional questions a caseworker asks first; only what was answered. */
function caseworkerAnswers(draft: ReportDraft): Partial<IncidentReportPayload> {
  const answers: Partial<IncidentReportPayload> = {
    ...given('targets', draft.targets.length ? [...draft.targets] : ''),
    ...given('injuries', draft.injuries),
  };
  if (draft.witnesses) {
    answers.witnesses = { present: draft.witnesses === 'yes' };
    // Passing on a message needs a way to reach the reporter: never asked of an anonymous report.
    if (draft.witnesses === 'yes' && draft.witnessesContact && !draft.anonymous) {
      answers.witnesses.contactThroughReporter = draft.witnessesContact === 'yes';
    }
  }
  const perpetrators = {
    ...given('count', draft.perpetratorCount),
    ...given('knownToVictim', draft.perpetratorKnown),
    ...given('description', trimmed(draft.perpetratorDescription)),
  };
  if (Object.keys(perpetrators).length > 0) answers.perpetrators = perpetrators;
  const elsewhere: ReportedElsewhere[] = [];
  if (draft.reportedToPolice === 'yes') {
    elsewhere.push({ to: 'police', ...given('reference', trimmed(draft.policeReference)) });
  }
  for (const to of draft.reportedElsewhere) {
    elsewhere.push({
      to,
      ...(to === 'organisation' ? given('name', trimmed(draft.organisationName)) : {}),
      ...given('reference', trimmed(to === 'organisation' ? draft.organisationReference : draft.platformReference)),
    });
  }
  if (elsewhere.length > 0) answers.reportedElsewhere = elsewhere;
  return answers;
}

/**
 * Turn a body that the receiver refused back into a draft, so that nothing typed is lost when a
 * queued report is rejected on a later visit. A version 1 body (queued before the form changed)
 * comes back in version 2's terms.
 */
export function draftFromPayload(body: IncidentReportPayload): ReportDraft {
  // startedAt 0: a person filled this in already, so the minimum fill time is met.
  const draft = newDraft(0);
  const place = body.place;
  const elsewhere = (to: ReportedElsewhere['to']) => body.reportedElsewhere?.find((item) => item.to === to);
  const witnesses = body.witnesses;
  return {
    ...draft,
    id: body.id,
    reporterRole: body.reporterRole,
    incidentTypes: [...body.incidentTypes],
    incidentTypeOther: body.incidentTypeOther ?? '',
    biasMotivations: migrateBias(body.biasMotivations),
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
    policeReference: elsewhere('police')?.reference ?? '',
    targets: [...(body.targets ?? [])],
    injuries: body.injuries ?? '',
    witnesses: witnesses ? (witnesses.present ? 'yes' : 'no') : '',
    witnessesContact:
      witnesses?.contactThroughReporter === undefined ? '' : witnesses.contactThroughReporter ? 'yes' : 'no',
    perpetratorCount: body.perpetrators?.count ?? '',
    perpetratorKnown: body.perpetrators?.knownToVictim ?? '',
    perpetratorDescription: body.perpetrators?.description ?? '',
    reportedElsewhere: (['organisation', 'platform'] as OtherRecipient[]).filter((to) => elsewhere(to)),
    organisationName: elsewhere('organisation')?.name ?? '',
    organisationReference: elsewhere('organisation')?.reference ?? '',
    platformReference: elsewhere('platform')?.reference ?? '',
    attachments: (body.attachments ?? []).map((item) => ({ ...item, alt: item.alt ?? '' })),
    anonymous: body.anonymous,
    name: body.contact?.name ?? '',
    email: body.contact?.email ?? '',
    phone: body.contact?.phone ?? '',
    preferredLanguage: body.contact?.preferredLanguage ?? '',
    consent: false,
  };
}
