import { UUID_SOURCE } from '../uuid';

/**
 * A venue input's LiveKit participant identity (docs/api.md "Venue inputs"). No dependency, so
 * the stage (client code) may import it.
 */

/** The longest room name a venue input takes. */
export const VENUE_INPUT_NAME_MAX = 80;

/** The LiveKit participant identity of a venue input's token: `venue:<id>:<version>`. */
export const venueIdentityOf = (id: string, version: number) => `venue:${id}:${version}`;

const VENUE_IDENTITY = new RegExp(`^venue:(${UUID_SOURCE}):([1-9][0-9]{0,8})$`, 'i');

/** The venue input and token version an identity names, or null when it is nobody's venue input. */
export function venueOfIdentity(identity: string): { id: string; version: number } | null {
  const m = VENUE_IDENTITY.exec(identity);
  return m ? { id: m[1]!.toLowerCase(), version: Number(m[2]) } : null;
}

/** Is this participant a venue input (the stage puts it first)? */
export const isVenueIdentity = (identity: string) => identity.startsWith('venue:');

