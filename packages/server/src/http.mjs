/** Small helpers for node:http handlers. */

export class HttpError extends Error {
  constructor(status, message, { details, headers, code } = {}) {
    super(message);
    this.status = status;
    this.details = details;
    this.headers = headers;
    // A stable word for programs (the console), beside the sentence for people.
    this.code = code;
  }
}

export function sendJson(response, status, body, headers = {}) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(text);
}

export function sendText(response, status, text, contentType = 'text/plain; charset=utf-8', headers = {}) {
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Read a request body up to `limit` bytes; a larger one is refused with 413 before it is all read. */
export async function readBody(request, limit) {
  return (await readBodyBytes(request, limit)).toString('utf8');
}

export async function readBodyBytes(request, limit) {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    throw new HttpError(413, `The body is larger than ${limit} bytes.`);
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of request) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, `The body is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function clientAddress(request, trustProxy) {
  if (trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    if (typeof forwarded === 'string' && forwarded) return forwarded.split(',')[0].trim();
  }
  return request.socket.remoteAddress ?? 'unknown';
}
