/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of a namespace and a name), so that every id in the
 * sample feeds is a UUID, as HSDS 3.0 requires, and stays the same each time the feeds are built:
 * links to a service (`#oc-sf=id=…`) keep working.
 */
import { createHash } from 'node:crypto';

/** The namespace of the Open City Widgets sample data (a random UUID, fixed once). */
export const sampleNamespace = 'aadb700f-d192-4c56-8416-f5098db01606';

export function uuidFromName(name, namespace = sampleNamespace) {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(String(name), 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
