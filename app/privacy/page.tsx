import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { config } from '@/lib/config';
import { Section } from '@/components/Section';

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
      <Section headingId="retention" title={t('retentionTitle')} headingClassName="text-xl font-semibold">
        <p data-testid="retention">{t('retention', { months })}</p>
      </Section>
      <Section headingId="report-measures" title={tReport('privacyTitle')} headingClassName="text-xl font-semibold">
        <p data-testid="report-measures">{tReport('privacy')}</p>
      </Section>
      <Section headingId="after-session" title={after('privacyTitle')} headingClassName="text-xl font-semibold">
        <p data-testid="after-session-privacy">{after('privacyText')}</p>
      </Section>
      <Section headingId="trackers" title={t('noTrackersTitle')} headingClassName="text-xl font-semibold">
        <p>{t('noTrackers')}</p>
      </Section>
      <Section headingId="rights" title={t('rightsTitle')} headingClassName="text-xl font-semibold">
        <p>{t('rights')}</p>
        <p>
          <Link href="/me/data">{t('myDataLink')}</Link>
        </p>
      </Section>
      <Section headingId="contact" title={t('contactTitle')} headingClassName="text-xl font-semibold">
        <p>{contact ? t.rich('contact', { email: () => <a href={`mailto:${contact}`}>{contact}</a> }) : t('contactOrganizers')}</p>
      </Section>
    </article>
  );
}
