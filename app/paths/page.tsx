import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PathCard } from '@/components/paths/PathCard';
import { listPaths } from '@/server/paths/list-paths';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('paths');
  return { title: t('title'), alternates: { types: { 'application/atom+xml': '/api/feed.atom' } } };
}

/** `/paths`: every active path, with its resource count and next linked session. */
export default async function PathsPage() {
  const [paths, t] = await Promise.all([listPaths(), getTranslations('paths')]);
  return (
    <div className="space-y-6">
      <header className="max-w-3xl">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p className="mt-2 text-stone-700">{t('intro')}</p>
        <p className="mt-2 flex flex-wrap gap-4 text-sm">
          <a href="/search">{t('search.title')} →</a>
          <a href="/api/feed.atom">{t('feedAll')}</a>
        </p>
      </header>
      {paths.length === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <ul className="grid gap-5 sm:grid-cols-2 lg:grid-cols-3" data-testid="paths">
          {paths.map((p) => (
            <PathCard key={p.id} path={p} />
          ))}
        </ul>
      )}
    </div>
  );
}
