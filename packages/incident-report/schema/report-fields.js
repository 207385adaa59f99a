// Written by generate-fields.mjs from incident-report.schema.json. Do not edit: run it again.

/** Every field of a report, in the schema's order (see generate-fields.mjs for the kinds). */
export const reportFields = [
  {
    path: 'schemaVersion',
    kind: 'choice',
  },
  {
    path: 'id',
    kind: 'text',
  },
  {
    path: 'createdAt',
    kind: 'date-time',
  },
  {
    path: 'locale',
    kind: 'text',
  },
  {
    path: 'reporterRole',
    kind: 'choice',
  },
  {
    path: 'incidentTypes',
    kind: 'choices',
  },
  {
    path: 'incidentTypeOther',
    kind: 'text',
  },
  {
    path: 'biasMotivations',
    kind: 'choices',
  },
  {
    path: 'biasMotivationOther',
    kind: 'text',
  },
  {
    path: 'place.kind',
    kind: 'choice',
  },
  {
    path: 'place.url',
    kind: 'text',
  },
  {
    path: 'place.description',
    kind: 'text',
  },
  {
    path: 'place.district',
    kind: 'text',
  },
  {
    path: 'place.point.latitude',
    kind: 'number',
  },
  {
    path: 'place.point.longitude',
    kind: 'number',
  },
  {
    path: 'occurredOn',
    kind: 'text',
  },
  {
    path: 'occurredAt',
    kind: 'text',
  },
  {
    path: 'description',
    kind: 'text',
  },
  {
    path: 'reportedToPolice',
    kind: 'choice',
  },
  {
    path: 'targets',
    kind: 'choices',
  },
  {
    path: 'injuries',
    kind: 'choice',
  },
  {
    path: 'witnesses.present',
    kind: 'boolean',
  },
  {
    path: 'witnesses.contactThroughReporter',
    kind: 'boolean',
  },
  {
    path: 'perpetrators.count',
    kind: 'choice',
  },
  {
    path: 'perpetrators.knownToVictim',
    kind: 'choice',
  },
  {
    path: 'perpetrators.description',
    kind: 'text',
  },
  {
    path: 'reportedElsewhere',
    kind: 'list',
    key: 'to',
    max: 3,
    item: ['to', 'name', 'reference'],
  },
  {
    path: 'anonymous',
    kind: 'boolean',
  },
  {
    path: 'contact.name',
    kind: 'text',
  },
  {
    path: 'contact.email',
    kind: 'text',
  },
  {
    path: 'contact.phone',
    kind: 'text',
  },
  {
    path: 'contact.preferredLanguage',
    kind: 'text',
  },
  {
    path: 'attachments',
    kind: 'list',
    max: 5,
    item: ['id', 'type', 'bytes', 'sha256', 'alt'],
  },
  {
    path: 'deletionCodeSha256',
    kind: 'text',
  },
  {
    path: 'consent.specialCategoryData',
    kind: 'choice',
  },
  {
    path: 'consent.givenAt',
    kind: 'date-time',
  },
  {
    path: 'consent.privacyUrl',
    kind: 'text',
  },
];

/** The answers each closed field may hold, by path; `<path>@<version>` for one version's own list. */
export const reportChoices = {
  schemaVersion: [1, 2],
  reporterRole: ['victim', 'witness', 'on-behalf'],
  incidentTypes: [
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
  ],
  biasMotivations: [
    'racism-xenophobia-nationality',
    'antisemitism',
    'anti-muslim',
    'anti-christian-other-religions',
    'anti-roma-sinti',
    'anti-lgbti',
    'gender-based',
    'disability',
    'other',
    'unknown',
  ],
  'place.kind': ['online', 'offline'],
  reportedToPolice: ['yes', 'no', 'not-sure'],
  targets: ['me', 'another-person', 'group', 'property', 'place-of-worship-or-community-centre', 'online-community'],
  injuries: ['none', 'minor', 'needed-medical-help'],
  'perpetrators.count': ['one', 'two-or-three', 'four-or-more', 'unknown'],
  'perpetrators.knownToVictim': ['yes', 'no', 'not-sure'],
  'reportedElsewhere.to': ['police', 'organisation', 'platform'],
  'attachments.type': ['image/jpeg', 'image/png', 'image/webp'],
  'consent.specialCategoryData': [true],
  'biasMotivations@1': [
    'racism-xenophobia-nationality',
    'religion',
    'language',
    'sexual-orientation',
    'gender-identity',
    'disability',
    'other',
    'unknown',
  ],
  'biasMotivations@2': [
    'racism-xenophobia-nationality',
    'antisemitism',
    'anti-muslim',
    'anti-christian-other-religions',
    'anti-roma-sinti',
    'anti-lgbti',
    'gender-based',
    'disability',
    'other',
    'unknown',
  ],
};
