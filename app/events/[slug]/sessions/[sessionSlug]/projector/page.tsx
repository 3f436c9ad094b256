import type { Metadata } from 'next';
import QRCode from 'qrcode';
import { ProjectorView } from '@/components/live/ProjectorView';
import { publicUrl } from '@/lib/config';
import { shortCodeOf } from '@/lib/domain/live';
import { loadSession, type SessionParams, sessionOr404 } from '../session';

export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<SessionParams> }): Promise<Metadata> {
  const found = await loadSession(params);
  return { title: found ? `Q&R — ${found.session.title}` : 'Chemins' };
}

/** Projector view for the room screen: on-air question, top questions, QR code to join from a phone. */
export default async function ProjectorPage({ params }: { params: Promise<SessionParams> }) {
  const { session } = await sessionOr404(params);
  const shortUrl = `${publicUrl()}/q/${shortCodeOf(session.id)}`;
  const qrSvg = await QRCode.toString(shortUrl, { type: 'svg', margin: 1 });
  return <ProjectorView sessionId={session.id} title={session.title} shortUrl={shortUrl} qrSvg={qrSvg} />;
}
