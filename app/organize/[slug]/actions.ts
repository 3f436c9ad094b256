'use server';

import { type ArrivalAnswer, type ChairOffer, checkIn } from '@/db/queries/organizer';
import { stateAction } from '@/server/actions/form-action';

/** Accept a token, or a whole personal link (what a QR scanner types). */
function tokenOf(input: string): string {
  const s = input.trim();
  const m = /\/r\/([A-Za-z0-9_-]+)/.exec(s);
  return (m ? m[1]! : s).slice(0, 200);
}

/**
 * What the check-in desk shows after a code (`/organize/{event}/checkin`): a first arrival, a
 * person already checked in, a code that matches no active registration, or another refusal.
 * `at` tells two identical answers apart (the desk beeps and refocuses on each).
 */
export type Arrival =
  | {
      kind: 'welcome' | 'already';
      name: string;
      checkedInAt: string;
      timeZone: string;
      seats: { title: string; startsAt: string; status: 'confirmed' | 'waitlisted' }[];
      answers: ArrivalAnswer[];
      at: number;
    }
  /** Registered online only: not checked in; `offers` the chairs free in their hybrid sessions (`code` to take one). */
  | { kind: 'online'; name: string; code: string; offers: ChairOffer[]; at: number }
  | { kind: 'unknown'; at: number }
  | { kind: 'refused'; code: string; at: number }
  | null;

export const checkInAction = stateAction<Arrival, [string]>(
  {
    signIn: (eventSlug) => `/organize/${eventSlug}/checkin`,
    refused: (err) => (err.code === 'registration_not_found' ? { kind: 'unknown', at: Date.now() } : { kind: 'refused', code: err.code, at: Date.now() }),
  },
  async ({ who, form }, eventSlug) => {
    const code = tokenOf(String(form.get('code') ?? ''));
    if (!code) return { kind: 'unknown', at: Date.now() };
    const toOnsite = String(form.get('toOnsite') ?? '') || undefined;
    const r = await checkIn(who.id, eventSlug, code, toOnsite);
    if (r.online) return { kind: 'online', name: r.name, code, offers: r.offers, at: Date.now() };
    return {
      kind: r.already ? 'already' : 'welcome',
      name: r.name,
      checkedInAt: r.checkedInAt.toISOString(),
      timeZone: r.timeZone,
      seats: r.seats.map((s) => ({ title: s.title, startsAt: s.startsAt.toISOString(), status: s.status })),
      answers: r.answers,
      at: Date.now(),
    };
  },
);
