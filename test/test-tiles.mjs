/**
 * Map tiles for the browser tests and the bench, made here rather than fetched, so that nothing
 * needs the internet:
 *   /test-tiles/{z}/{x}/{y}.png        a 256 × 256 PNG: a light chequer with a grid line, so that
 *                                      neighbouring tiles and zoom levels can be told apart
 *   /test-tiles/fail/{z}/{x}/{y}.png   404, for a tile server that is down
 *   /test-tiles/slow/{z}/{x}/{y}.png   the PNG after 1.5 s
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG of `size` × `size` pixels (8-bit RGB), each pixel from `colour(x, y)` → [r, g, b]. */
export function encodePng(size, colour) {
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    rows[row] = 0; // no filter
    for (let x = 0; x < size; x++) {
      const [r, g, b] = colour(x, y);
      rows[row + 1 + x * 3] = r;
      rows[row + 2 + x * 3] = g;
      rows[row + 3 + x * 3] = b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const tiles = new Map();

/** The test tile for an even or odd square of the chequer (two PNGs, made once). */
export function testTile(odd) {
  if (!tiles.has(odd)) {
    const [r, g, b] = odd ? [226, 236, 228] : [240, 244, 236];
    tiles.set(
      odd,
      encodePng(256, (x, y) =>
        x === 0 || y === 0 ? [190, 198, 192] : x % 64 === 0 || y % 64 === 0 ? [214, 222, 216] : [r, g, b],
      ),
    );
  }
  return tiles.get(odd);
}

export function testTileMiddleware() {
  return async (ctx, next) => {
    const match = new URL(ctx.url, 'http://localhost').pathname.match(
      /^\/test-tiles\/(?:(fail|slow)\/)?(\d+)\/(\d+)\/(\d+)\.png$/,
    );
    if (!match) return next();
    const [, kind, , x, y] = match;
    if (kind === 'fail') {
      ctx.status = 404;
      ctx.body = 'no such tile';
      return;
    }
    if (kind === 'slow') await new Promise((resolve) => setTimeout(resolve, 1500));
    ctx.type = 'image/png';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = testTile((Number(x) + Number(y)) % 2 === 1);
  };
}
