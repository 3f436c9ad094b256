import { getTranslations } from 'next-intl/server';
import { formatBytes } from '@/lib/format';
import { attachmentUrl } from './PathCard';
import { Section } from '@/components/Section';

type File = { id: string; filename: string; contentType: string; size: number; width: number | null; height: number | null; variants: string[] };

export const humanSize = (bytes: number, locale: string) => formatBytes(bytes, locale);

/** A resource's attachments: images as thumbnails (linking to the full size), other files as download links. */
export async function Attachments({ files, locale }: { files: File[]; locale: string }) {
  if (!files.length) return null;
  const t = await getTranslations('paths');
  const images = files.filter((f) => f.variants.includes('thumb'));
  const others = files.filter((f) => !f.variants.includes('thumb'));
  return (
    <Section headingId="attachments-title" title={t('attachments')} headingClassName="text-lg font-semibold" className="space-y-3">
      {images.length > 0 && (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {images.map((f) => (
            <li key={f.id}>
              <a href={attachmentUrl(f.id)} className="block overflow-hidden rounded-lg border border-stone-200 bg-white">
                {/* eslint-disable-next-line @next/next/no-img-element -- variants made at upload */}
                <img src={attachmentUrl(f.id, 'thumb')} alt={f.filename} loading="lazy" className="aspect-[4/3] w-full object-cover" />
              </a>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <ul className="space-y-1" data-testid="attachments">
          {others.map((f) => (
            <li key={f.id}>
              <a href={attachmentUrl(f.id)} className="inline-flex items-center gap-2">
                <span aria-hidden="true" className="rounded bg-stone-200 px-1 text-[0.65rem] font-bold uppercase text-stone-700">
                  {f.filename.includes('.') ? f.filename.split('.').pop()!.slice(0, 4) : f.contentType.split('/')[1]?.slice(0, 4)}
                </span>
                {t('download', { name: f.filename, size: humanSize(f.size, locale) })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
