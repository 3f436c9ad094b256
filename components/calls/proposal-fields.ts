import type { Field } from '@/components/organize/ActionForm';
import type { CallSummary } from '@/lib/domain/calls';

type T = (key: string, values?: Record<string, string | number>) => string;

export const PREFERRED_DAY_SLOTS = 3;

/** The fields of the proposal form (new or edited), with the values to show. */
export function proposalFields(
  t: T,
  tSetup: T,
  call: CallSummary,
  current?: {
    title: string;
    format: string;
    abstract: string;
    needs: string;
    preferredDays: string[];
    answers: string[];
    facilitators: { name: string; organization: string | null; email: string | null }[];
  },
): Field[] {
  const co = current?.facilitators.slice(1) ?? [];
  return [
    { name: 'title', label: t('fieldTitle'), required: true, defaultValue: current?.title },
    { name: 'format', label: t('fieldFormat'), type: 'select', options: call.formats.map((f) => ({ value: f, label: f })), defaultValue: current?.format },
    { name: 'abstract', label: t('fieldAbstract'), type: 'textarea', required: true, defaultValue: current?.abstract },
    { name: 'organization', label: t('fieldOrganization'), defaultValue: current?.facilitators[0]?.organization ?? '' },
    ...call.questions.map((q, i): Field => ({ name: `answer${i}`, label: q, type: 'textarea', defaultValue: current?.answers[i] ?? '' })),
    { name: 'needs', label: `${t('fieldNeeds')} — ${t('needsHelp')}`, type: 'textarea', defaultValue: current?.needs },
    // Date inputs (the browser's own date picker), up to three, or more when a proposal has more.
    ...Array.from({ length: Math.max(PREFERRED_DAY_SLOTS, current?.preferredDays.length ?? 0) }, (_, i): Field => ({
      name: `preferredDay${i + 1}`,
      label: tSetup('preferredDay', { n: i + 1 }),
      hint: i === 0 ? tSetup('preferredDaysHelp') : undefined,
      type: 'date',
      defaultValue: current?.preferredDays[i] ?? '',
    })),
    ...[1, 2].flatMap((n): Field[] => [
      { name: `cofacName${n}`, label: `${t('cofacilitators')} — ${t('cofacName', { n })}`, defaultValue: co[n - 1]?.name ?? '' },
      { name: `cofacOrg${n}`, label: t('cofacOrg', { n }), defaultValue: co[n - 1]?.organization ?? '' },
      { name: `cofacEmail${n}`, label: t('cofacEmail', { n }), type: 'text', defaultValue: co[n - 1]?.email ?? '' },
    ]),
  ];
}
