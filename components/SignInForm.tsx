'use client';

import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { emailSchema } from '@/lib/validation';

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations('signin');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get('email') ?? '');
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success) {
      setError(t('invalidEmail'));
      return;
    }
    setError(null);
    setSending(true);
    const res = await signIn('email', { email: parsed.data, callbackUrl, redirect: false });
    setSending(false);
    if (!res || res.error) {
      // The link could not be sent (no link was used yet): nothing to blame on a link.
      setError(t('sendFailed'));
      return;
    }
    router.push('/signin/check-email');
  }

  return (
    <form noValidate onSubmit={onSubmit} className="mt-4 flex max-w-md flex-col gap-3">
      <label htmlFor="email" className="font-medium">
        {t('email')}
      </label>
      <input
        id="email"
        name="email"
        type="email"
        autoComplete="email"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'email-error' : undefined}
        className="rounded border border-stone-300 bg-white px-3 py-2"
      />
      {error && (
        <p id="email-error" role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <button type="submit" disabled={sending} className="rounded bg-brand px-4 py-2 text-white disabled:opacity-60">
        {sending ? t('sending') : t('submit')}
      </button>
    </form>
  );
}
