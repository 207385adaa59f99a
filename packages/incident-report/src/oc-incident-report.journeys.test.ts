/**
 * Keyboard-only journeys through the report's last parts (issue 17), with real key presses (Tab,
 * Shift+Tab, Enter, Space, typing; no clicks, no focus() calls): evidence added, described and
 * removed, with files that cannot be added on the way; sending, with an error on the way and a
 * network that fails first; withdrawing from the outcome, with a wrong code first. After each step:
 * where focus is, and that it can be seen. The file picker is the only thing not done by key: the
 * test chooses the files in the focused form's file input, as the picker would.
 *
 * Where focus goes when a control goes away (documented in docs/accessibility.md, "Journeys"):
 * - "Remove" on an image: the next image's "Remove", else the previous one's, else "Add a photo or
 *   screenshot". Choosing files leaves focus on that button; files refused are listed in an alert.
 * - Send: the outcome's heading (sent, or saved on this device); sent later from the saved view:
 *   the sent outcome's heading again.
 * - "Report another incident": the first step's heading (the withdrawal is under that step).
 * - Withdraw: the outcome message under the fields (an alert when it did not work).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { setLocale } from '@open-city/core';
import { withImages } from './attachment-store.js';
import type { OcIncidentReport } from './oc-incident-report.js';
import {
  $,
  NOW,
  chooseFiles,
  clearOutbox,
  completeDraft,
  currentEndpoint,
  drawnImage,
  evidenceReceiver,
  focusedVisibly,
  pending,
  pressKey,
  sendKey,
  storeDraft,
  tabTo as tabToIn,
  typeKeys,
  useEndpoint,
  type EvidenceReceiver,
} from './test-helpers.js';

useEndpoint('/api/reports-journeys');

let element: OcIncidentReport;
let receiver: EvidenceReceiver | undefined;

async function setUp({ headingLevel = '2', retryDelayMs = 5 } = {}) {
  const page = await fixture<HTMLElement>(
    html`<div style="inline-size: 700px">
      <button id="before">Before</button>
      <oc-incident-report
        endpoint=${currentEndpoint()}
        privacy-url="/privacy.html"
        heading-level=${headingLevel}
        .minFillMs=${0}
        .retryDelayMs=${retryDelayMs}
        .clock=${() => NOW}
      ></oc-incident-report>
    </div>`,
  );
  element = page.querySelector('oc-incident-report')!;
  await element.viewsReady;
  page.querySelector<HTMLButtonElement>('#before')!.focus();
}

const press = (key: string, step = '') => pressKey(element, key, step);
const tabTo = (selector: string, options?: { back?: boolean; max?: number }) => tabToIn(element, selector, options);
const images = () => [...element.shadowRoot!.querySelectorAll<HTMLElement>('.image')];
/** The attachment id an image's row shows (rows are reused by the render: compare ids, not nodes). */
const imageId = (row: HTMLElement) => row.querySelector('canvas')!.dataset.image!;
const textOf = (selector: string) => $(element, selector).textContent!.replace(/\s+/g, ' ').trim();

/** Wait until the form shows `count` images and has prepared every file chosen. */
async function showsImages(count: number): Promise<void> {
  await waitUntil(
    () => images().length === count && !textOf('.image-status').includes('Preparing'),
    `${count} images`,
    { timeout: 8000 },
  );
  await element.updateComplete;
}

const png = async (name: string) => new File([await drawnImage(30, 20, 'image/png')], name, { type: 'image/png' });

/** "Add a photo or screenshot" by Enter opens the picker; the picker gives `files` to the file input. */
async function addWithPicker(files: File[]): Promise<void> {
  const add = focusedVisibly(element, 'before the picker');
  expect(add.id).to.equal('add-image');
  await press('Enter', 'the picker opened');
  await chooseFiles(element, files);
}

/** POSTs of a report that reached the receiver (not those the network dropped). */
const postsReached = (failed: Set<number>) =>
  receiver!.requests.filter((request, index) => request.method === 'POST' && !failed.has(index)).length;

describe('<oc-incident-report> keyboard journeys: evidence, send, withdraw', () => {
  afterEach(async () => {
    receiver?.restore();
    receiver = undefined;
    fixtureCleanup();
    sessionStorage.clear();
    clearOutbox();
    await withImages('readwrite', (store) => void store.clear());
    await setLocale('en');
  });

  it('adds, describes and removes photos; focus goes to the next image, else the add button', async function () {
    this.timeout(40_000);
    storeDraft(completeDraft(), 'evidence');
    await setUp();
    await tabTo('#add-image');

    // One photo, described, then removed: focus back on "Add a photo or screenshot".
    await addWithPicker([await png('shelter.png')]);
    await showsImages(1);
    expect(focusedVisibly(element, 'after the picker').id).to.equal('add-image', 'focus stays on the add button');
    expect(textOf('.image-status')).to.contain('Image added');
    const alt = await tabTo('input[id$="-alt"]', { back: true });
    await typeKeys(element, 'Slogan on the shelter');
    expect((alt as HTMLInputElement).value).to.equal('Slogan on the shelter');
    expect($(element, 'canvas.preview').getAttribute('aria-label')).to.equal('Slogan on the shelter');
    await tabTo('button[id$="-remove"]');
    expect((await press('Enter', 'removed the only image')).id).to.equal('add-image');
    expect(images()).to.have.length(0);
    expect(textOf('.image-status')).to.contain('Image removed.');

    // Two photos; remove the first: focus on the Remove of the one that took its place.
    await addWithPicker([await png('first.png'), await png('second.png')]);
    await showsImages(2);
    await tabTo('input[id$="-alt"]', { back: true });
    await typeKeys(element, 'Second');
    const [first, second] = images().map(imageId);
    await tabTo(`#image-${first}-remove`, { back: true });
    const next = await press('Enter', 'removed the first of two');
    expect(images().map(imageId)).to.deep.equal([second]);
    expect(next.id).to.equal(`image-${second}-remove`, 'focus on the next image');
    expect($<HTMLInputElement>(element, `#image-${second}-alt`).value).to.equal('Second');

    // Another after it; remove that last one: focus on the Remove of the one before.
    await tabTo('#add-image');
    await addWithPicker([await png('third.png')]);
    await showsImages(2);
    const third = imageId(images()[1]);
    expect((await tabTo('button[id$="-remove"]', { back: true })).id).to.equal(`image-${third}-remove`);
    const before = await press('Enter', 'removed the last of two');
    expect(before.id).to.equal(`image-${second}-remove`, 'focus on the previous image');
    expect(images()).to.have.length(1);
  });

  it('says in the person’s language why a file was not added, in an alert, and focus stays usable', async function () {
    this.timeout(30_000);
    await setLocale('pl');
    storeDraft(completeDraft(), 'evidence');
    await setUp();
    await tabTo('#add-image');
    const huge = new File([new Uint8Array(26 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' });
    const gif = new File([new TextEncoder().encode('GIF89a....')], 'cat.gif', { type: 'image/gif' });
    await addWithPicker([huge, gif]);
    await waitUntil(() => element.shadowRoot!.querySelectorAll('.image-problems li').length === 2, 'two problems');
    await element.updateComplete;
    const region = $(element, '.image-problems');
    expect(region.getAttribute('role')).to.equal('alert', 'announced');
    expect([...region.querySelectorAll('li')].map((item) => item.textContent!.trim())).to.deep.equal([
      'huge.jpg: ten plik jest za duży. Wybierz obraz mniejszy niż 25 MB.',
      'cat.gif: nie można dodać pliku tego rodzaju. Wybierz obraz JPEG, PNG lub WebP.',
    ]);
    expect(images()).to.have.length(0);
    // Focus is where it was, and the form goes on by keyboard: another try, then Continue.
    expect(focusedVisibly(element, 'after the refusal').id).to.equal('add-image');
    await addWithPicker([await png('ok.png')]);
    await showsImages(1);
    expect(region.textContent!.trim()).to.equal('', 'the old problems are gone');
    await tabTo('button[type="submit"]');
    await press('Enter', 'Continue');
    await waitUntil(() => element.shadowRoot!.activeElement?.id === 'step-title', 'the next step');
    focusedVisibly(element, 'the contact step');
  });

  it('sends with an error on the way, is saved while the network fails, and is sent once when back online', async function () {
    this.timeout(30_000);
    receiver = evidenceReceiver();
    let online = false;
    const dropped = new Set<number>();
    receiver.fail = (_request, index) => {
      if (online) return undefined;
      dropped.add(index);
      return 'offline';
    };
    storeDraft(completeDraft(), 'review');
    // heading-level 3: focus must find the outcome's heading whatever its level.
    await setUp({ headingLevel: '3', retryDelayMs: 60_000 });

    // Send without consent: the summary takes focus; its link leads to the checkbox.
    await tabTo('button[type="submit"]');
    await press('Enter', 'sent without consent');
    await waitUntil(() => element.shadowRoot!.activeElement?.matches('.error-summary'), 'summary focused');
    focusedVisibly(element, 'the error summary');
    const link = await press('Tab');
    expect(link.matches('.error-summary a')).to.equal(true);
    expect((await press('Enter', 'the error link')).id).to.equal('consent');
    await press('Space', 'consent');
    expect($<HTMLInputElement>(element, '#consent').checked).to.equal(true);
    await tabTo('button[type="submit"]');

    // The network fails: the report is kept on the device, and the outcome says so, focused.
    await sendKey('Enter');
    await waitUntil(() => element.shadowRoot!.querySelector('.queued'), 'saved', { timeout: 8000 });
    await element.updateComplete;
    const saved = focusedVisibly(element, 'saved outcome');
    expect(saved.id).to.equal('outcome-title');
    expect(saved.tagName).to.equal('H3');
    expect(saved.textContent!.trim()).to.equal('Your report is saved and will be sent');
    expect(textOf('.queued')).to.contain('saved on this device until it is sent');
    expect(pending()).to.have.length(1);
    const id = pending()[0].id;
    expect(postsReached(dropped)).to.equal(0);

    // "Try now" while still offline: still saved, focus where it was, nothing sent twice.
    const tryNow = await tabTo('.queued .button.primary');
    await press('Enter', 'tried again offline');
    await waitUntil(() => dropped.size >= 2, 'a second attempt');
    await element.updateComplete;
    expect(focusedVisibly(element, 'after the failed try') === tryNow, 'focus on "Try now"').to.equal(true);
    expect(pending()).to.have.length(1);

    // Back online: sent once; focus on the sent outcome's heading, with the reference and the code.
    online = true;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => element.shadowRoot!.querySelector('.reference-value'), 'sent', { timeout: 8000 });
    await element.updateComplete;
    const sent = focusedVisibly(element, 'sent outcome');
    expect(sent.id).to.equal('outcome-title');
    expect(sent.textContent!.trim()).to.equal('Your report has been sent');
    expect(textOf('.reference-value')).to.equal(`KR-${id.slice(0, 4).toUpperCase()}-TEST`);
    expect(textOf('.code-value')).to.match(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(postsReached(dropped)).to.equal(1, 'one POST reached the receiver');
    expect(receiver.created.get(id)).to.equal(1);
    expect(pending()).to.deep.equal([]);
  });

  it('withdraws the report from the outcome with its code, after a wrong code first', async function () {
    this.timeout(30_000);
    receiver = evidenceReceiver();
    storeDraft(completeDraft({ consent: true }), 'review');
    await setUp();
    await tabTo('button[type="submit"]');
    await sendKey('Enter');
    await waitUntil(() => element.shadowRoot!.querySelector('.reference-value'), 'sent', { timeout: 8000 });
    await element.updateComplete;
    expect(focusedVisibly(element, 'sent').id).to.equal('outcome-title');
    const reference = textOf('.reference-value');
    const code = textOf('.code-value');
    expect(receiver.reports.size).to.equal(1);

    // "Report another incident": focus on the first step's heading; the withdrawal is under that step.
    await tabTo('.outcome button');
    expect((await press('Enter', 'another report')).id).to.equal('step-title');
    const summary = await tabTo('details[data-section="withdraw"] > summary');
    await press('Enter', 'opened the withdrawal');
    expect(summary.closest('details')!.open).to.equal(true);
    await tabTo('#withdraw-reference');
    await typeKeys(element, reference);
    await tabTo('#withdraw-code');

    // A code that cannot be one: said at once, nothing sent.
    await typeKeys(element, 'ABCD');
    const shape = await press('Enter', 'a code of the wrong shape');
    expect(shape.id).to.equal('withdraw-outcome');
    expect(shape.getAttribute('role')).to.equal('alert');
    expect(shape.textContent).to.contain('16 letters and digits');
    expect(receiver.requests.filter((request) => request.method === 'DELETE')).to.have.length(0);

    // Another report's code (the right shape): the receiver finds nothing; the report stays.
    await tabTo('#withdraw-code', { back: true });
    await press('Control+a');
    await typeKeys(element, '2345-6789-ABCD-EFGH');
    await press('Enter', 'a wrong code');
    await waitUntil(() => textOf('#withdraw-outcome').startsWith('No report matches'), 'not found');
    await element.updateComplete;
    const wrong = focusedVisibly(element, 'not found');
    expect(wrong.id).to.equal('withdraw-outcome');
    expect(wrong.getAttribute('role')).to.equal('alert');
    expect(receiver.reports.size).to.equal(1);

    // The right code, typed in lower case without dashes: withdrawn; the fields are emptied.
    await tabTo('#withdraw-code', { back: true });
    await press('Control+a');
    await typeKeys(element, code.replace(/-/g, '').toLowerCase());
    await press('Enter', 'the right code');
    await waitUntil(() => textOf('#withdraw-outcome').startsWith('Your report was withdrawn'), 'withdrawn');
    await element.updateComplete;
    const done = focusedVisibly(element, 'withdrawn');
    expect(done.id).to.equal('withdraw-outcome');
    expect(done.getAttribute('role')).to.equal('status');
    expect(receiver.reports.size).to.equal(0);
    expect($<HTMLInputElement>(element, '#withdraw-code').value).to.equal('');
    expect($<HTMLInputElement>(element, '#withdraw-reference').value).to.equal('');
  });
});
