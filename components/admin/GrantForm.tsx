'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useRefusalText } from '@/components/useRefusalText';
import { GRANTABLE_ROLES } from '@/lib/domain/roles';
import { OptionSelect } from '@/components/OptionSelect';

type Option = { slug: string; title: string };
const FIELDS = ['email', 'role', 'eventSlug', 'sessionSlug', 'pathSlug'] as const;
type Field = (typeof FIELDS)[number];

export function GrantForm({ events, paths }: { events: Option[]; paths: Option[] }) {
  const t = useTranslations('admin');
  const refusal = useRefusalText('admin');
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const payload = Object.fromEntries([...form.entries()].filter(([, v]) => v !== ''));
    const res = await fetch('/api/admin/roles', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const body = await res.json().catch(() => null);
    if (res.ok) {
      setMessage({ ok: true, text: t('granted') });
      router.refresh();
    } else {
      const fields = Object.keys(body?.error?.fields ?? {}).filter((f): f is Field => FIELDS.includes(f as Field));
      setMessage({
        ok: false,
        text: fields.length ? fields.map((f) => t(`fieldError.${f}`)).join(' ') : `${t('failed')} ${refusal(body?.error?.code)}`,
      });
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-3 rounded-lg bg-white p-4">
      <label className="flex flex-col">
        <span className="font-medium">{t('email')}</span>
        <input name="email" type="email" required className="rounded border border-stone-300 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        <span className="font-medium">{t('role')}</span>
        <select name="role" className="rounded border border-stone-300 px-2 py-1" defaultValue="organizer">
          {GRANTABLE_ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </label>
      <OptionSelect look="field" name="eventSlug" label={t('event')} emptyLabel={t('none')} options={events.map((o) => ({ value: o.slug, label: o.title }))} />
      <label className="flex flex-col">
        <span className="font-medium">{t('session')}</span>
        <input name="sessionSlug" aria-describedby="grant-session-help" className="rounded border border-stone-300 px-2 py-1" />
        <span id="grant-session-help" className="text-sm text-stone-700">
          {t('sessionHelp')}
        </span>
      </label>
      <OptionSelect look="field" name="pathSlug" label={t('path')} emptyLabel={t('none')} options={paths.map((o) => ({ value: o.slug, label: o.title }))} />
      <button type="submit" className="justify-self-start rounded bg-brand px-4 py-2 text-white">
        {t('submit')}
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-green-800' : 'text-red-700'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
