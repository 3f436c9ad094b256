import { count, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getAttachment } from '@/app/api/attachments/[id]/route';
import { POST as upload } from '@/app/api/attachments/route';
import { purgeOrphanAttachments, storeAttachment } from '@/db/queries/attachments';
import { attachments, attachmentVariants, events, paths, registrations, resources } from '@/db/schema';
import { MAX_ATTACHMENT_BYTES } from '@/lib/attachments';
import { type Config, parseConfig } from '@/lib/config';
import { startAttachmentPurge } from '@/server/jobs/attachment-purge';
import { type Driver, useFreshDatabase } from './support';

// The upload route against a real database (Postgres and PGlite): content-sniffed types, size
// capped before the body is read, refusals in the error shape, and nothing half-stored.
describe.each<Driver>(['postgres', 'pglite'])('POST /api/attachments (%s)', (driver) => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  let eventId: string;
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
    eventId = event!.id;
    const [reg] = await db.handle.db.insert(registrations).values({ eventId: event!.id, name: 'Léa', email: 'lea@chemins.test' }).returning();
    token = reg!.joinToken;
    png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#2a6' } }).png().toBuffer();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Posts `form`: refused with `status` and `code`, and nothing stored. */
  async function expectRefusedStoringNothing(form: FormData, status: number, code: string) {
    const before = await stored();
    const { status: got, body } = await refusalOf(await post(form));
    expect(got).toBe(status);
    expect(body.error.code).toBe(code);
    expect(await stored()).toEqual(before);
  }

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
    const exe = Buffer.alloc(1024);
    exe.write('MZ', 0, 'latin1');
    exe.writeUInt32LE(0x80, 0x3c);
    exe.write('PE\0\0', 0x80, 'latin1');
    exe.writeUInt16LE(0x14c, 0x84);
    await expectRefusedStoringNothing(fileForm(exe, 'rapport.pdf', 'application/pdf'), 415, 'executable_not_allowed');
  });

  it('refuses an SVG with a script (whatever it is called), and stores nothing', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(document.cookie)</script></svg>');
    await expectRefusedStoringNothing(fileForm(svg, 'logo.png', 'image/png'), 415, 'svg_not_allowed');
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

  it('a person’s uploads, attached or not, hold at most ATTACHMENT_QUOTA_MIB: past it 413 quota_exceeded, nothing stored; others unaffected', async () => {
    const g = globalThis as unknown as { __cheminsConfig?: Config };
    const saved = g.__cheminsConfig;
    g.__cheminsConfig = parseConfig({ ...process.env, ATTACHMENT_QUOTA_MIB: '1' });
    const person = async (name: string) =>
      (await db.handle.db.insert(registrations).values({ eventId, name, email: `${name}-${driver}@quota.test` }).returning())[0]!.joinToken;
    const as = (joinToken: string, form: FormData, query = '', headers: Record<string, string> = {}) =>
      upload(new Request(`http://127.0.0.1/api/attachments${query}`, { method: 'POST', headers: { authorization: `Bearer ${joinToken}`, ...headers }, body: form }));
    const pdf = (kib: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(kib * 1024, 0x20), Buffer.from('\n%%EOF\n')]);
    try {
      const filler = await person('remplie');
      expect((await as(filler, fileForm(pdf(600), 'a.pdf'))).status).toBe(201);
      const before = await stored();
      const refused = await refusalOf(await as(filler, fileForm(pdf(600), 'b.pdf')));
      expect(refused).toMatchObject({ status: 413, body: { error: { code: 'quota_exceeded', message: expect.any(String) } } });
      expect(await stored()).toEqual(before);
      // A browser's form comes back to the page with the code, which the page reads from the catalogues.
      const back = await as(filler, fileForm(pdf(600), 'c.pdf'), `?next=${encodeURIComponent('/paths/x/propose')}`, { accept: 'text/html' });
      expect(back.status).toBe(303);
      expect(back.headers.get('location')).toBe('/paths/x/propose?uploadError=quota_exceeded');
      // Another person has their own room.
      expect((await as(await person('autre'), fileForm(pdf(600), 'd.pdf'))).status).toBe(201);
      // Attached uploads count too.
      const [used] = await db.handle.db.select({ id: attachments.id }).from(attachments).where(eq(attachments.filename, 'a.pdf'));
      const [r] = await db.handle.db.insert(resources).values({ slug: `quota-${driver}`, title: 'Quota', format: 'document' }).returning();
      await db.handle.db.update(attachments).set({ resourceId: r!.id }).where(eq(attachments.id, used!.id));
      expect((await as(filler, fileForm(pdf(600), 'e.pdf'))).status).toBe(413);
      // Small enough to fit beside it.
      expect((await as(filler, fileForm(pdf(100), 'f.pdf'))).status).toBe(201);
    } finally {
      g.__cheminsConfig = saved;
    }
  });

  it('the purge job deletes uploads never attached (nor a path’s cover) after the grace period, with their variants, and keeps the rest', async () => {
    const row = (filename: string, createdAt: Date, extra: Partial<typeof attachments.$inferInsert> = {}) =>
      db.handle.db
        .insert(attachments)
        .values({ filename, contentType: 'application/pdf', size: 1, sha256: 'x', data: Buffer.from('x'), createdAt, ...extra })
        .returning({ id: attachments.id })
        .then((rows) => rows[0]!.id);
    const old = new Date(Date.now() - 25 * 3_600_000);
    const orphan = await row('orpheline.pdf', old);
    await db.handle.db.insert(attachmentVariants).values({ attachmentId: orphan, name: 'thumb', contentType: 'image/webp', width: 1, height: 1, size: 1, data: Buffer.from('x') });
    const recent = await row('recente.pdf', new Date(Date.now() - 3_600_000));
    const [r] = await db.handle.db.insert(resources).values({ slug: `purge-${driver}`, title: 'Purge', format: 'document' }).returning();
    const attached = await row('attachee.pdf', old, { resourceId: r!.id });
    const cover = await row('couverture.png', old);
    const [path] = await db.handle.db.insert(paths).values({ slug: `purge-${driver}`, title: 'Purge', coverAttachmentId: cover }).returning();
    expect(path).toBeTruthy();
    const ids = async () => new Set((await db.handle.db.select({ id: attachments.id }).from(attachments)).map((a) => a.id));

    // The job as the server runs it (server/jobs/periodic.ts), passes 200 ms apart; 24 hours of grace.
    let stop: () => void = () => {};
    const gone = new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 20_000;
      const poll = async () => {
        if (!(await ids()).has(orphan)) return resolve();
        if (Date.now() > deadline) return reject(new Error('the orphan upload was not purged'));
        setImmediate(() => void poll());
      };
      stop = startAttachmentPurge(200, 24);
      void poll();
    });
    try {
      await gone;
    } finally {
      stop();
    }
    const left = await ids();
    expect(left.has(recent)).toBe(true);
    expect(left.has(attached)).toBe(true);
    expect(left.has(cover)).toBe(true);
    expect(await db.handle.db.select().from(attachmentVariants).where(eq(attachmentVariants.attachmentId, orphan))).toEqual([]);
    // Once its grace is over, the recent one goes too.
    expect(await purgeOrphanAttachments(new Date(Date.now() + 24 * 3_600_000), 24 * 3_600_000)).toBeGreaterThanOrEqual(1);
    expect((await ids()).has(recent)).toBe(false);
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
