/**
 * A UUID's shape as regular-expression text, for names that embed an id (a LiveKit room, a guest
 * key, a PeerTube video). No dependency, so client code may import it; ids themselves are checked
 * with `uuidSchema` / `isUuid` (lib/validation.ts).
 */
export const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
