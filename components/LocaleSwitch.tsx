'use client';

import { useRouter } from 'next/navigation';

/** Switch between French and English (a cookie; URLs stay the same). */
export function LocaleSwitch({ locale, label }: { locale: string; label: string }) {
  const router = useRouter();
  const next = locale === 'fr' ? 'en' : 'fr';
  return (
    <button
      type="button"
      lang={next}
      className="text-brand underline-offset-2 hover:underline"
      onClick={() => {
        document.cookie = `locale=${next}; path=/; max-age=31536000; samesite=lax`;
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}
