import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { GrantForm } from '@/components/admin/GrantForm';
import { RevokeButton } from '@/components/admin/RevokeButton';
import { listEvents } from '@/db/queries/events';
import { userMay } from '@/db/queries/grants';
import { listGrants, listPathsBrief } from '@/db/queries/roles';
import { signedInUser } from '@/server/auth/current';
import { mergePeopleAction } from './people-actions';
import { Forbidden } from '@/components/Forbidden';

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await signedInUser('/admin');
  const t = await getTranslations('admin');
  if (!(await userMay(user.id, 'role.grant', {}))) {
    return <Forbidden title={t('title')} message={t('forbidden')} />;
  }
  const [grants, events, paths, tEdit] = await Promise.all([listGrants(user.id), listEvents(), listPathsBrief(), getTranslations('edit')]);
  const sp = await searchParams;
  const merged = typeof sp.merged === 'string' ? sp.merged : null;
  const mergeError = typeof sp.mergeError === 'string' && ['invalid', 'not_found', 'two_accounts', 'forbidden'].includes(sp.mergeError) ? sp.mergeError : null;
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
      <section id="merge" aria-labelledby="merge-title">
        <h2 id="merge-title" className="mb-1 text-lg font-semibold">
          {t('mergeTitle')}
        </h2>
        <p className="mb-2 max-w-2xl text-sm text-stone-700">{t('mergeHelp')}</p>
        {merged && (
          <p role="status" className="mb-2 text-sm text-green-900" data-testid="merged">
            {t('merged')} <Link href={`/people/${merged}`}>/people/{merged}</Link>
          </p>
        )}
        {mergeError && (
          <p role="alert" className="mb-2 text-sm text-red-800">
            {t(`mergeErrors.${mergeError as 'invalid'}`)}
          </p>
        )}
        <form action={mergePeopleAction} className="flex flex-wrap items-end gap-3 rounded bg-white p-3 text-sm">
          <label className="flex flex-col">
            <span className="font-medium">{t('mergeFrom')}</span>
            <input name="from" required maxLength={100} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <label className="flex flex-col">
            <span className="font-medium">{t('mergeInto')}</span>
            <input name="into" required maxLength={100} className="rounded border border-stone-300 px-2 py-1" />
          </label>
          <button type="submit" className="rounded bg-brand px-3 py-1.5 text-white">
            {t('mergeSubmit')}
          </button>
        </form>
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
                <td className="p-2">
                  {g.pathTitle ?? [g.eventTitle, g.sessionTitle ?? (g.role === 'moderator' ? t('everySession') : null)].filter(Boolean).join(' · ')}
                </td>
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
