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
