import { getTranslations } from 'next-intl/server';
import { mailState } from '@/lib/config';

/** After a registration with an address already registered: the link goes to that mailbox only. */
export default async function RegistrationSentPage() {
  const t = await getTranslations('register');
  return (
    <div role="status">
      <h1 className="text-2xl font-bold">{t('againTitle')}</h1>
      <p className="mt-2">{t(mailState() === 'unavailable' ? 'againBodyNoMail' : 'againBody')}</p>
    </div>
  );
}
