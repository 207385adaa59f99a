import { expect } from '@open-wc/testing';
import { Validator } from '@cfworker/json-schema';
import { buildPayload, coarsen, draftFromPayload } from './payload.js';
import { migrateBias, restoreDraft, type IncidentReportPayload, type ReportDraft } from './report-model.js';
import { completeDraft } from './test-helpers.js';

let validator: Validator;

/** The shared complete draft, with this file's own description. */
function complete(changes: Partial<ReportDraft> = {}): ReportDraft {
  return completeDraft({ description: 'A swastika sprayed on the shelter.', consent: true, ...changes });
}

const now = new Date('2026-11-24T10:00:00Z');

describe('report model', () => {
  before(async () => {
    const schema = await (await fetch('/packages/incident-report/schema/incident-report.schema.json')).json();
    validator = new Validator(schema, '2020-12', false);
  });

  it('builds an anonymous offline report that the schema accepts', () => {
    const body = buildPayload(complete({ district: 'I Stare Miasto' }), { locale: 'uk', now });
    const result = validator.validate(body);
    expect(result.errors).to.deep.equal([]);
    expect(body).to.include({ schemaVersion: 2, locale: 'uk', anonymous: true, createdAt: now.toISOString() });
    expect(body.place).to.deep.equal({
      kind: 'offline',
      description: 'Tram stop Rondo Mogilskie',
      district: 'I Stare Miasto',
    });
    expect(body).not.to.have.property('contact');
  });

  it('never sends contact details typed before the person chose anonymity', () => {
    const body = buildPayload(
      complete({ anonymous: true, name: 'Olena', email: 'olena@example.com', phone: '+48 600 100 200' }),
      {
        locale: 'en',
        now,
      },
    );
    expect(JSON.stringify(body)).not.to.contain('olena');
    // The whole number: a random report id may hold "600".
    expect(JSON.stringify(body)).not.to.contain('600 100 200');
    expect(validator.validate(body).valid).to.equal(true);
  });

  it('sends contact with the reply language when the person wants a reply', () => {
    const body = buildPayload(complete({ anonymous: false, email: ' olena@example.com ', preferredLanguage: 'uk' }), {
      locale: 'pl',
      now,
      privacyUrl: 'https://example.org/privacy',
    });
    expect(body.contact).to.deep.equal({ email: 'olena@example.com', preferredLanguage: 'uk' });
    expect(body.consent).to.deep.equal({
      specialCategoryData: true,
      givenAt: now.toISOString(),
      privacyUrl: 'https://example.org/privacy',
    });
    expect(validator.validate(body).errors).to.deep.equal([]);
  });

  it('builds an online report with "other" answers, and the schema refuses broken ones', () => {
    const body = buildPayload(
      complete({
        placeKind: 'online',
        url: 'https://social.example/post/1',
        incidentTypes: ['online-hate', 'other'],
        incidentTypeOther: 'Doxxing',
        biasMotivations: ['other'],
        biasMotivationOther: 'Being a refugee',
        occurredAt: '21:15',
      }),
      { locale: 'ar', now },
    );
    expect(body.place).to.deep.equal({ kind: 'online', url: 'https://social.example/post/1' });
    expect(validator.validate(body).errors).to.deep.equal([]);
    expect(validator.validate({ ...body, contact: { email: 'a@b.cd', preferredLanguage: 'ar' } }).valid).to.equal(
      false,
    );
    expect(validator.validate({ ...body, extra: 1 }).valid).to.equal(false);
    expect(validator.validate({ ...body, incidentTypes: ['threat'] }).valid).to.equal(
      false,
      'incidentTypeOther without other',
    );
    expect(validator.validate({ ...body, anonymous: false }).valid).to.equal(false, 'not anonymous needs contact');
  });

  it('rounds a map point to about 100 m', () => {
    expect(coarsen({ latitude: 50.061947, longitude: 19.936856 })).to.deep.equal({
      latitude: 50.062,
      longitude: 19.937,
    });
    const body = buildPayload(complete({ point: { latitude: 50.061947, longitude: 19.936856 } }), {
      locale: 'en',
      now,
    });
    expect(body.place).to.deep.include({ point: { latitude: 50.062, longitude: 19.937 } });
    expect(validator.validate(body).valid).to.equal(true);
  });

  it('restores only well-typed fields from storage', () => {
    expect(restoreDraft(null)).to.equal(undefined);
    expect(restoreDraft({ id: 1 })).to.equal(undefined);
    const restored = restoreDraft({
      ...complete(),
      id: 'abc',
      incidentTypes: ['threat', 'flying', 3],
      reporterRole: 'boss',
      anonymous: 'no',
      point: { latitude: 'x' },
    })!;
    expect(restored.id).to.equal('abc');
    expect(restored.incidentTypes).to.deep.equal(['threat']);
    expect(restored.reporterRole).to.equal('');
    expect(restored.anonymous).to.equal(true);
    expect(restored.point).to.equal(null);
    expect(restored.description).to.equal('A swastika sprayed on the shelter.');
  });

  it('turns a refused body back into the draft it came from', () => {
    const draft = complete({
      anonymous: false,
      phone: '+48 600 100 200',
      preferredLanguage: 'ru',
      occurredAt: '08:00',
    });
    const body = buildPayload(draft, { locale: 'ru', now });
    expect(draftFromPayload(body)).to.deep.equal({ ...draft, startedAt: 0, consent: false, preferredLanguage: 'ru' });
  });

  it('still accepts a version 1 report, and holds each version to its own bias categories and fields', () => {
    const v1 = {
      ...buildPayload(complete(), { locale: 'pl', now }),
      schemaVersion: 1,
      biasMotivations: ['religion', 'language'],
    };
    expect(validator.validate(v1).errors).to.deep.equal([], 'a report queued by the first form');
    expect(validator.validate({ ...v1, attachments: [], deletionCodeSha256: 'a'.repeat(64) }).valid).to.equal(true);
    expect(validator.validate({ ...v1, injuries: 'none' }).valid).to.equal(
      false,
      'no version 2 questions in version 1',
    );
    expect(validator.validate({ ...v1, biasMotivations: ['antisemitism'] }).valid).to.equal(false);
    const v2 = buildPayload(complete(), { locale: 'pl', now });
    expect(validator.validate({ ...v2, biasMotivations: ['religion'] }).valid).to.equal(
      false,
      '"religion" is split in 2',
    );
    expect(validator.validate({ ...v2, schemaVersion: 3 }).valid).to.equal(false);
  });

  it('sends the caseworker’s answers that were given, and the schema keeps them consistent', () => {
    const body = buildPayload(
      complete({
        anonymous: false,
        email: 'olena@example.com',
        reportedToPolice: 'yes',
        policeReference: ' RSD-1/26 ',
        targets: ['group', 'property'],
        injuries: 'needed-medical-help',
        witnesses: 'yes',
        witnessesContact: 'no',
        perpetratorCount: 'four-or-more',
        perpetratorKnown: 'not-sure',
        perpetratorDescription: '  ',
        reportedElsewhere: ['platform'],
        platformReference: 'ticket 99',
      }),
      { locale: 'en', now, deletionCodeSha256: 'b'.repeat(64) },
    );
    expect(validator.validate(body).errors).to.deep.equal([]);
    expect(body).to.deep.include({
      targets: ['group', 'property'],
      injuries: 'needed-medical-help',
      witnesses: { present: true, contactThroughReporter: false },
      perpetrators: { count: 'four-or-more', knownToVictim: 'not-sure' },
      reportedElsewhere: [
        { to: 'police', reference: 'RSD-1/26' },
        { to: 'platform', reference: 'ticket 99' },
      ],
      deletionCodeSha256: 'b'.repeat(64),
    });
    const bad = (changes: Partial<IncidentReportPayload>) => validator.validate({ ...body, ...changes }).valid;
    expect(bad({ reportedToPolice: 'no' })).to.equal(false, 'a police item without having told the police');
    const { contact: _contact, ...withoutContact } = body;
    expect(validator.validate({ ...withoutContact, anonymous: true }).valid).to.equal(
      false,
      'no message through an anonymous reporter',
    );
    expect(bad({ witnesses: { present: false, contactThroughReporter: true } })).to.equal(false);
    expect(bad({ reportedElsewhere: [{ to: 'platform', name: 'X' }] })).to.equal(
      false,
      'a name only for an organisation',
    );
    expect(bad({ perpetrators: {} })).to.equal(false);
    expect(draftFromPayload(body)).to.deep.equal({
      ...complete({
        anonymous: false,
        email: 'olena@example.com',
        preferredLanguage: 'en',
        reportedToPolice: 'yes',
        policeReference: 'RSD-1/26',
        targets: ['group', 'property'],
        injuries: 'needed-medical-help',
        witnesses: 'yes',
        witnessesContact: 'no',
        perpetratorCount: 'four-or-more',
        perpetratorKnown: 'not-sure',
        reportedElsewhere: ['platform'],
        platformReference: 'ticket 99',
      }),
      id: body.id,
      startedAt: 0,
      consent: false,
    });
  });

  it('takes back version 1’s categories in version 2’s terms (a draft or a refused report of the first form)', () => {
    expect(migrateBias(['language', 'sexual-orientation', 'gender-identity', 'disability'])).to.deep.equal([
      'racism-xenophobia-nationality',
      'anti-lgbti',
      'disability',
    ]);
    expect(migrateBias(['religion'])).to.deep.equal([], '"religion" is asked again');
    const restored = restoreDraft({ ...complete(), biasMotivations: ['religion', 'language'], injuries: 'bad' })!;
    expect(restored.biasMotivations).to.deep.equal(['racism-xenophobia-nationality']);
    expect(restored.injuries).to.equal('');
    const v1 = { ...buildPayload(complete(), { locale: 'en', now }), schemaVersion: 1, biasMotivations: ['religion'] };
    expect(draftFromPayload(v1 as IncidentReportPayload).biasMotivations).to.deep.equal([]);
  });

  it('lists the images in the order chosen, each with its description', () => {
    const image = (id: string, alt: string) => ({
      id,
      type: 'image/jpeg' as const,
      bytes: 1234,
      sha256: 'c'.repeat(64),
      alt,
    });
    const ids = [crypto.randomUUID(), crypto.randomUUID()];
    const body = buildPayload(complete({ attachments: [image(ids[1], ' Second '), image(ids[0], '')] }), {
      locale: 'en',
      now,
    });
    expect(body.attachments!.map((item) => [item.id, item.alt])).to.deep.equal([
      [ids[1], 'Second'],
      [ids[0], ''],
    ]);
    expect(validator.validate(body).errors).to.deep.equal([]);
    const stored = restoreDraft({ ...complete(), attachments: [image(ids[0], 'x'), { id: 3 }, 'junk'] })!;
    expect(stored.attachments.map((item) => item.id)).to.deep.equal([ids[0]]);
  });
});
