import type { IssuerRow, Q } from '@/db/queries/badges/issuers';
import { userMay } from '@/db/queries/grants';

/** May this user manage an issuer's badges (`badge.issue`: admins, the organizers and moderators of its event)? */
export async function mayManageIssuer(userId: string, issuer: Pick<IssuerRow, 'id' | 'eventId'>, q?: Q): Promise<boolean> {
  return userMay(userId, 'badge.issue', { issuerId: issuer.id, eventId: issuer.eventId }, q);
}
