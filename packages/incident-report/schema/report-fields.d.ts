// Written by generate-fields.mjs from incident-report.schema.json. Do not edit: run it again.

/** A field's path in a report: nested objects dotted (`place.district`). */
export type ReportFieldPath =
  | 'schemaVersion'
  | 'id'
  | 'createdAt'
  | 'locale'
  | 'reporterRole'
  | 'incidentTypes'
  | 'incidentTypeOther'
  | 'biasMotivations'
  | 'biasMotivationOther'
  | 'place.kind'
  | 'place.url'
  | 'place.description'
  | 'place.district'
  | 'place.point.latitude'
  | 'place.point.longitude'
  | 'occurredOn'
  | 'occurredAt'
  | 'description'
  | 'reportedToPolice'
  | 'targets'
  | 'injuries'
  | 'witnesses.present'
  | 'witnesses.contactThroughReporter'
  | 'perpetrators.count'
  | 'perpetrators.knownToVictim'
  | 'perpetrators.description'
  | 'reportedElsewhere'
  | 'anonymous'
  | 'contact.name'
  | 'contact.email'
  | 'contact.phone'
  | 'contact.preferredLanguage'
  | 'attachments'
  | 'deletionCodeSha256'
  | 'consent.specialCategoryData'
  | 'consent.givenAt'
  | 'consent.privacyUrl';

export interface ReportField {
  readonly path: ReportFieldPath;
  readonly kind: 'text' | 'number' | 'boolean' | 'date-time' | 'choice' | 'choices' | 'list';
  /** For a list: the fields of each item. */
  readonly item?: readonly string[];
  /** For a list: the field whose answer tells the items apart. */
  readonly key?: string;
  /** For a list: the most items it may hold. */
  readonly max?: number;
}

/** Every field of a report, in the schema's order. */
export declare const reportFields: readonly ReportField[];

/** The answers each closed field may hold, by path; `<path>@<version>` for one version's own list. */
export declare const reportChoices: {
  readonly schemaVersion: readonly [1, 2];
  readonly reporterRole: readonly ['victim', 'witness', 'on-behalf'];
  readonly incidentTypes: readonly [
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
  readonly biasMotivations: readonly [
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
  ];
  readonly 'place.kind': readonly ['online', 'offline'];
  readonly reportedToPolice: readonly ['yes', 'no', 'not-sure'];
  readonly targets: readonly [
    'me',
    'another-person',
    'group',
    'property',
    'place-of-worship-or-community-centre',
    'online-community',
  ];
  readonly injuries: readonly ['none', 'minor', 'needed-medical-help'];
  readonly 'perpetrators.count': readonly ['one', 'two-or-three', 'four-or-more', 'unknown'];
  readonly 'perpetrators.knownToVictim': readonly ['yes', 'no', 'not-sure'];
  readonly 'reportedElsewhere.to': readonly ['police', 'organisation', 'platform'];
  readonly 'attachments.type': readonly ['image/jpeg', 'image/png', 'image/webp'];
  readonly 'consent.specialCategoryData': readonly [true];
  readonly 'biasMotivations@1': readonly [
    'racism-xenophobia-nationality',
    'religion',
    'language',
    'sexual-orientation',
    'gender-identity',
    'disability',
    'other',
    'unknown',
  ];
  readonly 'biasMotivations@2': readonly [
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
  ];
};
