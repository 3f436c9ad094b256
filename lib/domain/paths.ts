import type { ResourceFormat } from './resources';

// The view types of paths (the path lists and the path page), as components show them.

/** A person (for the organization named) or an organization coordinating as such; `key` leads to their public page. */
export type Coordinator = { name: string; organization: string | null; kind: 'person' | 'organization'; key?: string | null };

export type PathSummary = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  status: 'draft' | 'active' | 'archived';
  coverAttachmentId: string | null;
  coordinators: Coordinator[];
  /** Published resources. */
  resourceCount: number;
  /** The next linked session that has not ended (not cancelled), if any. */
  nextSession: AgendaSession | null;
};

export type AgendaSession = {
  id: string;
  slug: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  status: 'confirmed' | 'tentative' | 'cancelled';
  event: { slug: string; title: string; timeZone: string };
  /** Published reports and replays of the session (shown once it is past). */
  outputs: { slug: string; title: string; format: ResourceFormat }[];
};

export type PathResourceItem = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  format: ResourceFormat;
  language: string;
  date: string | null;
  licence: string;
  authors: { name: string; organization?: string | null; kind: 'person' | 'organization' }[];
  mediaUrl: string | null;
  status: 'draft' | 'in_review' | 'published' | 'archived' | 'declined';
  publishedAt: Date | null;
  position: number;
};

export type PathPage = Omit<PathSummary, 'nextSession'> & {
  language: string;
  updatedAt: Date;
  resources: PathResourceItem[];
  /** Formats and languages present among the published resources (filters to offer). */
  facets: { formats: ResourceFormat[]; languages: string[] };
  agenda: { upcoming: AgendaSession[]; past: AgendaSession[] };
  /** What the viewer may do here. */
  viewer: { canEdit: boolean; reviewQueueCount: number };
};

/** An upload not attached yet, as the resource and proposal forms list it. */
export type UploadView = { id: string; filename: string; contentType: string; size: number; variants: string[] };
