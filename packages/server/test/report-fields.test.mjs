/**
 * One list of a report's fields, from the schema, for the form, the exports and the console:
 * the written lists (report-fields.js) match the schema; every field of the schema has a column in
 * the staff CSV (or is named as never exported) and is in the JSON export; each evidence image has
 * a link there that opens with the exporter's own credentials and not without them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { reportChoices, reportFields } from '@open-city/incident-report/schema/report-fields.js';
import { deriveChoices, deriveFields, readSchema } from '../../incident-report/schema/generate-fields.mjs';
import { openDatabase } from '../src/db/database.mjs';
import { csvColumns, fieldsNotExported, reportsToCsv } from '../src/reports.mjs';
import { fullReport } from './report-fixture.mjs';
import {
  adminToken,
  addAccount,
  jpegBytes,
  pngBytes,
  postReport,
  putAttachment,
  sha256Hex,
  staffClient,
  startServer,
} from './staff-helpers.mjs';

/** Every leaf of the schema's properties, walked here on its own (not with the generator's code). */
function schemaLeaves(node, prefix = '') {
  const properties = {};
  for (const branch of [node, ...(node.oneOf ?? [])]) Object.assign(properties, branch.properties ?? {});
  return Object.entries(properties).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const nested = property.properties || property.oneOf;
    if (property.type === 'array' && property.items?.properties)
      return Object.keys(property.items.properties).map((inner) => `${path}[].${inner}`);
    return nested && !property.enum ? schemaLeaves(property, path) : [path];
  });
}

/** Parse the CSV this server writes (RFC 4180: quotes doubled, CRLF rows). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += char;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index++;
    } else {
      cell += char;
    }
  }
  const [header, ...data] = rows;
  return data.map((values) => Object.fromEntries(header.map((name, index) => [name, values[index]])));
}

describe('report fields from the schema', () => {
  it('are written from the schema as it is now (run generate-fields.mjs after changing it)', () => {
    const schema = readSchema();
    assert.deepEqual(reportFields, deriveFields(schema));
    assert.deepEqual(reportChoices, deriveChoices(schema));
  });

  it('give every field of the schema a CSV column, unless it is named as never exported', () => {
    const columns = csvColumns.map((column) => column.name);
    for (const leaf of schemaLeaves(readSchema())) {
      if (leaf.split(/[.[]/)[0] in fieldsNotExported) continue;
      const [list, inner] = leaf.split('[].');
      const found = inner
        ? columns.some((column) => column.startsWith(`${list}.`) && column.endsWith(`.${inner}`)) ||
          columns.includes(list)
        : columns.includes(leaf);
      assert.ok(found, `the CSV has no column for ${leaf}`);
    }
    // A new field in the schema shows up here too (the walk above is independent of the generator).
    assert.ok(schemaLeaves(readSchema()).length >= 40);
  });

  it('write a row whose cells hold every answer, with formulas defused', () => {
    const report = fullReport({
      attachments: [{ id: randomUUID(), type: 'image/png', bytes: 10, sha256: 'b'.repeat(64), alt: '+Napis' }],
    });
    const [row] = parseCsv(reportsToCsv([{ reference: 'KR-1', receivedAt: '2026-11-24T10:00:00.000Z', report }]));
    assert.equal(row.reporterRole, 'victim');
    assert.equal(row.targets, 'me; group');
    assert.equal(row.injuries, 'minor');
    assert.equal(row['witnesses.present'], 'true');
    assert.equal(row['witnesses.contactThroughReporter'], 'true');
    assert.equal(row['perpetrators.count'], 'two-or-three');
    assert.equal(row['perpetrators.knownToVictim'], 'no');
    assert.equal(row['perpetrators.description'], "'=Dwóch mężczyzn w kurtkach");
    assert.equal(row.reportedElsewhere, 'police; organisation; platform');
    assert.equal(row['reportedElsewhere.police.reference'], 'KMP-2026/11/123');
    assert.equal(row['reportedElsewhere.organisation.name'], 'Fundacja Ocalenie');
    assert.equal(row['reportedElsewhere.organisation.reference'], 'FO-77');
    assert.equal(row['place.point.latitude'], '50.0634');
    assert.equal(row['contact.phone'], "'+48 600 100 200");
    assert.equal(row['attachments.1.alt'], "'+Napis");
    assert.equal(row['attachments.2.id'], '');
    assert.equal(row['consent.specialCategoryData'], 'true');
    assert.ok(!('deletionCodeSha256' in row), 'the deletion code hash stays out of the export');
  });

  it('keep a field a newer form sent that this schema does not know, in a column of its own', () => {
    const report = fullReport({ futureQuestion: 'tak', place: { kind: 'online', url: 'x.example', future: 1 } });
    const [row] = parseCsv(reportsToCsv([{ reference: 'KR-2', receivedAt: '2026-11-24T10:00:00.000Z', report }]));
    assert.equal(row.futureQuestion, 'tak');
    assert.equal(row['place.future'], '1');
  });
});

describe('staff exports with every field and a link per image', () => {
  let db;
  let server;
  let reference;
  let report;
  const images = [
    { id: randomUUID(), bytes: pngBytes, type: 'image/png' },
    { id: randomUUID(), bytes: jpegBytes, type: 'image/jpeg' },
  ];
  const token = { Authorization: `Bearer ${adminToken}` };

  before(async () => {
    db = await openDatabase({ dataDir: ':memory:' });
    server = await startServer({ db });
    await addAccount(db, { email: 'ewa@krakow.example', password: 'ewa password 1234' });
    report = fullReport();
    for (const image of images) {
      assert.equal((await putAttachment(server.base, report.id, image.id, image.bytes, image.type)).status, 201);
    }
    report.attachments = images.map((image, index) => ({
      id: image.id,
      type: image.type,
      bytes: image.bytes.length,
      sha256: sha256Hex(image.bytes),
      alt: `Zdjęcie ${index + 1}`,
    }));
    const response = await postReport(server.base, report);
    assert.equal(response.status, 201, await response.clone().text());
    ({ reference } = await response.json());
  });

  after(async () => {
    await server?.close();
    await db?.close();
  });

  it('token export: JSON has every field and CSV every column, images open with the token only', async () => {
    const json = await (await fetch(`${server.base}/api/reports?format=json`, { headers: token })).json();
    const exported = json.reports.find((item) => item.reference === reference);
    assert.equal(exported.status, 'new');
    const { deletionCodeSha256: _hidden, attachments: _images, ...rest } = report;
    for (const [field, value] of Object.entries(rest)) assert.deepEqual(exported.report[field], value, field);
    assert.equal(exported.report.deletionCodeSha256, undefined);
    const links = exported.report.attachments.map((image) => image.url);
    assert.deepEqual(
      links,
      images.map((image) => `${server.base}/api/reports/${reference}/attachments/${image.id}`),
    );
    const csv = await (await fetch(`${server.base}/api/reports?format=csv`, { headers: token })).text();
    const row = parseCsv(csv).find((item) => item.reference === reference);
    assert.equal(row['attachments.1.url'], links[0]);
    assert.equal(row['attachments.2.url'], links[1]);
    assert.equal(row['attachments.2.type'], 'image/jpeg');
    assert.equal(row.injuries, 'minor');
    for (const [index, link] of links.entries()) {
      assert.equal((await fetch(link)).status, 401);
      const image = await fetch(link, { headers: token });
      assert.equal(image.status, 200);
      assert.deepEqual(Buffer.from(await image.arrayBuffer()), images[index].bytes);
    }
  });

  it('console export: the links open with the staff session, not without it', async () => {
    const staff = staffClient(server.base);
    assert.equal((await staff.signIn('ewa@krakow.example', 'ewa password 1234')).status, 200);
    const csv = await (await staff.request('GET', `/staff/api/export?format=csv&q=${reference}`)).text();
    const [row] = parseCsv(csv);
    assert.equal(row.reference, reference);
    assert.equal(row['reportedElsewhere.organisation.name'], 'Fundacja Ocalenie');
    const link = row['attachments.1.url'];
    assert.equal(link, `${server.base}/staff/api/reports/${reference}/attachments/${images[0].id}`);
    const path = link.slice(server.base.length);
    assert.equal((await fetch(link)).status, 401);
    const image = await staff.request('GET', path);
    assert.equal(image.status, 200);
    assert.deepEqual(Buffer.from(await image.arrayBuffer()), pngBytes);
    const json = await (await staff.request('GET', `/staff/api/export?format=json&q=${reference}`)).json();
    assert.equal(json.reports[0].report.attachments[1].url, row['attachments.2.url']);
    assert.deepEqual(json.reports[0].report.perpetrators, report.perpetrators);
  });
});
