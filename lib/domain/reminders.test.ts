import { describe, expect, it } from 'vitest';
import { reminderApplies, startsWhen } from './reminders';

const PARIS = 'Europe/Paris';
const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60_000;

describe('startsWhen: a reminder says how soon the session starts, from the moment it is sent', () => {
  const start = at('2026-11-28T09:30:00+01:00'); // a Saturday, 09:30 in Paris

  it('counts the minutes in the last hour', () => {
    expect(startsWhen(start, new Date(start.getTime() - minutes(15)), PARIS)).toEqual({ in: 'minutes', minutes: 15 });
    expect(startsWhen(start, new Date(start.getTime() - minutes(10) - 20_000), PARIS)).toEqual({ in: 'minutes', minutes: 10 });
    expect(startsWhen(start, new Date(start.getTime() - 20_000), PARIS)).toEqual({ in: 'minutes', minutes: 1 });
    expect(startsWhen(start, new Date(start.getTime() - minutes(59)), PARIS)).toEqual({ in: 'minutes', minutes: 59 });
  });

  it('says today, tomorrow or the date by the calendar of the event’s time zone, not by 24-hour spans', () => {
    expect(startsWhen(start, at('2026-11-28T07:00:00+01:00'), PARIS)).toEqual({ in: 'today' });
    expect(startsWhen(start, at('2026-11-27T09:31:00+01:00'), PARIS)).toEqual({ in: 'tomorrow' });
    expect(startsWhen(start, at('2026-11-27T23:50:00+01:00'), PARIS)).toEqual({ in: 'tomorrow' });
    // 00:10 on Saturday in Paris is still Friday in UTC: the event's zone decides.
    expect(startsWhen(start, at('2026-11-28T00:10:00+01:00'), PARIS)).toEqual({ in: 'today' });
    expect(startsWhen(start, at('2026-11-26T09:00:00+01:00'), PARIS)).toEqual({ in: 'date' });
  });

  it('knows tomorrow across a change of clocks', () => {
    // Sunday 29 March 2026 has 23 hours in Paris.
    expect(startsWhen(at('2026-03-30T00:30:00+02:00'), at('2026-03-29T01:00:00+01:00'), PARIS)).toEqual({ in: 'tomorrow' });
  });
});

describe('reminderApplies: a reminder sent late is not sent wrong', () => {
  const start = at('2026-11-28T09:30:00+01:00');
  const before = (ms: number) => new Date(start.getTime() - ms);

  it('sends the day’s reminder within the day before, the short one within 15 minutes', () => {
    expect(reminderApplies('reminder_day', start, before(86_400_000))).toBe(true);
    expect(reminderApplies('reminder_day', start, before(minutes(16)))).toBe(true);
    expect(reminderApplies('reminder_soon', start, before(minutes(15)))).toBe(true);
    expect(reminderApplies('reminder_soon', start, before(minutes(1)))).toBe(true);
  });

  it('drops the day’s reminder once the 15-minute one is due: one reminder, the right one', () => {
    expect(reminderApplies('reminder_day', start, before(minutes(15)))).toBe(false);
    expect(reminderApplies('reminder_day', start, before(minutes(5)))).toBe(false);
  });

  it('drops every reminder once the session has started', () => {
    expect(reminderApplies('reminder_day', start, start)).toBe(false);
    expect(reminderApplies('reminder_soon', start, new Date(start.getTime() + 1000))).toBe(false);
  });

  it('drops a reminder whose session was moved later (it is queued again for the new time)', () => {
    expect(reminderApplies('reminder_soon', start, before(minutes(40)))).toBe(false);
    expect(reminderApplies('reminder_day', start, before(2 * 86_400_000))).toBe(false);
  });
});
