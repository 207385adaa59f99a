import { expect } from '@open-wc/testing';
import { isoDate } from '@open-city/core';
import { newDraft } from './report-model.js';
import { firstInvalidStep, isoToday, validateStep } from './validation.js';

const today = '2026-11-24';

describe('validation', () => {
  it('asks for who is reporting, what happened and why', () => {
    const draft = newDraft(0);
    expect(validateStep('role', draft, today)).to.deep.equal({ reporterRole: 'required' });
    expect(validateStep('what', draft, today)).to.deep.equal({
      incidentTypes: 'required',
      biasMotivations: 'required',
    });
    expect(
      validateStep(
        'what',
        { ...draft, incidentTypes: ['other'], biasMotivations: ['other'], biasMotivationOther: 'x' },
        today,
      ),
    ).to.deep.equal({ incidentTypeOther: 'required' });
  });

  it('asks for the link online, the place offline, and never for a district or map point', () => {
    const draft = newDraft(0);
    expect(validateStep('where', draft, today)).to.deep.equal({ placeKind: 'required' });
    expect(validateStep('where', { ...draft, placeKind: 'online' }, today)).to.deep.equal({ url: 'required' });
    expect(validateStep('where', { ...draft, placeKind: 'offline' }, today)).to.deep.equal({
      placeDescription: 'required',
    });
    expect(validateStep('where', { ...draft, placeKind: 'offline', placeDescription: 'Rynek' }, today)).to.deep.equal(
      {},
    );
  });

  it('checks the date (real, not in the future) and leaves the time optional', () => {
    const draft = newDraft(0);
    expect(validateStep('when', draft, today)).to.deep.equal({ occurredOn: 'required' });
    expect(validateStep('when', { ...draft, occurredOn: '2026-02-30' }, today)).to.deep.equal({
      occurredOn: 'invalid-date',
    });
    expect(validateStep('when', { ...draft, occurredOn: '2026-11-25' }, today)).to.deep.equal({
      occurredOn: 'future-date',
    });
    expect(validateStep('when', { ...draft, occurredOn: today }, today)).to.deep.equal({});
    expect(validateStep('when', { ...draft, occurredOn: today, occurredAt: '25:00' }, today)).to.deep.equal({
      occurredAt: 'invalid-time',
    });
  });

  it('needs no contact when anonymous, and an email or phone otherwise', () => {
    const draft = newDraft(0);
    expect(validateStep('contact', { ...draft, email: 'nonsense' }, today)).to.deep.equal({});
    expect(validateStep('contact', { ...draft, anonymous: false }, today)).to.deep.equal({ contact: 'contact-needed' });
    expect(validateStep('contact', { ...draft, anonymous: false, email: 'a@b' }, today)).to.deep.equal({
      email: 'invalid-email',
    });
    expect(validateStep('contact', { ...draft, anonymous: false, phone: '+48 600 100 200' }, today)).to.deep.equal({});
  });

  it('needs consent to send, and finds the first step with a problem', () => {
    expect(validateStep('review', newDraft(0), today)).to.deep.equal({ consent: 'required' });
    expect(firstInvalidStep(newDraft(0), today)).to.equal('role');
    expect(firstInvalidStep({ ...newDraft(0), reporterRole: 'victim' }, today)).to.equal('what');
  });

  it('writes calendar dates as YYYY-MM-DD', () => {
    expect(isoDate({ year: 2026, month: 3, day: 7 })).to.equal('2026-03-07');
  });

  it('takes today where the person is, and the day before', () => {
    // Half past midnight on 24 November in Kraków is still 23 November in UTC.
    const now = Date.parse('2026-11-23T23:30:00Z');
    expect(isoToday('Europe/Warsaw', now)).to.equal('2026-11-24');
    expect(isoToday('Europe/Warsaw', now, -1)).to.equal('2026-11-23');
    expect(isoToday('UTC', now)).to.equal('2026-11-23');
  });
});
