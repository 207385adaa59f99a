import { randomUUID } from 'node:crypto';

/** A complete, valid report as <oc-incident-report> posts it (anonymous, offline). */
export function validReport(overrides = {}) {
  const now = new Date().toISOString();
  return {
    schemaVersion: 1,
    id: randomUUID(),
    createdAt: now,
    locale: 'uk',
    reporterRole: 'witness',
    incidentTypes: ['graffiti-or-symbols'],
    biasMotivations: ['racism-xenophobia-nationality'],
    place: {
      kind: 'offline',
      description: 'Przystanek Rondo Mogilskie, wiata w stronę centrum',
      district: 'II Grzegórzki',
    },
    occurredOn: '2026-11-20',
    description: 'Na wiacie namalowano napis nawołujący do wyrzucenia Ukraińców.',
    reportedToPolice: 'no',
    anonymous: true,
    consent: { specialCategoryData: true, givenAt: now, privacyUrl: 'https://example.krakow.pl/privacy' },
    ...overrides,
  };
}

/**
 * A version 2 report that answers every question the schema has (not anonymous, online-free,
 * witnesses, perpetrators, reported to the police and elsewhere), without attachments: a test adds
 * those after sending the images.
 */
export function fullReport(overrides = {}) {
  const now = new Date().toISOString();
  return validReport({
    schemaVersion: 2,
    reporterRole: 'victim',
    incidentTypes: ['verbal-abuse', 'other'],
    incidentTypeOther: 'Plucie w autobusie',
    biasMotivations: ['anti-muslim', 'other'],
    biasMotivationOther: 'Chusta na głowie',
    place: {
      kind: 'offline',
      description: 'Autobus 152, przystanek Teatr Bagatela',
      district: 'I Stare Miasto',
      point: { latitude: 50.0634, longitude: 19.9332 },
    },
    occurredAt: '17:40',
    reportedToPolice: 'yes',
    targets: ['me', 'group'],
    injuries: 'minor',
    witnesses: { present: true, contactThroughReporter: true },
    perpetrators: { count: 'two-or-three', knownToVictim: 'no', description: '=Dwóch mężczyzn w kurtkach' },
    reportedElsewhere: [
      { to: 'police', reference: 'KMP-2026/11/123' },
      { to: 'organisation', name: 'Fundacja Ocalenie', reference: 'FO-77' },
      { to: 'platform' },
    ],
    anonymous: false,
    contact: { name: 'Amina K.', email: 'amina@example.org', phone: '+48 600 100 200', preferredLanguage: 'ar' },
    deletionCodeSha256: 'a'.repeat(64),
    consent: { specialCategoryData: true, givenAt: now, privacyUrl: 'https://example.krakow.pl/privacy' },
    ...overrides,
  });
}
