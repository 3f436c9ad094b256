import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportData } from '@/db/queries/exports';
import { seed } from '@/db/seed';
import { DEMO_EVENT_SLUG } from '@/db/seed/data/demo';
import { buildCalendar } from '@/lib/exports/ical';
import { scheduleJson, scheduleXml } from '@/lib/exports/schedule';
import { exportable } from '@/lib/exports/types';
import { useFreshDatabase } from './support';

// The public c3voc schedule specification, copied into the project with its licence (see its README).
const SPECS = path.join(process.cwd(), 'test/fixtures/specs/c3voc-schedule');
const BASE = 'http://127.0.0.1:3000';
const EVENTS = ['forum-usages-cooperatifs-2018', 'numerique-en-communs-2018', 'forum-usages-cooperatifs-2020', DEMO_EVENT_SLUG];

function ajvDraft06() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const require = createRequire(import.meta.url);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  addFormats(ajv);
  ajv.addFormat('color', /^#[0-9a-fA-F]{3,8}$/);
  return ajv.compile(JSON.parse(readFileSync(path.join(SPECS, 'schema.json'), 'utf8')));
}

describe('open exports, validated against the public specs', () => {
  let db: Awaited<ReturnType<typeof useFreshDatabase>>;
  const dir = mkdtempSync(path.join(tmpdir(), 'chemins-exports-'));

  beforeAll(async () => {
    db = await useFreshDatabase('postgres');
    await seed(db.handle.db);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the JSON schema validator itself rejects a broken schedule (the check has teeth)', () => {
    const validate = ajvDraft06();
    expect(validate({ schedule: { version: '1' } })).toBe(false);
    expect(validate(JSON.parse(readFileSync(path.join(SPECS, 'pretalx-democon.json'), 'utf8')))).toBe(true);
  });

  it.each(EVENTS)('schedule.json of %s is valid against schema.json', async (slug) => {
    const data = (await exportData(slug))!;
    const json = scheduleJson(data.event, data.sessions, BASE);
    const validate = ajvDraft06();
    const ok = validate(json);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const events = json.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
    expect(events.length).toBe(data.sessions.filter((s) => exportable(s) && s.status !== 'cancelled').length);
    expect(new Set(events.map((e) => e.guid)).size).toBe(events.length);
  });

  it.each(EVENTS)('schedule.xml of %s is valid against schedule.xml.xsd (xmllint)', async (slug) => {
    const data = (await exportData(slug))!;
    const file = path.join(dir, `${slug}.xml`);
    writeFileSync(file, scheduleXml(data.event, data.sessions, BASE));
    const out = execFileSync('xmllint', ['--noout', '--schema', path.join(SPECS, 'schedule.xml.xsd'), file], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(out).toBe('');
  });

  it('xmllint refuses an invalid schedule.xml (the check has teeth)', () => {
    const file = path.join(dir, 'broken.xml');
    writeFileSync(file, '<?xml version="1.0"?><schedule><version>1</version></schedule>');
    let stderr = '';
    try {
      execFileSync('xmllint', ['--noout', '--schema', path.join(SPECS, 'schedule.xml.xsd'), file], { stdio: 'pipe' });
    } catch (err) {
      stderr = String((err as { stderr?: Buffer }).stderr);
    }
    expect(stderr).toContain('fails to validate');
  });

  it.each(['forum-usages-cooperatifs-2018', 'numerique-en-communs-2018'])('calendar.ics of %s parses with ical.js: one VEVENT per public session, stable UIDs, VTIMEZONE, local times', async (slug) => {
    const data = (await exportData(slug))!;
    const build = () =>
      buildCalendar({
        name: data.event.title,
        baseUrl: BASE,
        timeZone: data.event.timeZone,
        items: data.sessions.filter(exportable).map((session) => ({ event: data.event, session })),
        withPeople: (people) => `Avec : ${people}`,
      });
    const text = build();
    const comp = new ICAL.Component(ICAL.parse(text));
    const tz = comp.getFirstSubcomponent('vtimezone');
    expect(tz?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    ICAL.TimezoneService.register(new ICAL.Timezone(tz!));
    const vevents = comp.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(data.sessions.filter(exportable).length);
    const first = new ICAL.Event(vevents[0]!);
    const session = data.sessions.find((s) => first.uid === `session-${s.id}@127.0.0.1:3000`)!;
    expect(session).toBeDefined();
    expect(first.startDate.zone?.tzid).toBe('Europe/Paris');
    expect(first.startDate.toJSDate().getTime()).toBe(session.startsAt.getTime());
    expect(first.summary).toBe(session.title);
    // Stable: building again gives the same UIDs.
    const again = new ICAL.Component(ICAL.parse(build())).getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(again).toEqual(vevents.map((v) => v.getFirstPropertyValue('uid')));
  });
});
