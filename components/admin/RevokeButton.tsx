'use client';

import { useRouter } from 'next/navigation';

export function RevokeButton({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  return (
    <button
      type="button"
      className="text-sm text-red-700 underline"
      onClick={async () => {
        const res = await fetch(`/api/admin/roles?id=${encodeURIComponent(id)}`, { method: 'DELETE' });
        if (res.ok) router.refresh();
      }}
    >
      {label}
    </button>
  );
}
