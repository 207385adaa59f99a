import { expect } from '@open-wc/testing';
import { deletionCodeHash, makeDeletionCode, normalizeDeletionCode } from './deletion-code.js';
import { ImageProblemError, maxSide, prepareImage, sniffImageType } from './evidence.js';
import { drawnImage, holdsText, jpegMarkers, jpegWithGps, sha256Of } from './test-helpers.js';

/** The problem prepareImage throws for `file`, or undefined when it takes it. */
async function problemOf(file: Blob): Promise<string | undefined> {
  try {
    (await prepareImage(file)).preview.close();
    return undefined;
  } catch (error) {
    return error instanceof ImageProblemError ? error.problem : String(error);
  }
}

const bytesOf = async (blob: Blob) => new Uint8Array(await blob.arrayBuffer());

describe('evidence images', () => {
  it('re-encodes a phone JPEG without its EXIF and GPS data, turned upright', async () => {
    const original = await jpegWithGps(40, 20);
    // The test's own photo carries what a phone writes, so the checks below can fail.
    expect(jpegMarkers(original)).to.include(0xe1);
    expect(holdsText(original, 'Exif')).to.equal(true);

    const prepared = await prepareImage(new Blob([original], { type: 'image/jpeg' }));
    const sent = await bytesOf(prepared.blob);
    expect(prepared.type).to.equal('image/jpeg');
    expect(await sniffImageType(prepared.blob)).to.equal('image/jpeg');
    expect(jpegMarkers(sent)).not.to.include(0xe1, 'no APP1 (EXIF, XMP)');
    expect(jpegMarkers(sent)).not.to.include(0xed, 'no APP13 (IPTC)');
    expect(holdsText(sent, 'Exif')).to.equal(false);
    expect(holdsText(sent, 'http://ns.adobe.com/xap')).to.equal(false);
    // Orientation 6: the 40 × 20 pixels are shown turned, 20 × 40, and are sent that way.
    const upright = await createImageBitmap(prepared.blob);
    expect([upright.width, upright.height]).to.deep.equal([20, 40]);
    upright.close();
    expect(prepared.sha256).to.equal(await sha256Of(sent));
    expect([prepared.preview.width, prepared.preview.height]).to.deep.equal([20, 40]);
    prepared.preview.close();
  });

  it('turns a screenshot (PNG) into WebP, and scales the longest side down to 2,560 px', async () => {
    const screenshot = await drawnImage(3000, 1200, 'image/png');
    const prepared = await prepareImage(new File([screenshot], 'screenshot.png', { type: 'image/png' }));
    expect(prepared.type).to.equal('image/webp');
    expect(await sniffImageType(prepared.blob)).to.equal('image/webp');
    const sent = await createImageBitmap(prepared.blob);
    expect([sent.width, sent.height]).to.deep.equal([maxSide, 1024]);
    sent.close();
    expect(Math.max(prepared.preview.width, prepared.preview.height)).to.equal(240);
    prepared.preview.close();
  });

  it('reads the type from the bytes, not the name, and refuses other types, broken images and huge files', async () => {
    const png = await drawnImage(8, 8, 'image/png');
    expect(await problemOf(new File([png], 'photo.jpg', { type: 'image/jpeg' }))).to.equal(undefined);
    const gif = new TextEncoder().encode('GIF89a\x01\x00\x01\x00');
    expect(await problemOf(new File([gif], 'a.gif', { type: 'image/gif' }))).to.equal('type');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(await problemOf(new File([svg], 'a.png', { type: 'image/png' }))).to.equal('type');
    const broken = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await problemOf(new File([broken], 'broken.jpg', { type: 'image/jpeg' }))).to.equal('unreadable');
    const huge = new File([new Uint8Array(26 * 1024 * 1024)], 'huge.jpg', { type: 'image/jpeg' });
    expect(await problemOf(huge)).to.equal('too-big');
  });
});

describe('deletion code', () => {
  it('makes codes of four groups of four, from an alphabet without look-alikes, never the same twice', () => {
    const codes = Array.from({ length: 200 }, makeDeletionCode);
    for (const code of codes) expect(code).to.match(/^[2-9A-HJKMNP-TV-Z]{4}(-[2-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(new Set(codes).size).to.equal(codes.length);
    const seen = new Set(codes.join('').replace(/-/g, ''));
    expect(seen.size).to.be.greaterThan(25, 'every character is used');
  });

  it('takes a code back as typed (case, spaces, dashes), and hashes the text shown', async () => {
    expect(normalizeDeletionCode(' 7k3m q9xp–2hvd 8rtw ')).to.equal('7K3M-Q9XP-2HVD-8RTW');
    expect(normalizeDeletionCode('7K3MQ9XP2HVD8RTW')).to.equal('7K3M-Q9XP-2HVD-8RTW');
    expect(normalizeDeletionCode('7K3M-Q9XP-2HVD')).to.equal(undefined, 'too short');
    expect(normalizeDeletionCode('0K3M-Q9XP-2HVD-8RTW')).to.equal(undefined, 'not in the alphabet');
    const hash = await deletionCodeHash('7K3M-Q9XP-2HVD-8RTW');
    expect(hash).to.equal(await sha256Of(new TextEncoder().encode('7K3M-Q9XP-2HVD-8RTW')));
    expect(hash).to.match(/^[0-9a-f]{64}$/);
  });
});
