import { eq } from 'drizzle-orm';
import { getDb } from '../../client';
import { events, registrations } from '../../schema';

// A registrant's choice of the mails after the sessions (feedback request, "you missed it", "the
// replay is ready"): the toggle of the personal page, and the mails' one-click unsubscribe link.

/** Turn the mails after the sessions on or off for one registration (the caller checked it is the person's). */
export async function setAfterSessionMails(registrationId: string, on: boolean): Promise<void> {
  const db = await getDb();
  await db.update(registrations).set({ afterSessionMails: on, updatedAt: new Date() }).where(eq(registrations.id, registrationId));
}

type Unsubscribed = { title: string; locale: 'fr' | 'en' };

/** The event of an unsubscribe token and the registrant's language (the confirmation page), or null for an unknown token. */
export async function eventOfUnsubscribeToken(token: string): Promise<Unsubscribed | null> {
  const db = await getDb();
  const [row] = await db
    .select({ title: events.title, locale: registrations.locale })
    .from(registrations)
    .innerJoin(events, eq(events.id, registrations.eventId))
    .where(eq(registrations.unsubscribeToken, token));
  return row ?? null;
}

/** One-click unsubscribe (idempotent): the registration's mails after the sessions stop. Returns what the page says, or null for an unknown token. */
export async function unsubscribeAfterSession(token: string): Promise<Unsubscribed | null> {
  const db = await getDb();
  await db.update(registrations).set({ afterSessionMails: false, updatedAt: new Date() }).where(eq(registrations.unsubscribeToken, token));
  return eventOfUnsubscribeToken(token);
}
