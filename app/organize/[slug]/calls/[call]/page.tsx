import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ActionForm, type Field } from '@/components/organize/ActionForm';
import { organizerCalls } from '@/server/calls/list-organizer-calls';
import { organizedEvent } from '@/db/queries/organizer';
import { localDate } from '@/lib/domain/time';
import { signedInUser } from '@/server/auth/current';
import { saveCallAction } from '@/app/calls/actions';
import { BackLink } from '@/components/BackLink';

const local = (d: Date, tz: string) =>
  `${localDate(d, tz)}T${new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d)}`;

/** `/organize/{event}/calls/new` or `/organize/{event}/calls/{call}`: open or edit a call for proposals (organizers). */
export default async function CallEditPage({ params }: { params: Promise<{ slug: string; call: string }> }) {
  const { slug, call: callSlug } = await params;
  const user = await signedInUser(`/organize/${slug}/calls/${callSlug}`);
  const event = await organizedEvent(user.id, slug);
  if (!event) notFound();
  const existing = callSlug === 'new' ? null : (await organizerCalls(user.id, slug))?.find((c) => c.slug === callSlug);
  if (callSlug !== 'new' && !existing) notFound();
  const t = await getTranslations('calls');
  const tz = event.timeZone;
  const fields: Field[] = [
    { name: 'title', label: t('fieldTitle'), required: true, defaultValue: existing?.title },
    { name: 'slug', label: t('fieldSlug'), required: true, defaultValue: existing?.slug },
    { name: 'description', label: t('fieldDescription'), type: 'textarea', defaultValue: existing?.description },
    { name: 'opensAt', label: t('fieldOpensAt'), type: 'datetime-local', required: true, defaultValue: existing ? local(existing.opensAt, tz) : '' },
    { name: 'closesAt', label: t('fieldClosesAt'), type: 'datetime-local', required: true, defaultValue: existing ? local(existing.closesAt, tz) : '' },
    { name: 'answerBy', label: t('fieldAnswerBy'), type: 'datetime-local', required: true, defaultValue: existing ? local(existing.answerBy, tz) : '' },
    { name: 'formats', label: t('fieldFormats'), type: 'textarea', required: true, defaultValue: existing?.formats.join('\n') },
    { name: 'slots', label: t('fieldSlots'), type: 'number', defaultValue: existing?.slots.toString() ?? '0' },
    { name: 'questions', label: t('fieldQuestions'), type: 'textarea', defaultValue: existing?.questions.join('\n') },
    { name: 'criteria', label: t('fieldCriteria'), type: 'textarea', defaultValue: existing?.criteria },
    { name: 'visibility', label: t('fieldVisibility'), type: 'select', options: (['open', 'closed'] as const).map((v) => ({ value: v, label: t(`visibility.${v}`) })), defaultValue: existing?.visibility ?? 'open' },
    { name: 'committeeName', label: t('fieldCommitteeName'), required: true, defaultValue: existing?.committeeName },
    { name: 'committee', label: t('fieldCommittee'), type: 'textarea', required: true, defaultValue: existing?.committee.map((m) => `${m.email} ${m.name}`).join('\n') },
    { name: 'namedDecisions', label: t('fieldNamedDecisions'), type: 'checkbox', defaultValue: existing?.namedDecisions ? 'on' : '' },
    { name: 'staleDays', label: t('fieldStaleDays'), type: 'number', defaultValue: existing?.staleDays.toString() ?? '21' },
  ];
  return (
    <div className="max-w-2xl">
      <BackLink href={`/organize/${slug}#calls`}>{event.title}</BackLink>
      <h1 className="mb-4 mt-2 text-2xl font-bold">{t('callFormTitle', { event: event.title })}</h1>
      <ActionForm action={saveCallAction.bind(null, slug, existing?.slug ?? null)} fields={fields} submit={t('saveCall')} />
    </div>
  );
}
