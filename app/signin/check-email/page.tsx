import { getTranslations } from 'next-intl/server';

export default async function CheckEmailPage() {
  const t = await getTranslations('signin');
  return (
    <div role="status">
      <h1 className="text-2xl font-bold">{t('checkTitle')}</h1>
      <p className="mt-2">{t('checkBody')}</p>
    </div>
  );
}
