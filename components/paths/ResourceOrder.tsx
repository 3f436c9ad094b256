'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { moveResourceAction } from '@/app/resources/actions';
import { useRefusalText } from '@/components/useRefusalText';

type Item = { id: string; slug: string; title: string; row: ReactNode };
type Direction = 'up' | 'down';

/**
 * The coordinators' order of a path's resources, with ↑/↓ on each row. With JavaScript a move shows
 * at once and saves the whole order (`PUT /api/paths/{path}/order`); while it saves, the arrows do
 * nothing (a double click moves once), and a refusal puts the last saved order back and says why.
 * Without JavaScript each arrow is a plain form (`moveResourceAction`) and the page reloads.
 */
export function ResourceOrder({ pathSlug, items }: { pathSlug: string; items: Item[] }) {
  const t = useTranslations('paths');
  const tr = useTranslations('reorder');
  const refusal = useRefusalText('paths');
  // The order is kept here as ids; the rows come from the server's latest render (a published
  // resource, a changed title), those it adds going at the end until it says where.
  const [ids, setIds] = useState(() => items.map((r) => r.id));
  const byId = new Map(items.map((r) => [r.id, r]));
  const order = [...ids.filter((id) => byId.has(id)), ...items.map((r) => r.id).filter((id) => !ids.includes(id))].map((id) => byId.get(id)!);
  const [saving, setSaving] = useState(false);
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const busy = useRef(false);
  const saved = useRef(ids);
  const focusAfter = useRef<{ id: string; direction: Direction } | null>(null);
  const list = useRef<HTMLOListElement>(null);

  // A move re-renders the rows: the focus follows the moved row's arrow (or its other one at an end).
  useEffect(() => {
    const want = focusAfter.current;
    if (!want || !list.current) return;
    focusAfter.current = null;
    const row = list.current.querySelector<HTMLElement>(`[data-resource-id="${want.id}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`button[data-direction="${want.direction}"]:not(:disabled)`);
    (same ?? row?.querySelector<HTMLButtonElement>('button[data-direction]:not(:disabled)'))?.focus();
  }, [ids]);

  const move = async (e: React.MouseEvent, id: string, direction: Direction) => {
    e.preventDefault();
    if (busy.current) return;
    const i = order.findIndex((r) => r.id === id);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= order.length) return;
    const next = [...order];
    [next[i], next[j]] = [next[j]!, next[i]!];
    busy.current = true;
    setSaving(true);
    focusAfter.current = { id, direction };
    setIds(next.map((r) => r.id));
    try {
      const res = await fetch(`/api/paths/${encodeURIComponent(pathSlug)}/order`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ resourceIds: next.map((r) => r.id) }),
      });
      if (!res.ok) {
        const body = (await res.json().catch(() => null)) as { error?: { code?: string } } | null;
        throw new Error(body?.error?.code ?? 'unknown');
      }
      saved.current = next.map((r) => r.id);
      setSaid({ text: tr('moved', { title: next[j]!.title, position: j + 1 }), failed: false });
    } catch (err) {
      setIds(saved.current);
      setSaid({ text: tr('failed', { reason: refusal(err instanceof Error && err.message !== 'Failed to fetch' ? err.message : 'network') }), failed: true });
    } finally {
      busy.current = false;
      setSaving(false);
    }
  };

  const arrow = (r: Item, direction: Direction, atEnd: boolean) => (
    <form action={moveResourceAction.bind(null, pathSlug, r.id, direction)}>
      <button
        type="submit"
        data-direction={direction}
        disabled={atEnd}
        aria-disabled={saving || undefined}
        onClick={(e) => void move(e, r.id, direction)}
        aria-label={t(direction === 'up' ? 'editor.moveUp' : 'editor.moveDown', { title: r.title })}
        className="min-h-6 min-w-6 rounded border border-stone-300 px-2 py-0.5 text-sm disabled:opacity-30 aria-disabled:cursor-wait aria-disabled:opacity-60"
      >
        {direction === 'up' ? '↑' : '↓'}
      </button>
    </form>
  );

  return (
    <>
      <ol ref={list} className="mt-3 divide-y divide-stone-200 rounded-lg bg-white" data-testid="manage-resources" aria-busy={saving || undefined}>
        {order.map((r, i) => (
          <li key={r.id} className="flex items-center gap-3 p-3" data-resource-slug={r.slug} data-resource-id={r.id}>
            <span className="w-6 text-right text-stone-500 tabular-nums">{i + 1}</span>
            <span className="flex gap-1">
              {arrow(r, 'up', i === 0)}
              {arrow(r, 'down', i === order.length - 1)}
            </span>
            {r.row}
          </li>
        ))}
      </ol>
      <p aria-live="polite" data-testid="order-status" className={`mt-2 min-h-5 text-sm ${said?.failed ? 'text-red-700' : 'text-stone-600'}`}>
        {said?.text}
      </p>
    </>
  );
}
