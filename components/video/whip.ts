/**
 * A WHIP publisher (RFC 9725) for the régie page: the stream's tracks go to LiveKit's `/whip/v1`
 * with the venue input's token as the bearer token; stopping deletes the WHIP resource. No ICE
 * servers are configured: LiveKit's own candidates answer (its `Link` header's public STUN servers
 * are not used).
 */
export type WhipSession = { stop: () => Promise<void>; pc: RTCPeerConnection };

/** Why a publication did not start: the token is refused (revoked, replaced, expired), or the network. */
export class WhipRefused extends Error {}

/** Gathered candidates go in the offer: LiveKit's WHIP takes them there (bounded wait). */
function gathered(pc: RTCPeerConnection, maxMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      pc.removeEventListener('icegatheringstatechange', check);
      clearTimeout(timer);
      resolve();
    };
    const check = () => pc.iceGatheringState === 'complete' && done();
    const timer = setTimeout(done, maxMs);
    pc.addEventListener('icegatheringstatechange', check);
  });
}

export async function publishWhip(whipUrl: string, token: string, stream: MediaStream): Promise<WhipSession> {
  const pc = new RTCPeerConnection({ iceServers: [] });
  for (const track of stream.getTracks()) pc.addTransceiver(track, { direction: 'sendonly', streams: [stream] });
  await pc.setLocalDescription(await pc.createOffer());
  await gathered(pc, 2000);
  let res: Response;
  try {
    res = await fetch(whipUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/sdp', authorization: `Bearer ${token}` },
      body: pc.localDescription!.sdp,
    });
  } catch (err) {
    pc.close();
    throw err;
  }
  if (!res.ok) {
    pc.close();
    throw res.status === 401 || res.status === 403 ? new WhipRefused(String(res.status)) : new Error(`WHIP ${res.status}`);
  }
  const resource = new URL(res.headers.get('location') ?? whipUrl, whipUrl).toString();
  await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
  return {
    pc,
    stop: async () => {
      pc.close();
      await fetch(resource, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } }).catch(() => {});
    },
  };
}
