import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { GrantForm } from '@/components/admin/GrantForm';
import { RevokeButton } from '@/components/admin/RevokeButton';
import { listEvents } from '@/db/queries/events';
import { isAdmin, listGrants, listPathsBrief } from '@/db/queries/roles';
import { currentUser } from '@/server/auth/current';

export default async function AdminPage() {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/admin');
  const t = await getTranslations('admin');
  if (!(await isAdmin(user.id))) {
    return (
      <div>
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        <p role="alert" className="mt-2">{t('forbidden')}</p>
      </div>
    );
  }
  const [grants, events, paths, tEdit] = await Promise.all([listGrants(user.id), listEvents(), listPathsBrief(), getTranslations('edit')]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>
        <Link href="/organize/new">{tEdit('newEvent')}</Link>
      </p>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t('grant')}</h2>
        <GrantForm events={events.map((e) => ({ slug: e.slug, title: e.title }))} paths={paths} />
      </section>
      <section>
        <h2 className="mb-2 text-lg font-semibold">{t('grants')}</h2>
        <table className="w-full bg-white text-sm">
          <thead>
            <tr className="text-left">
              <th className="p-2">{t('email')}</th>
              <th className="p-2">{t('role')}</th>
              <th className="p-2" />
              <th className="p-2" />
            </tr>
          </thead>
          <tbody>
            {grants.map((g) => (
              <tr key={g.id} className="border-t border-stone-200">
                <td className="p-2">{g.email}</td>
                <td className="p-2">{g.role}</td>
                <td className="p-2">{g.eventTitle ?? g.pathTitle ?? ''}</td>
                <td className="p-2">
                  <RevokeButton id={g.id} label={t('revoke')} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
