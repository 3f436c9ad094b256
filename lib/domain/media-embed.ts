/**
 * The known-video-host rule: a resource's external media URL is embedded in an iframe only when it
 * is a video on YouTube, Vimeo or a PeerTube instance named in the allowlist; anything else is
 * shown as a plain link. The iframe URL is rebuilt from the parsed id, never copied from the input.
 */
import { UUID_SOURCE } from '../uuid';

export type MediaEmbed =
  | { kind: 'iframe'; host: 'youtube' | 'vimeo' | 'peertube'; src: string; url: string }
  | { kind: 'link'; url: string }
  | { kind: 'none' };

/** PeerTube instances whose videos are embedded (hostnames, lower case). Others are shown as links. */
export const PEERTUBE_HOSTS: readonly string[] = [
  'framatube.org',
  'peertube.fr',
  'video.blender.org',
  'tube.tchncs.de',
  'videos.coopaname.coop',
  'peertube.designersethiques.org',
];

/** What an iframe of ours may do: the sandbox and permissions given to every embed. */
export const EMBED_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';
export const EMBED_ALLOW = 'fullscreen; picture-in-picture; encrypted-media';

const YT_ID = /^[A-Za-z0-9_-]{11}$/;
const NUM_ID = /^\d{1,12}$/;
// PeerTube ids: a UUID or a short id (22 base58-ish characters).
const PT_ID = new RegExp(`^(${UUID_SOURCE}|[1-9A-HJ-NP-Za-km-z]{22})$`);

function parse(raw: string): URL | null {
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

/** How to show `raw` (an external media URL typed by a person), given the PeerTube allowlist. */
export function mediaEmbed(raw: string | null | undefined, peertubeHosts: readonly string[] = PEERTUBE_HOSTS): MediaEmbed {
  if (!raw) return { kind: 'none' };
  const url = parse(raw);
  if (!url) return { kind: 'none' };
  const href = url.toString();
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);

  if (url.protocol === 'https:') {
    if (['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com'].includes(host)) {
      const id =
        host === 'youtu.be'
          ? parts[0]
          : parts[0] === 'watch'
            ? url.searchParams.get('v')
            : ['embed', 'shorts', 'live'].includes(parts[0] ?? '')
              ? parts[1]
              : null;
      if (id && YT_ID.test(id)) {
        return { kind: 'iframe', host: 'youtube', src: `https://www.youtube-nocookie.com/embed/${id}`, url: href };
      }
    }
    if (['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'].includes(host)) {
      const id = host === 'player.vimeo.com' ? (parts[0] === 'video' ? parts[1] : null) : parts[0];
      if (id && NUM_ID.test(id)) return { kind: 'iframe', host: 'vimeo', src: `https://player.vimeo.com/video/${id}?dnt=1`, url: href };
    }
    if (peertubeHosts.includes(host) && !url.port) {
      // /w/{id}, /videos/watch/{id}, /videos/embed/{id}
      const id = parts[0] === 'w' ? parts[1] : parts[0] === 'videos' && ['watch', 'embed'].includes(parts[1] ?? '') ? parts[2] : null;
      if (id && PT_ID.test(id)) return { kind: 'iframe', host: 'peertube', src: `https://${host}/videos/embed/${id}`, url: href };
    }
  }
  return { kind: 'link', url: href };
}
