import { expect, waitUntil } from '@open-wc/testing';
import { withImages, type StoredImage } from './attachment-store.js';
import { OUTBOX_STORAGE_KEY, Outbox, ReportSender, postReport, type OutboxEntry } from './outbox.js';
import { buildPayload } from './payload.js';
import { newDraft, type IncidentReportPayload } from './report-model.js';

type Answer = Response | 'offline';

/** A fake receiver: answers in turn, records every request. */
function fakeReceiver(...answers: Answer[]) {
  const requests: Array<{ url: string; init: RequestInit; body: IncidentReportPayload }> = [];
  const fetchImpl = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    requests.push({ url: String(url), init, body: JSON.parse(String(init.body)) });
    const answer = answers.length > 1 ? answers.shift()! : answers[0];
    if (answer === 'offline') throw new TypeError('Failed to fetch');
    return answer.clone();
  };
  return { requests, fetch: fetchImpl as typeof fetch, answers };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function report(): IncidentReportPayload {
  return buildPayload(
    {
      ...newDraft(0),
      reporterRole: 'victim',
      incidentTypes: ['threat'],
      biasMotivations: ['anti-christian-other-religions'],
      placeKind: 'online',
      url: 'https://example.org',
      occurredOn: '2026-11-01',
      description: 'Threats in comments',
      reportedToPolice: 'not-sure',
      consent: true,
    },
    { locale: 'en' },
  );
}

describe('postReport', () => {
  it('posts JSON with the id as Idempotency-Key and reads the reference', async () => {
    const receiver = fakeReceiver(json(201, { reference: 'KR-AAAA-BBBB' }));
    const body = report();
    expect(await postReport('/api/reports', body, receiver.fetch)).to.deep.equal({
      kind: 'accepted',
      reference: 'KR-AAAA-BBBB',
    });
    const [request] = receiver.requests;
    expect(request.init.method).to.equal('POST');
    expect(request.init.headers).to.include({ 'Content-Type': 'application/json', 'Idempotency-Key': body.id });
    expect(request.body).to.deep.equal(body);
  });

  it('takes a 200 repeat as accepted', async () => {
    const receiver = fakeReceiver(json(200, { reference: 'KR-AAAA-BBBB' }));
    expect((await postReport('/r', report(), receiver.fetch)).kind).to.equal('accepted');
  });

  it('retries network errors, 408, 429 (with Retry-After) and 5xx', async () => {
    expect((await postReport('/r', report(), fakeReceiver('offline').fetch)).kind).to.equal('retry');
    expect((await postReport('/r', report(), fakeReceiver(new Response('', { status: 408 })).fetch)).kind).to.equal(
      'retry',
    );
    expect((await postReport('/r', report(), fakeReceiver(new Response('', { status: 503 })).fetch)).kind).to.equal(
      'retry',
    );
    const limited = await postReport(
      '/r',
      report(),
      fakeReceiver(json(429, { error: 'slow down' }, { 'Retry-After': '30' })).fetch,
    );
    expect(limited).to.deep.include({ kind: 'retry', retryAfterMs: 30_000 });
  });

  it('gives the reason of any other 4xx, from JSON or text', async () => {
    const refused = await postReport(
      '/r',
      report(),
      fakeReceiver(json(422, { error: 'Invalid', details: ['/place: bad'] })).fetch,
    );
    expect(refused).to.deep.equal({ kind: 'rejected', status: 422, reason: 'Invalid', details: ['/place: bad'] });
    const text = await postReport('/r', report(), fakeReceiver(new Response('Too large', { status: 413 })).fetch);
    expect(text).to.deep.include({ kind: 'rejected', reason: 'Too large' });
  });

  it('does not take a success without a reference for an accepted report', async () => {
    expect((await postReport('/r', report(), fakeReceiver(json(201, {})).fetch)).kind).to.equal('retry');
  });
});

/** A private Storage, so that these tests never touch the localStorage that parallel test pages share. */
function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}

describe('ReportSender', () => {
  let sender: ReportSender | undefined;
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
  });
  afterEach(() => {
    sender?.dispose();
  });

  it('retries after a 500 with the same id and key, and removes the report once accepted', async () => {
    const receiver = fakeReceiver(new Response('', { status: 500 }), json(201, { reference: 'KR-2222-3333' }));
    const accepted: string[] = [];
    sender = new ReportSender({
      outbox: new Outbox(storage),
      endpoint: '/r',
      fetch: receiver.fetch,
      retryDelayMs: 5,
      onAccepted: (_e, ref) => accepted.push(ref),
    });
    const body = report();
    const first = await sender.submit(body);
    expect(first?.kind).to.equal('retry');
    expect(JSON.parse(storage.getItem(OUTBOX_STORAGE_KEY)!)[0].id).to.equal(body.id, 'kept in storage');
    await waitUntil(() => accepted.length === 1);
    expect(accepted).to.deep.equal(['KR-2222-3333']);
    expect(receiver.requests.map((r) => (r.init.headers as Record<string, string>)['Idempotency-Key'])).to.deep.equal([
      body.id,
      body.id,
    ]);
    expect(receiver.requests[1].body).to.deep.equal(receiver.requests[0].body);
    expect(storage.getItem(OUTBOX_STORAGE_KEY)).to.equal(null);
  });

  it('sends again when the browser comes back online', async () => {
    const receiver = fakeReceiver('offline');
    const accepted: string[] = [];
    sender = new ReportSender({
      outbox: new Outbox(storage),
      endpoint: '/r',
      fetch: receiver.fetch,
      retryDelayMs: 60_000,
      onAccepted: (_e, ref) => accepted.push(ref),
    });
    await sender.submit(report());
    receiver.answers.splice(0, 1, json(201, { reference: 'KR-4444-5555' }));
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => accepted.length === 1);
    expect(receiver.requests.length).to.equal(2);
  });

  it('drops a refused report from the outbox and reports why', async () => {
    const receiver = fakeReceiver(json(400, { error: 'Bad key' }));
    const refused: string[] = [];
    sender = new ReportSender({
      outbox: new Outbox(storage),
      endpoint: '/r',
      fetch: receiver.fetch,
      onRejected: (_e, result) => refused.push(result.reason),
    });
    expect((await sender.submit(report()))?.kind).to.equal('rejected');
    expect(refused).to.deep.equal(['Bad key']);
    expect(sender.outbox.all()).to.deep.equal([]);
  });

  it('keeps the outbox per endpoint, and a discarded report is not sent', async () => {
    const outbox = new Outbox(storage);
    const entry = (id: string, endpoint: string): OutboxEntry => ({
      id,
      endpoint,
      body: { ...report(), id },
      queuedAt: 0,
      attempts: 0,
    });
    outbox.put(entry('a', '/one'));
    outbox.put(entry('b', '/two'));
    const receiver = fakeReceiver(json(201, { reference: 'KR' }));
    sender = new ReportSender({ endpoint: '/one', fetch: receiver.fetch, outbox });
    sender.discard('a');
    sender.resume();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(receiver.requests).to.deep.equal([]);
    expect(outbox.all().map((e) => e.id)).to.deep.equal(['b']);
  });
});

describe('ReportSender with images', () => {
  let sender: ReportSender | undefined;
  afterEach(async () => {
    sender?.dispose();
    await withImages('readwrite', (store) => void store.clear());
  });

  const stored = () => withImages<StoredImage[]>('readonly', (store) => store.getAll());

  /** A report listing `count` images, kept on the device as the form keeps them. */
  async function reportWithImages(count: number): Promise<IncidentReportPayload> {
    const body = report();
    const images = Array.from({ length: count }, (_, index) => ({
      id: crypto.randomUUID(),
      blob: new Blob([`image ${index}`], { type: 'image/png' }),
    }));
    for (const image of images) {
      await withImages('readwrite', (store) => {
        store.put({ id: image.id, reportId: body.id, endpoint: '/r', blob: image.blob, savedAt: 0 });
      });
    }
    body.attachments = images.map((image) => ({
      id: image.id,
      type: 'image/png',
      bytes: image.blob.size,
      sha256: '0'.repeat(64),
      alt: '',
    }));
    return body;
  }

  /** Records method and URL of each request; answers in turn, the last one repeating. */
  function receiver(...answers: Array<Response | 'offline'>) {
    const requests: string[] = [];
    const fetchImpl = async (url: RequestInfo | URL, init: RequestInit = {}) => {
      requests.push(`${init.method} ${String(url)}`);
      const answer = answers.length > 1 ? answers.shift()! : answers[0];
      if (answer === 'offline') throw new TypeError('Failed to fetch');
      return answer.clone();
    };
    return { requests, fetch: fetchImpl as typeof fetch };
  }

  it('sends each image before the report, and all of them again, once, when the report is refused with 409', async () => {
    const body = await reportWithImages(2);
    const [a, b] = body.attachments!.map((image) => image.id);
    const fake = receiver(
      json(201, {}),
      json(201, {}),
      json(409, { error: 'Attachments missing' }),
      json(200, {}),
      json(200, {}),
      json(201, { reference: 'KR-AGAI-N234' }),
    );
    const accepted: string[] = [];
    sender = new ReportSender({
      outbox: new Outbox(memoryStorage()),
      endpoint: '/r',
      fetch: fake.fetch,
      onAccepted: (_entry, reference) => accepted.push(reference),
    });
    expect(await sender.submit(body, 'CODE')).to.deep.equal({ kind: 'accepted', reference: 'KR-AGAI-N234' });
    expect(fake.requests).to.deep.equal([
      `PUT /r/${body.id}/attachments/${a}`,
      `PUT /r/${body.id}/attachments/${b}`,
      'POST /r',
      `PUT /r/${body.id}/attachments/${a}`,
      `PUT /r/${body.id}/attachments/${b}`,
      'POST /r',
    ]);
    expect(accepted).to.deep.equal(['KR-AGAI-N234']);
    await waitUntil(async () => (await stored()).length === 0, 'the images are deleted once accepted');
  });

  it('refuses the report after a second 409, and keeps its images for the draft it becomes again', async () => {
    const body = await reportWithImages(1);
    const fake = receiver(
      json(201, {}),
      json(409, { error: 'Conflict' }),
      json(200, {}),
      json(409, { error: 'Conflict' }),
    );
    const refused: number[] = [];
    sender = new ReportSender({
      outbox: new Outbox(memoryStorage()),
      endpoint: '/r',
      fetch: fake.fetch,
      onRejected: (_entry, result) => refused.push(result.status),
    });
    expect((await sender.submit(body))?.kind).to.equal('rejected');
    expect(fake.requests).to.have.length(4);
    expect(refused).to.deep.equal([409]);
    expect(await stored()).to.have.length(1);
  });

  it('does not send again an image the receiver took, after a failure', async () => {
    const body = await reportWithImages(2);
    const [a, b] = body.attachments!.map((image) => image.id);
    const outbox = new Outbox(memoryStorage());
    const fake = receiver(json(201, {}), 'offline', json(201, {}), json(201, { reference: 'KR-ONCE-2345' }));
    sender = new ReportSender({ outbox, endpoint: '/r', fetch: fake.fetch, retryDelayMs: 60_000 });
    expect((await sender.submit(body))?.kind).to.equal('retry');
    expect(outbox.get(body.id)!.sent).to.deep.equal([a]);
    const accepted = new Promise<string>((resolve) => {
      sender!.dispose();
      sender = new ReportSender({ outbox, endpoint: '/r', fetch: fake.fetch, onAccepted: (_e, ref) => resolve(ref) });
    });
    sender.resume();
    expect(await accepted).to.equal('KR-ONCE-2345');
    expect(fake.requests.filter((request) => request.endsWith(a))).to.have.length(1);
    expect(fake.requests.filter((request) => request.endsWith(b))).to.have.length(2);
  });

  it('sends a report whose image is no longer on the device without it, rather than not at all', async () => {
    const body = await reportWithImages(2);
    const [a, b] = body.attachments!.map((image) => image.id);
    await withImages('readwrite', (store) => void store.delete(a));
    const requests: Array<{ url: string; body?: string }> = [];
    const fetchImpl = async (url: RequestInfo | URL, init: RequestInit = {}) => {
      requests.push({ url: String(url), body: typeof init.body === 'string' ? init.body : undefined });
      return init.method === 'PUT' ? json(201, {}) : json(201, { reference: 'KR-LESS-2345' });
    };
    sender = new ReportSender({
      outbox: new Outbox(memoryStorage()),
      endpoint: '/r',
      fetch: fetchImpl as typeof fetch,
    });
    expect((await sender.submit(body))?.kind).to.equal('accepted');
    expect(requests.map((request) => request.url)).to.deep.equal([`/r/${body.id}/attachments/${b}`, '/r']);
    expect(JSON.parse(requests[1].body!).attachments.map((image: { id: string }) => image.id)).to.deep.equal([b]);
  });

  it('forgets the images of a report the person deletes', async () => {
    const body = await reportWithImages(2);
    const fake = receiver('offline');
    sender = new ReportSender({
      outbox: new Outbox(memoryStorage()),
      endpoint: '/r',
      fetch: fake.fetch,
      retryDelayMs: 60_000,
    });
    await sender.submit(body);
    expect(await stored()).to.have.length(2);
    sender.discard(body.id);
    await waitUntil(async () => (await stored()).length === 0);
  });
});
