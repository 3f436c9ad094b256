'use client';

import { useRouter } from 'next/navigation';

/**
 * Sign out through next-auth's own endpoints (a CSRF token, then `POST /api/auth/signout`), as
 * `signOut()` from next-auth/react does, without shipping that library to every page.
 */
export function SignOutButton({ label }: { label: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="text-brand underline-offset-2 hover:underline"
      onClick={async () => {
        const { csrfToken } = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken: string };
        await fetch('/api/auth/signout', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-auth-return-redirect': '1' },
          body: new URLSearchParams({ csrfToken, callbackUrl: '/', json: 'true' }),
        });
        router.push('/');
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}
