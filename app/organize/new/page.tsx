import { getTranslations } from 'next-intl/server';
import { ActionForm } from '@/components/organize/ActionForm';
import { userMay } from '@/db/queries/grants';
import { DEFAULT_TIME_ZONE } from '@/lib/i18n';
import { signedInUser } from '@/server/auth/current';
import { createEventAction } from './actions';

export default async function NewEventPage() {
  const user = await signedInUser('/organize/new');
  const [t, tAdmin] = await Promise.all([getTranslations('edit'), getTranslations('admin')]);
  if (!(await userMay(user.id, 'event.create', {}))) return <p role="alert">{tAdmin('forbidden')}</p>;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">{t('newEvent')}</h1>
      <ActionForm
        action={createEventAction}
        submit={t('create')}
        fields={[
          { name: 'title', label: t('eventTitle'), required: true },
          { name: 'slug', label: t('slug'), required: true },
          { name: 'location', label: t('location') },
          { name: 'timeZone', label: t('timeZone'), defaultValue: DEFAULT_TIME_ZONE },
          { name: 'firstDay', label: t('firstDay'), type: 'date', required: true },
          { name: 'lastDay', label: t('lastDay'), type: 'date', required: true },
          { name: 'description', label: t('description'), type: 'textarea' },
        ]}
      />
    </div>
  );
}
