import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { setLocale } from '@open-city/core';
import './translations.js';
import { text } from './messages.js';
import { newDraft } from './report-model.js';
import { buildPayload } from './payload.js';
import { latinDigits, validateStep } from './validation.js';
import { formatWhen } from './views/review-step.js';
import { renderContactStep } from './views/contact-step.js';
import type { FormController } from './form-state.js';

/**
 * The report in every language's own way of writing dates, times, numbers and language names
 * (issue 16): through core's Intl helpers, the Gregorian calendar, one digit system per locale.
 */
describe('incident report: dates, numbers and names in the page language', () => {
  afterEach(() => setLocale('en'));

  it('joins the day and the time as the language does, never with a Latin comma in Arabic', async () => {
    await setLocale('ar');
    const both = formatWhen('2026-11-24', '14:30');
    expect(both).not.to.contain(', ');
    expect(both).to.match(/2026/);
    expect(both).to.match(/14:30|2:30/);
    await setLocale('pl');
    expect(formatWhen('2026-11-24', '14:30')).to.equal('24 listopada 2026 14:30');
    expect(formatWhen('2026-11-24')).to.equal('24 listopada 2026');
    await setLocale('en');
    expect(formatWhen('2026-11-24', '09:05')).to.equal('24 November 2026 at 09:05');
  });

  it('gives Persian the Gregorian year in Persian digits, in dates and in counts alike', async () => {
    await setLocale('fa');
    const day = formatWhen('2026-11-24', '14:30');
    expect(day).to.contain('۲۰۲۶');
    expect(day).not.to.contain('۱۴۰۵');
    expect(day).not.to.match(/[0-9]/);
    expect(text.stepOf(2, 8)).to.contain('۲');
    expect(text.stepOf(2, 8)).not.to.match(/[0-9]/);
    expect(text.imageAdded(3)).to.contain('۳');
    await setLocale('ar');
    expect(text.stepOf(2, 8)).to.match(/2/, 'Arabic writes Latin digits (as all its strings do)');
  });

  it('writes Belarusian and Georgian dates in those languages, not in English', async () => {
    await setLocale('be');
    expect(formatWhen('2026-11-24')).to.match(/лістапада/);
    await setLocale('ka');
    expect(formatWhen('2026-11-24')).to.match(/ნოემბ/);
  });

  it('names each reply language in itself, from core (with its own table where Intl has none)', async () => {
    const host = document.createElement('div');
    const draft = { ...newDraft(), anonymous: false };
    const form = { draft, errors: {}, change: () => {} } as unknown as FormController;
    render(renderContactStep(form), host);
    const names = Object.fromEntries(
      [...host.querySelectorAll('#preferredLanguage option')].map((option) => [
        (option as HTMLOptionElement).value,
        option.textContent!.trim(),
      ]),
    );
    expect(names.pl.toLowerCase()).to.equal('polski');
    expect(names.uk.toLowerCase()).to.equal('українська');
    expect(names.be.toLowerCase()).to.equal('беларуская');
    expect(names.ka).to.equal('ქართული');
    expect(names.fa).to.equal('فارسی');
    for (const name of Object.values(names)) expect(name).not.to.match(/^(Belarusian|Georgian)$/);
  });

  it('takes a phone number typed in Arabic or Persian digits, and sends it in Latin digits', () => {
    expect(latinDigits('+٤٨ ٦٠٠ ١٠٠ ٢٠٠')).to.equal('+48 600 100 200');
    expect(latinDigits('۰۹۱۲ ۳۴۵ ۶۷۸۹')).to.equal('0912 345 6789');
    const draft = { ...newDraft(), anonymous: false, phone: '+٤٨ ٦٠٠ ١٠٠ ٢٠٠', consent: true };
    expect(validateStep('contact', draft, '2026-11-24').phone).to.equal(undefined);
    const payload = buildPayload(draft, { locale: 'ar' });
    expect(payload.contact?.phone).to.equal('+48 600 100 200');
  });
});
