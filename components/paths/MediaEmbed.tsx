import { getTranslations } from 'next-intl/server';
import { EMBED_ALLOW, EMBED_SANDBOX, mediaEmbed } from '@/lib/domain/media-embed';

/** A resource's external media: an iframe for a known video host, else a plain link. */
export async function MediaEmbed({ url, title }: { url: string | null; title: string }) {
  const media = mediaEmbed(url);
  if (media.kind === 'none') return null;
  const t = await getTranslations('paths');
  const host = new URL(media.url).hostname.replace(/^www\./, '');
  if (media.kind === 'link') {
    return (
      <p>
        <a href={media.url} rel="nofollow noopener noreferrer" data-testid="media-link">
          {t('openMedia')} ({host}) ↗
        </a>
      </p>
    );
  }
  return (
    <figure className="my-4">
      <div className="relative aspect-video w-full overflow-hidden rounded-lg bg-black">
        <iframe
          src={media.src}
          title={title}
          className="absolute inset-0 h-full w-full"
          sandbox={EMBED_SANDBOX}
          allow={EMBED_ALLOW}
          allowFullScreen
          loading="lazy"
          referrerPolicy="strict-origin-when-cross-origin"
          data-testid="media-embed"
        />
      </div>
      <figcaption className="mt-1 text-sm">
        <a href={media.url} rel="nofollow noopener noreferrer">
          {t('watchOn', { host })} ↗
        </a>
      </figcaption>
    </figure>
  );
}
