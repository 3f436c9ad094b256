/** What the exports need of an event's programme (plain data, built by db/queries). */
export type ExportEvent = {
  slug: string;
  title: string;
  description: string;
  timeZone: string;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  days: { date: string }[];
  rooms: { key: string; name: string; kind: 'physical' | 'online'; capacity?: number | null }[];
  tracks: { key: string; name: string }[];
};

export type ExportSession = {
  id: string;
  slug: string;
  title: string;
  description: string;
  kind: string;
  status: 'confirmed' | 'tentative' | 'cancelled';
  visibility: 'public' | 'invitation';
  mode: 'onsite' | 'online' | 'hybrid';
  language: string;
  startsAt: Date;
  endsAt: Date;
  room: { key: string; name: string } | null;
  track: { key: string; name: string } | null;
  people: { name: string; organization: string | null; role: string }[];
};

/** The sessions every export shows: public ones (invitation-only meetings stay off the open exports). */
export const exportable = (s: ExportSession) => s.visibility === 'public';
