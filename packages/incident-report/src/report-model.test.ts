import { expect } from '@open-wc/testing';
import { Validator } from '@cfworker/json-schema';
import { buildPayload, coarsen, draftFromPayload } from './payload.js';
import { restoreDraft, type ReportDraft } from './report-model.js';
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
    expect(body).to.include({ schemaVersion: 1, locale: 'uk', anonymous: true, createdAt: now.toISOString() });
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
    expect(JSON.stringify(body)).not.to.contain('600');
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
});
