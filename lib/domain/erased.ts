// What others still see of a person who erased their account (docs/privacy.md): their proposals,
// poll answers and registrations stay with an empty name, shown as the catalogue's
// `privacy.formerParticipant` ("ancien·ne participant·e" / "former participant"). No zod here:
// client components (the live poll manager) use it too.

/** A person's name as shown: an erased one (empty) becomes `former`. */
export const formerName = (name: string | null | undefined, former: string): string => (name?.trim() ? name : former);

/** A list of names as shown, joined: "Awa, ancien·ne participant·e". */
export const formerNames = (names: string[], former: string): string => names.map((n) => formerName(n, former)).join(', ');

/** A facilitator or author with their organization: "Awa Diallo (Tiers-lieu)", or `former` once erased. */
export const nameWithOrganization = (p: { name: string; organization?: string | null }, former: string): string =>
  p.organization ? `${formerName(p.name, former)} (${p.organization})` : formerName(p.name, former);

/** The address an erased registration keeps (the column cannot be empty): nobody's, under the reserved `.invalid` domain (RFC 2606). */
export const erasedEmail = (key: string): string => `erased-${key}@invalid`;

/** An address as organizers read it (attendee list, CSV): an erased one reads as nothing. */
export const shownEmail = (email: string): string => (/^erased-[^@]*@invalid$/.test(email) ? '' : email);
