/**
 * Evidence images sent with a report (CONTRACT.md): each arrives by `PUT` before its report, is
 * stored in the database (so that backups, retention and deletion cover it), and is checked by its
 * bytes, not by what the client says it is.
 */
import { createHash } from 'node:crypto';

export const evidenceTypes = ['image/jpeg', 'image/png', 'image/webp'];
export const maxAttachmentsPerReport = 5;
export const extensionOf = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** The image type its first bytes say, or undefined. */
export function sniffImageType(bytes) {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length >= 12 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return undefined;
}

/**
 * Whether an image still carries EXIF or XMP metadata (where GPS positions and device names live).
 * The form re-encodes every image so that none does; this is the receiver's second line.
 */
export function carriesMetadata(bytes, type) {
  if (type === 'image/jpeg') {
    // Walk the segments up to the start of the scan: APP1 holds EXIF ("Exif\0\0") and XMP.
    let offset = 2;
    while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
      const marker = bytes[offset + 1];
      if (marker === 0xda || marker === 0xd9) break;
      if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
        offset += marker === 0xff ? 1 : 2;
        continue;
      }
      const length = bytes.readUInt16BE(offset + 2);
      if (marker === 0xe1) {
        const head = bytes.toString('latin1', offset + 4, offset + 4 + 29);
        if (head.startsWith('Exif\0') || head.startsWith('http://ns.adobe.com/xap/1.0/')) return true;
      }
      offset += 2 + length;
    }
    return false;
  }
  if (type === 'image/png') {
    let offset = 8;
    while (offset + 8 <= bytes.length) {
      const length = bytes.readUInt32BE(offset);
      const chunk = bytes.toString('latin1', offset + 4, offset + 8);
      if (chunk === 'eXIf') return true;
      if (
        (chunk === 'iTXt' || chunk === 'tEXt' || chunk === 'zTXt') &&
        bytes.toString('latin1', offset + 8, offset + 8 + 17).startsWith('XML:com.adobe.xmp')
      )
        return true;
      if (chunk === 'IEND') break;
      offset += 12 + length;
    }
    return false;
  }
  if (type === 'image/webp') {
    let offset = 12;
    while (offset + 8 <= bytes.length) {
      const chunk = bytes.toString('latin1', offset, offset + 4);
      if (chunk === 'EXIF' || chunk === 'XMP ') return true;
      const length = bytes.readUInt32LE(offset + 4);
      offset += 8 + length + (length % 2);
    }
    return false;
  }
  return false;
}

export const sha256Hex = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * Store one attachment. Answers `{ status: 'created' | 'repeat' | 'conflict' | 'closed' | 'full' }`:
 * a repeat is the same id with the same bytes for the same report; a conflict, other bytes or
 * another report under a known id; closed, the report was already received; full, it has
 * `maxAttachmentsPerReport` already.
 */
export async function storeAttachment(db, { reportId, attachmentId, type, bytes, now = new Date() }) {
  const sha256 = sha256Hex(bytes);
  const known = async () => {
    const { rows } = await db.query('SELECT report_id, sha256 FROM report_attachments WHERE id = $1', [attachmentId]);
    if (rows.length === 0) return undefined;
    return rows[0].report_id === reportId && rows[0].sha256 === sha256 ? 'repeat' : 'conflict';
  };
  const before = await known();
  if (before) return { status: before, sha256 };
  const received = await db.query('SELECT 1 FROM reports WHERE id = $1', [reportId]);
  if (received.rows.length > 0) return { status: 'closed', sha256 };
  const count = await db.query('SELECT count(*)::int AS n FROM report_attachments WHERE report_id = $1', [reportId]);
  if (count.rows[0].n >= maxAttachmentsPerReport) return { status: 'full', sha256 };
  const { rows } = await db.query(
    `INSERT INTO report_attachments (id, report_id, content_type, bytes, sha256, data, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz)
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [attachmentId, reportId, type, bytes.length, sha256, bytes, now.toISOString()],
  );
  // Two PUTs of one id at once: the one that lost the insert compares with the winner.
  return { status: rows.length === 1 ? 'created' : await known(), sha256 };
}

/** The ids of the attachments a report lists that were not received with the same bytes and type. */
export async function missingAttachments(db, report) {
  const listed = Array.isArray(report.attachments) ? report.attachments : [];
  if (listed.length === 0) return [];
  const { rows } = await db.query(
    'SELECT id, content_type, bytes, sha256 FROM report_attachments WHERE report_id = $1',
    [report.id],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  return listed
    .filter((item) => {
      const row = stored.get(item.id);
      return (
        !row || row.sha256 !== item.sha256.toLowerCase() || row.bytes !== item.bytes || row.content_type !== item.type
      );
    })
    .map((item) => item.id);
}

export async function readAttachment(db, reportId, attachmentId) {
  const { rows } = await db.query(
    'SELECT content_type, bytes, sha256, data FROM report_attachments WHERE report_id = $1 AND id = $2',
    [reportId, attachmentId],
  );
  if (!rows[0]) return undefined;
  return { type: rows[0].content_type, sha256: rows[0].sha256, data: Buffer.from(rows[0].data) };
}

export async function attachmentsOf(db, reportId) {
  const { rows } = await db.query(
    'SELECT id, content_type, bytes, sha256 FROM report_attachments WHERE report_id = $1 ORDER BY received_at, id',
    [reportId],
  );
  return rows;
}

/** Send an evidence image: never cached, never run, never sniffed into something else. */
export function sendEvidence(response, { type, data }, attachmentId) {
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': data.length,
    'Content-Disposition': `inline; filename="evidence-${attachmentId}.${extensionOf[type]}"`,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(data);
}
