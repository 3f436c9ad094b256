import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getAttachment } from '@/app/api/attachments/[id]/route';
import { POST as upload } from '@/app/api/attachments/route';
import { storeAttachment } from '@/db/queries/attachments';
import { attachments, attachmentVariants, events, registrations } from '@/db/schema';
import { MAX_ATTACHMENT_BYTES } from '@/lib/attachments';
import { type Driver, useFreshDatabase } from './support';

// The upload route against a real database (Postgres and PGlite): content-sniffed types, size
// capped before the body is read, refusals in the error shape, and nothing half-stored.
describe.each<Driver>(['postgres', 'pglite'])('POST /api/attachments (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let token: string;
  let png: Buffer;

  const post = (form: FormData | string | null, opts: { headers?: Record<string, string>; query?: string } = {}) =>
    upload(
      new Request(`http://127.0.0.1/api/attachments${opts.query ?? ''}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...opts.headers },
        body: form,
      }),
    );
  const fileForm = (data: Buffer | Uint8Array, name: string, type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)], { type }), name);
    return form;
  };
  const stored = async () => {
    const [a] = await db.handle.db.select({ n: count() }).from(attachments);
    const [v] = await db.handle.db.select({ n: count() }).from(attachmentVariants);
    return { files: a!.n, variants: v!.n };
  };
  const refusalOf = async (res: Response) => ({ status: res.status, body: (await res.json()) as { error: { code: string; message: string } } });

  beforeAll(async () => {
    db = await useFreshDatabase(driver);
    const [event] = await db.handle.db
      .insert(events)
      .values({ slug: 'upload-test', title: 'Upload', startsAt: new Date(), endsAt: new Date(Date.now() + 86_400_000) })
      .returning();
    const [reg] = await db.handle.db.insert(registrations).values({ eventId: event!.id, name: 'Léa', email: 'lea@chemins.test' }).returning();
    token = reg!.joinToken;
    png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a6' } }).png().toBuffer();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('stores an image with its resized variants, and serves it to its uploader only while unattached', async () => {
    const res = await post(fileForm(png, 'carte.pdf', 'application/pdf'));
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { id: string; contentType: string; width: number; variants: string[] } };
    expect(data).toMatchObject({ contentType: 'image/png', width: 1600, variants: ['thumb', 'medium'] });
    const variants = await db.handle.db.select().from(attachmentVariants).where(eq(attachmentVariants.attachmentId, data.id));
    expect(variants.map((v) => [v.name, v.width, v.contentType]).sort()).toEqual([
      ['medium', 1280, 'image/webp'],
      ['thumb', 480, 'image/webp'],
    ]);

    const get = (variant = '', auth = true) =>
      getAttachment(new Request(`http://127.0.0.1/api/attachments/${data.id}${variant}`, { headers: auth ? { authorization: `Bearer ${token}` } : {} }), {
        params: Promise.resolve({ id: data.id }),
      });
    const own = await get();
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('image/png');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await own.arrayBuffer()).equals(png)).toBe(true);
    const thumb = await get('?variant=thumb');
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await thumb.arrayBuffer())).metadata()).width).toBe(480);
    expect((await get('?variant=../../etc')).status).toBe(404);
  });

  it('refuses an executable renamed .pdf, and stores nothing', async () => {
    const before = await stored();
    const exe = Buffer.alloc(1024);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    exe.writeUInt16LE(0x14c, 0x84);
    const { status, body } = await refusalOf(await post(fileForm(exe, 'rapport.pdf', 'application/pdf')));
    expect(status).toBe(415);
    expect(body.error.code).toBe('executable_not_allowed');
    expect(await stored()).toEqual(before);
  });

  it('refuses an SVG with a script (whatever it is called), and stores nothing', async () => {
    const before = await stored();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>');
    const { status, body } = await refusalOf(await post(fileForm(svg, 'logo.png', 'image/png')));
    expect(status).toBe(415);
    expect(body.error.code).toBe('svg_not_allowed');
    expect(await stored()).toEqual(before);
  });

  it('refuses an oversized upload before reading it whole (declared or streamed), and stores nothing', async () => {
    const before = await stored();
    const big = fileForm(Buffer.alloc(MAX_ATTACHMENT_BYTES + 1024, 0x25), 'gros.pdf', 'application/pdf');
    const declared = await refusalOf(await post(big));
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('file_too_large');
    // A lying client: no Content-Length, a chunked body that grows past the limit.
    const chunks = 30;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('--b\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n%PDF-1.4\n'));
      },
      pull(controller) {
        controller.enqueue(new Uint8Array(1024 * 1024));
        if (--pulled <= 0) controller.close();
      },
    });
    let pulled = chunks;
    const res = await upload(
      new Request('http://127.0.0.1/api/attachments', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=b' },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(pulled).toBeGreaterThan(0); // stopped reading before the end
    expect(await stored()).toEqual(before);
  });

  it('refuses what is not a multipart upload, or has no file, in the error shape', async () => {
    const json = await refusalOf(await post(JSON.stringify({ file: 'x' }), { headers: { 'content-type': 'application/json' } }));
    expect(json).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    const empty = new FormData();
    empty.append('title', 'pas de fichier');
    expect(await refusalOf(await post(empty))).toMatchObject({ status: 400, body: { error: { code: 'file_missing' } } });
    expect(await refusalOf(await post(fileForm(Buffer.alloc(0), 'vide.pdf')))).toMatchObject({ status: 400, body: { error: { code: 'file_empty' } } });
    const cross = await post(fileForm(png, 'a.png'), { headers: { origin: 'https://evil.test' } });
    expect(cross.status).toBe(403);
  });

  it('answers a plain HTML form with a 303 back to it, with the new id or the refusal', async () => {
    const ok = await post(fileForm(Buffer.from('%PDF-1.4\n%%EOF\n'), 'cr.pdf'), { query: `?next=${encodeURIComponent('/paths/x/propose?attachment=a')}` });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(/^\/paths\/x\/propose\?attachment=a&attachment=[0-9a-f-]{36}$/);
    const browser = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
    const refused = await post(fileForm(Buffer.from('<svg/>'), 'a.svg'), { query: `?next=${encodeURIComponent('/paths/x/propose')}`, headers: browser });
    expect(refused.headers.get('location')).toBe('/paths/x/propose?uploadError=svg_not_allowed');
    // An API client that gave `next` gets the refusal itself.
    const api = await post(fileForm(Buffer.from('<svg/>'), 'a.svg'), { query: `?next=${encodeURIComponent('/paths/x/propose')}` });
    expect(await refusalOf(api)).toMatchObject({ status: 415, body: { error: { code: 'svg_not_allowed' } } });
  });

  it('refuses a `next` that is not a path of this site (query or form field), storing nothing', async () => {
    const before = await stored();
    const offsite = await post(fileForm(Buffer.from('%PDF-1.4\n'), 'a.pdf'), { query: `?next=${encodeURIComponent('//evil.test/')}` });
    expect(await refusalOf(offsite)).toMatchObject({ status: 400, body: { error: { code: 'invalid_next' } } });
    for (const next of ['null', '', '/\\evil.test', 'https://evil.test/']) {
      const form = fileForm(Buffer.from('%PDF-1.4\n'), 'a.pdf');
      form.append('next', next);
      expect(await refusalOf(await post(form))).toMatchObject({ status: 400, body: { error: { code: 'invalid_next' } } });
    }
    expect(await stored()).toEqual(before);
    // No form body at all: no form sent it, so the refusal is not sent back to one.
    const bare = await post(null, { query: `?next=${encodeURIComponent('/')}` });
    expect(await refusalOf(bare)).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    const form = fileForm(Buffer.from('%PDF-1.4\n%%EOF\n'), 'cr.pdf');
    form.append('next', '/paths/x/propose');
    const back = await post(form);
    expect(back.status).toBe(303);
    expect(back.headers.get('location')).toMatch(/^\/paths\/x\/propose\?attachment=[0-9a-f-]{36}$/);
  });

  it('never half-stores: a file whose variants cannot be written is not kept either', async () => {
    const before = await stored();
    const variant = { name: 'thumb', contentType: 'image/webp', width: 1, height: 1, data: Buffer.from('x') };
    await expect(
      storeAttachment({ filename: 'a.png', contentType: 'image/png', data: png, sha256: 'x', variants: [variant, variant] }),
    ).rejects.toThrow();
    expect(await stored()).toEqual(before);
  });
});
