import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2">{t('body')}</p>
      <p className="mt-4">
        <Link href="/">{t('home')}</Link>
      </p>
    </div>
  );
}
