import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setLocale } from '@open-city/core';
import { reportChoices, reportFields } from '@open-city/incident-report/schema/report-fields.js';
import './index.js';
import { choiceLabel, fieldLabel, hasChoiceLabel, hasFieldLabel, wordedChoices } from './labels.js';
import type { ReportDetail, Session, StaffApi } from './api.js';
import type { OcStaffReport } from './report-page.js';

/**
 * The console reads a report's fields and answers from the schema's list (report-fields.js): a
 * field or answer the schema gains without words here fails these tests (and the type check).
 */

// Closed fields shown as they are, with why: a number, a MIME type, and a consent that is always true.
const shownAsTheyAre = ['schemaVersion', 'attachments.type', 'consent.specialCategoryData'];
// Never given to staff (reports.mjs leaves it out of every answer).
const neverShown = ['deletionCodeSha256'];

/** A version 2 report that answers every question, as the staff API returns it. */
const fullReport = {
  schemaVersion: 2,
  id: '5b0c1f0e-0000-4000-8000-000000000002',
  createdAt: '2026-11-24T09:58:00.000Z',
  locale: 'ar',
  reporterRole: 'victim',
  incidentTypes: ['verbal-abuse', 'other'],
  incidentTypeOther: 'Spat at on the bus',
  biasMotivations: ['anti-muslim', 'gender-based'],
  place: {
    kind: 'offline',
    description: 'Bus 152, Teatr Bagatela stop',
    district: 'I Stare Miasto',
    point: { latitude: 50.0634, longitude: 19.9332 },
  },
  occurredOn: '2026-11-20',
  occurredAt: '17:40',
  description: 'Two men shouted at me and pulled my headscarf.',
  reportedToPolice: 'yes',
  targets: ['me', 'place-of-worship-or-community-centre'],
  injuries: 'needed-medical-help',
  witnesses: { present: true, contactThroughReporter: true },
  perpetrators: { count: 'two-or-three', knownToVictim: 'not-sure', description: 'Dark jackets' },
  reportedElsewhere: [
    { to: 'police', reference: 'KMP-2026/11/123' },
    { to: 'organisation', name: 'Fundacja Ocalenie', reference: 'FO-77' },
    { to: 'platform' },
  ],
  anonymous: false,
  contact: { name: 'Amina K.', email: 'amina@example.org', phone: '+48 600 100 200', preferredLanguage: 'ar' },
  consent: { specialCategoryData: true, givenAt: '2026-11-24T09:58:00.000Z', privacyUrl: 'https://x.example/p' },
  attachments: [],
};

async function renderReport(report: Record<string, unknown>) {
  const detail: ReportDetail = {
    reference: 'KR-2222-3333',
    receivedAt: '2026-11-24T10:00:00.000Z',
    status: 'closed',
    statusChangedAt: '2026-11-24T10:00:00.000Z',
    overdue: false,
    report,
    attachments: [],
    notes: [],
    referrals: [],
    history: [],
  };
  const api = { report: async () => detail, exportUrl: () => '#' } as unknown as StaffApi;
  const session = { account: { email: 'a@x.example', role: 'moderator', mustChangePassword: false } } as Session;
  const page = await fixture<OcStaffReport>(
    html`<oc-staff-report .api=${api} .session=${session} reference="KR-2222-3333"></oc-staff-report>`,
  );
  await waitUntil(() => page.shadowRoot!.querySelector('dl.fields'), 'the fields are shown');
  return page;
}

describe('staff console labels of report fields', () => {
  afterEach(async () => {
    fixtureCleanup();
    await setLocale('en');
  });

  it('has a label for every field of the schema', () => {
    for (const field of reportFields) {
      if (neverShown.includes(field.path)) continue;
      expect(hasFieldLabel(field.path), field.path).to.equal(true);
      expect(fieldLabel(field.path)).not.to.equal('');
    }
  });

  it('has words for every answer of every closed field, or says why it shows it as it is', () => {
    const closed = Object.keys(reportChoices).map((path) => path.split('@')[0]);
    for (const path of new Set(closed)) {
      if (shownAsTheyAre.includes(path)) continue;
      expect(wordedChoices, `${path} has words in labels.ts`).to.include(path);
    }
    for (const [key, values] of Object.entries(reportChoices)) {
      const path = key.split('@')[0];
      if (shownAsTheyAre.includes(path)) continue;
      for (const value of values as readonly unknown[]) {
        expect(hasChoiceLabel(path, String(value)), `${key}: ${String(value)}`).to.equal(true);
      }
    }
  });

  it('shows every answer of a full version 2 report in words, never its codes', async () => {
    const page = await renderReport(fullReport);
    const text = page.shadowRoot!.querySelector('dl.fields')!.textContent!.replace(/\s+/g, ' ');
    for (const words of [
      'Who or what was targeted',
      'The reporter and A place of worship or a community centre',
      'Injuries',
      'Needed medical help',
      'Witnesses may be reached through the reporter',
      'How many people did it',
      '2 or 3 people',
      'Known to the person targeted',
      'Not sure',
      'About the people who did it',
      'Dark jackets',
      'Also reported to',
      'The police (reference KMP-2026/11/123)',
      'Another organisation: Fundacja Ocalenie (reference FO-77)',
      'The website or app where it happened',
      'Against Muslims',
      'Because of gender, for example against women',
      '50.0634 19.9332',
      'Form version',
      'Report ID',
    ]) {
      expect(text).to.contain(words);
    }
    for (const code of ['needed-medical-help', 'two-or-three', 'not-sure', 'anti-muslim', 'gender-based', 'platform']) {
      expect(text).not.to.contain(code);
    }
    const labels = [...page.shadowRoot!.querySelectorAll('dl.fields dt')].map((dt) => dt.textContent!.trim());
    expect(new Set(labels).size, 'no field twice').to.equal(labels.length);
    await expect(page).to.be.accessible();
  });

  it('says "Closed" of a report in a word of its own, not the finder\'s "closed now"', async () => {
    await setLocale('uk');
    const page = await renderReport(fullReport);
    const badge = page.shadowRoot!.querySelector('.badge')!.textContent!.trim();
    expect(badge).not.to.equal('Closed');
    expect(badge).to.match(/Закрит/);
    expect(fieldLabel('injuries')).not.to.equal('Injuries');
    expect(choiceLabel('injuries', 'minor')).not.to.equal('Minor injuries');
  });
});
