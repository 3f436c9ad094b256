import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AttachmentRefusal, cleanFilename, inspectAttachment } from './attachments';

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AttachmentRefusal);
  return (err as AttachmentRefusal).code;
};

/** The first bytes of a Windows program (MZ header + PE signature), enough for any sniffer. */
function fakeExe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  b.writeUInt16LE(0x14c, 0x84);
  return b;
}

describe('inspectAttachment', () => {
  it('takes the type from the content: a PDF named .txt is a PDF', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const file = await inspectAttachment(pdf, 'notes.txt');
    expect(file.contentType).toBe('application/pdf');
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.variants).toEqual([]);
  });

  it('refuses an executable renamed .pdf', async () => {
    expect(await refusal(inspectAttachment(fakeExe(), 'rapport.pdf'))).toBe('executable_not_allowed');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);
    expect(await refusal(inspectAttachment(elf, 'rapport.pdf'))).toMatch(/executable_not_allowed|type_not_allowed/);
  });

  it('refuses SVG, with or without a script, whatever its name', async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await refusal(inspectAttachment(svg, 'logo.png'))).toBe('svg_not_allowed');
    expect(await refusal(inspectAttachment(Buffer.from('<svg onload="alert(1)"/>'), 'a.svg'))).toBe('svg_not_allowed');
  });

  it('refuses HTML and unknown binaries, accepts plain UTF-8 text', async () => {
    expect(await refusal(inspectAttachment(Buffer.from('<html><script>x()</script></html>'), 'a.txt'))).toBe('type_not_allowed');
    expect(await refusal(inspectAttachment(Buffer.from([0, 1, 2, 3, 250, 251]), 'a.bin'))).toBe('type_not_allowed');
    const text = await inspectAttachment(Buffer.from('Compte-rendu — réunion du 3 mars\n'), 'cr.md');
    expect(text.contentType).toBe('text/plain');
  });

  it('refuses an empty or oversized file', async () => {
    expect(await refusal(inspectAttachment(Buffer.alloc(0), 'a.pdf'))).toBe('file_empty');
    expect(await refusal(inspectAttachment(Buffer.alloc(2048, 1), 'a.pdf', 1024))).toBe('file_too_large');
  });

  it('makes WebP variants of an image, never larger than the original', async () => {
    const png = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#3a7' } }).png().toBuffer();
    const file = await inspectAttachment(png, 'carte.png');
    expect(file).toMatchObject({ contentType: 'image/png', width: 2000, height: 1000 });
    expect(file.variants.map((v) => [v.name, v.width, v.height, v.contentType])).toEqual([
      ['thumb', 480, 240, 'image/webp'],
      ['medium', 1280, 640, 'image/webp'],
    ]);
    const small = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#000' } }).jpeg().toBuffer();
    expect((await inspectAttachment(small, 'p.jpg')).variants.map((v) => v.width)).toEqual([300, 300]);
  });

  it('refuses a truncated image', async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#fff' } }).png().toBuffer();
    expect(await refusal(inspectAttachment(png.subarray(0, 60), 'p.png'))).toBe('image_unreadable');
  });
});

describe('cleanFilename', () => {
  it('keeps the base name, without path or control characters', () => {
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('C:\\docs\\a"b<c>.pdf')).toBe('a_b_c_.pdf');
    expect(cleanFilename('...')).toBe('fichier');
  });
});
