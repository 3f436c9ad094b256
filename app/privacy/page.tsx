import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { config } from '@/lib/config';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('privacy'))('title') };
}

const ROWS = ['account', 'registration', 'live', 'attendance', 'contributions', 'badges'] as const;

/** What Chemins stores about people, why, for how long, who sees it; how to export and delete (docs/privacy.md). */
export default async function PrivacyPage() {
  const [t, tReport, after] = await Promise.all([getTranslations('privacy'), getTranslations('reportData'), getTranslations('afterSession')]);
  const { RETENTION_MONTHS: months, PRIVACY_CONTACT: contact } = config();
  return (
    <article className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p>{t('intro')}</p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left font-semibold">{t('tableCaption')}</caption>
          <thead>
            <tr className="border-b border-stone-300">
              <th scope="col" className="p-2">{t('colWhat')}</th>
              <th scope="col" className="p-2">{t('colWhy')}</th>
              <th scope="col" className="p-2">{t('colHowLong')}</th>
              <th scope="col" className="p-2">{t('colWho')}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row} className="border-b border-stone-200 align-top">
                <th scope="row" className="p-2 font-normal">{t(`rows.${row}.what`)}</th>
                <td className="p-2">{t(`rows.${row}.why`)}</td>
                <td className="p-2">{t(`rows.${row}.howLong`, { months })}</td>
                <td className="p-2">{t(`rows.${row}.who`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="retention">
        <h2 id="retention" className="text-xl font-semibold">{t('retentionTitle')}</h2>
        <p data-testid="retention">{t('retention', { months })}</p>
      </section>
      <section aria-labelledby="report-measures">
        <h2 id="report-measures" className="text-xl font-semibold">{tReport('privacyTitle')}</h2>
        <p data-testid="report-measures">{tReport('privacy')}</p>
      </section>
      <section aria-labelledby="after-session">
        <h2 id="after-session" className="text-xl font-semibold">{after('privacyTitle')}</h2>
        <p data-testid="after-session-privacy">{after('privacyText')}</p>
      </section>
      <section aria-labelledby="trackers">
        <h2 id="trackers" className="text-xl font-semibold">{t('noTrackersTitle')}</h2>
        <p>{t('noTrackers')}</p>
      </section>
      <section aria-labelledby="rights">
        <h2 id="rights" className="text-xl font-semibold">{t('rightsTitle')}</h2>
        <p>{t('rights')}</p>
        <p>
          <Link href="/me/data">{t('myDataLink')}</Link>
        </p>
      </section>
      <section aria-labelledby="contact">
        <h2 id="contact" className="text-xl font-semibold">{t('contactTitle')}</h2>
        <p>{contact ? t.rich('contact', { email: () => <a href={`mailto:${contact}`}>{contact}</a> }) : t('contactOrganizers')}</p>
      </section>
    </article>
  );
}
