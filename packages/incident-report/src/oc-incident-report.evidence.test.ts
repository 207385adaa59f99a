import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Validator } from '@cfworker/json-schema';
import { setLocale } from '@open-city/core';
import { withImages, type StoredImage } from './attachment-store.js';
import { lockName } from './evidence-store.js';
import type { OcIncidentReport } from './oc-incident-report.js';
import {
  $,
  chooseFiles,
  clearOutbox,
  click,
  completeDraft,
  drawnImage,
  evidenceReceiver,
  heading,
  holdsText,
  jpegMarkers,
  jpegWithGps,
  mount,
  pending,
  sha256Of,
  storeDraft,
  submit,
  useEndpoint,
  type EvidenceReceiver,
} from './test-helpers.js';

useEndpoint('/api/reports-evidence');

let validator: Validator;
let receiver: EvidenceReceiver | undefined;

const imagesOnDevice = () => withImages<StoredImage[]>('readonly', (store) => store.getAll());
const active = (element: OcIncidentReport) => element.shadowRoot!.activeElement as HTMLElement | null;
const items = (element: OcIncidentReport) => [...element.shadowRoot!.querySelectorAll('.image')];

/** Wait until the form shows `count` images and has prepared every file chosen. */
async function showsImages(element: OcIncidentReport, count: number): Promise<void> {
  await waitUntil(
    () => items(element).length === count && !$(element, '.image-status').textContent!.includes('Preparing'),
    `${count} images`,
    { timeout: 5000 },
  );
  await element.updateComplete;
}

const png = async (name: string, width = 30, height = 20) =>
  new File([await drawnImage(width, height, 'image/png')], name, { type: 'image/png' });

/** From the evidence step to Send: Continue to contact, Continue to the check page, consent, Send. */
async function continueAndSend(element: OcIncidentReport): Promise<void> {
  await submit(element);
  await submit(element);
  expect(heading(element)).to.equal('Check your report and send it');
  await click(element, '#consent');
  await submit(element);
}

describe('<oc-incident-report> evidence', () => {
  before(async () => {
    const schema = await (await fetch('/packages/incident-report/schema/incident-report.schema.json')).json();
    validator = new Validator(schema, '2020-12', false);
  });

  afterEach(async () => {
    fixtureCleanup();
    receiver?.restore();
    receiver = undefined;
    sessionStorage.clear();
    clearOutbox();
    await withImages('readwrite', (store) => void store.clear());
    await setLocale('en');
  });

  it('sends a JPEG carrying GPS EXIF, chosen in the form, without any EXIF, before the report that lists it', async () => {
    receiver = evidenceReceiver();
    storeDraft(completeDraft(), 'evidence');
    const element = await mount();
    expect(heading(element)).to.equal('Photos or screenshots');
    const photo = await jpegWithGps(40, 20);
    expect(holdsText(photo, 'Exif')).to.equal(true, 'the chosen photo carries EXIF');
    await chooseFiles(element, [new File([photo], 'IMG_2041.jpg', { type: 'image/jpeg' })]);
    await showsImages(element, 1);
    const canvas = $<HTMLCanvasElement>(element, '.image canvas');
    expect(canvas.getAttribute('role')).to.equal('img');
    expect([canvas.width, canvas.height]).to.deep.equal([20, 40], 'the preview is upright');
    const alt = $<HTMLInputElement>(element, '.image input[type="text"]');
    alt.value = 'Swastika on the tram shelter';
    alt.dispatchEvent(new Event('input'));
    await element.updateComplete;
    expect(canvas.getAttribute('aria-label')).to.equal('Swastika on the tram shelter');

    const submitted = oneEvent(element, 'oc-report-submitted');
    await continueAndSend(element);
    await submitted;

    const [put, post] = receiver.requests;
    expect(put.method).to.equal('PUT');
    expect(post.method).to.equal('POST', 'the image goes first');
    const report = JSON.parse(new TextDecoder().decode(post.bytes));
    expect(validator.validate(report).errors).to.deep.equal([]);
    const [listed] = report.attachments;
    expect(put.url).to.equal(`/api/reports-evidence/${report.id}/attachments/${listed.id}`);
    expect(put.headers['Content-Type']).to.equal('image/jpeg');
    expect(listed).to.deep.equal({
      id: listed.id,
      type: 'image/jpeg',
      bytes: put.bytes.length,
      sha256: await sha256Of(put.bytes),
      alt: 'Swastika on the tram shelter',
    });
    // What reached the receiver: no APP1 segment (EXIF, XMP), no IPTC, no 'Exif' anywhere.
    expect(jpegMarkers(put.bytes)).not.to.include(0xe1);
    expect(jpegMarkers(put.bytes)).not.to.include(0xed);
    expect(holdsText(put.bytes, 'Exif')).to.equal(false);
    const received = await createImageBitmap(new Blob([put.bytes]));
    expect([received.width, received.height]).to.deep.equal([20, 40]);
    expect(await imagesOnDevice()).to.deep.equal([], 'deleted from the device once accepted');
  });

  it('keeps a report with three images through a network failing mid-upload and a reload: each image and the report are stored once', async () => {
    receiver = evidenceReceiver();
    storeDraft(completeDraft(), 'evidence');
    let element = await mount({ retryDelayMs: 60_000 });
    await chooseFiles(element, [await png('one.png'), await png('two.png', 40, 30), await png('three.png', 50, 20)]);
    await showsImages(element, 3);
    // The first image arrives; the answer to the second is lost after it was stored; then nothing gets through.
    let networkUp = true;
    receiver.fail = (request) => {
      if (!networkUp) return 'offline';
      if (request.method === 'PUT' && receiver!.images.size === 1) {
        networkUp = false;
        return 'lost';
      }
      return undefined;
    };
    const queued = oneEvent(element, 'oc-report-queued');
    await continueAndSend(element);
    const { detail } = await queued;
    await element.updateComplete;
    expect(heading(element)).to.equal('Your report is saved and will be sent');
    expect($(element, '.deletion-code').textContent).to.match(/[2-9A-Z]{4}(-[2-9A-Z]{4}){3}/);
    const [entry] = pending();
    expect(entry.id).to.equal(detail.id);
    expect(entry.body.attachments).to.have.length(3);
    expect(entry.sent).to.deep.equal([entry.body.attachments![0].id], 'the first image is marked as received');
    expect((await imagesOnDevice()).map((image) => image.reportId)).to.deep.equal([detail.id, detail.id, detail.id]);

    // The page is reloaded, with the network back.
    fixtureCleanup();
    networkUp = true;
    receiver.fail = undefined;
    const submitted = oneEvent(window, 'oc-report-submitted');
    element = await mount();
    expect((await submitted).detail.id).to.equal(detail.id);
    await element.updateComplete;
    expect(heading(element)).to.equal('Your report has been sent');

    const ids = entry.body.attachments!.map((image) => image.id);
    for (const id of [...ids, detail.id]) expect(receiver.created.get(id)).to.equal(1, `${id} stored once`);
    expect(receiver.reports.size).to.equal(1);
    for (const listed of entry.body.attachments!) {
      expect(receiver.images.get(listed.id)!.sha256).to.equal(listed.sha256);
    }
    const puts = receiver.requests.filter((request) => request.method === 'PUT').map((request) => request.url);
    expect(puts.filter((url) => url.endsWith(ids[0]))).to.have.length(1, 'a received image is not sent again');
    expect(puts.filter((url) => url.endsWith(ids[1]))).to.have.length(2, 'the one whose answer was lost is sent again');
    expect(pending()).to.deep.equal([]);
    expect(await imagesOnDevice()).to.deep.equal([]);
  });

  it('says clearly, in the person’s language, why a file was not added', async () => {
    storeDraft(completeDraft(), 'evidence');
    const element = await mount();
    const huge = new File([new Uint8Array(26 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' });
    const gif = new File([new TextEncoder().encode('GIF89a....')], 'cat.gif', { type: 'image/gif' });
    const broken = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 9, 9, 9])], 'broken.jpg', {
      type: 'image/jpeg',
    });
    await chooseFiles(element, [huge, gif, broken]);
    await waitUntil(() => element.shadowRoot!.querySelectorAll('.image-problems li').length === 3);
    const problems = [...element.shadowRoot!.querySelectorAll('.image-problems li')].map((li) =>
      li.textContent!.trim(),
    );
    expect(problems).to.deep.equal([
      'huge.jpg: this file is too big. Choose an image smaller than 25 MB.',
      'cat.gif: this kind of file cannot be added. Choose a JPEG, PNG or WebP image.',
      'broken.jpg: this image could not be opened. Try another one.',
    ]);
    expect($(element, '.image-problems').getAttribute('role')).to.equal('alert');
    expect(items(element)).to.have.length(0);

    await chooseFiles(element, await Promise.all(['1', '2', '3', '4', '5', '6'].map((name) => png(`${name}.png`))));
    await showsImages(element, 5);
    expect($(element, '.image-problems').textContent).to.contain('6.png was not added: you can send at most 5 images.');
    expect($(element, '#add-image').getAttribute('aria-disabled')).to.equal('true');
    expect($(element, '#images-full').textContent).to.contain('the most you can send');

    await setLocale('uk');
    await element.updateComplete;
    expect($(element, '.image-problems').textContent).to.contain('6.png');
    expect($(element, '.image-problems').textContent).not.to.contain('was not added');
  });

  it('moves and removes images with the keyboard, focus following, and keeps their descriptions', async () => {
    storeDraft(completeDraft(), 'evidence');
    const element = await mount();
    await chooseFiles(element, [await png('a.png'), await png('b.png'), await png('c.png')]);
    await showsImages(element, 3);
    const describe = async (index: number, value: string) => {
      const input = items(element)[index].querySelector<HTMLInputElement>('input')!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
      await element.updateComplete;
    };
    await describe(0, 'First');
    await describe(1, 'Second');
    await describe(2, 'Third');
    const order = () => items(element).map((item) => item.querySelector('input')!.value);

    // Move the third image up, twice, with Enter on its focused button.
    items(element)[2].querySelector<HTMLButtonElement>('[id$="-up"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(order()).to.deep.equal(['First', 'Third', 'Second']);
    expect(active(element)?.id).to.match(/-up$/);
    expect(active(element)?.closest('.image')).to.equal(items(element)[1], 'focus moves with the image');
    expect($(element, '.image-status').textContent).to.contain('Image moved to position 2.');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(order()).to.deep.equal(['Third', 'First', 'Second']);
    expect(active(element)?.id).to.match(/-down$/, 'at the top there is no "Move up": focus goes to "Move down"');

    // Remove the first: focus goes to the next image's "Remove".
    items(element)[0].querySelector<HTMLButtonElement>('[id$="-remove"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(order()).to.deep.equal(['First', 'Second']);
    expect(active(element)?.id).to.match(/-remove$/);
    expect(active(element)?.closest('.image')).to.equal(items(element)[0]);
    expect($(element, '.image-status').textContent).to.contain('Image removed.');
    await waitUntil(async () => (await imagesOnDevice()).length === 2, 'the removed image is deleted from the device');

    // The draft (order and descriptions) survives a reload, with the previews.
    fixtureCleanup();
    const again = await mount();
    await showsImages(again, 2);
    expect(items(again).map((item) => item.querySelector('input')!.value)).to.deep.equal(['First', 'Second']);
    await waitUntil(() => items(again)[0].querySelector('canvas')!.width === 30, 'the preview is drawn again');
  });

  it('deletes the images of a draft whose tab was closed when the form opens again, not those another tab holds', async () => {
    storeDraft(completeDraft(), 'evidence');
    let element = await mount();
    await chooseFiles(element, [await png('left-behind.png')]);
    await showsImages(element, 1);
    const [left] = await imagesOnDevice();
    fixtureCleanup();

    // Another tab is filling in a draft with an image; its page holds the draft's lock.
    const other = { id: crypto.randomUUID(), reportId: crypto.randomUUID() };
    await withImages('readwrite', (store) => {
      store.put({ ...other, endpoint: '/api/reports-evidence', blob: new Blob(['x']), savedAt: 0 });
    });
    let releaseOther = () => {};
    void navigator.locks.request(
      lockName(other.reportId),
      () => new Promise<void>((resolve) => (releaseOther = resolve)),
    );

    sessionStorage.clear(); // the first tab was closed: its draft is gone, its image is not
    element = await mount();
    await waitUntil(async () => (await imagesOnDevice()).length === 1, 'the abandoned image is deleted');
    expect((await imagesOnDevice()).map((image) => image.id)).to.deep.equal([other.id]);
    expect(left.reportId).not.to.equal(other.reportId);
    releaseOther();
  });

  it('gives back a draft with its images when a receiver refuses the report on a later visit', async () => {
    receiver = evidenceReceiver();
    storeDraft(completeDraft(), 'evidence');
    let element = await mount({ retryDelayMs: 60_000 });
    await chooseFiles(element, [await png('kept.png')]);
    await showsImages(element, 1);
    receiver.fail = () => 'offline';
    const queued = oneEvent(element, 'oc-report-queued');
    await continueAndSend(element);
    await queued;
    fixtureCleanup();
    sessionStorage.clear();

    receiver.fail = (request) => (request.method === 'POST' ? { status: 422, body: { error: 'Too old.' } } : undefined);
    element = await mount();
    await waitUntil(() => element.shadowRoot!.querySelector('.error-summary'), 'refused', { timeout: 5000 });
    expect(heading(element)).to.equal('Check your report and send it');
    expect($(element, '.summary').textContent).to.contain('Image 1 of 1');
    expect(await imagesOnDevice()).to.have.length(1, 'the images stay with the draft');
  });
});
