import { getDb } from '@/db/client';
import { achievementById } from '@/db/queries/badges/achievements';
import { insertAward, lockAwardOf, updateAward } from '@/db/queries/badges/awards';
import { type BadgeRefusal, nextStatus, normalEmail, type Person } from '@/lib/domain/badges';

/** A participant asks for a request-based achievement, with evidence (again after a decline). */
export async function requestBadge(person: Person, input: { achievementId: string; evidence: string }): Promise<{ ok: true; id: string } | BadgeRefusal> {
  const db = await getDb();
  const a = await achievementById(db, input.achievementId);
  if (!a || a.kind !== 'request') return { ok: false, code: 'not_found' };
  const email = normalEmail(person.email);
  return db.transaction(async (tx) => {
    const existing = await lockAwardOf(tx, a.id, email);
    if (!nextStatus(existing?.status ?? null, 'request')) return { ok: false, code: 'invalid_transition' } as const;
    if (existing) {
      await updateAward(tx, existing.id, { status: 'requested', evidence: input.evidence, decisionReason: null, decidedAt: null, decidedBy: null });
      return { ok: true, id: existing.id } as const;
    }
    const id = await insertAward(tx, { achievementId: a.id, issuerId: a.issuerId, recipientEmail: email, recipientName: person.name, status: 'requested', evidence: input.evidence });
    return id ? ({ ok: true, id } as const) : ({ ok: false, code: 'invalid_transition' } as const);
  });
}
