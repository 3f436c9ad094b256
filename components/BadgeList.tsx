/** A row of small labelled badges (`data-badge` names each): a session's state in lists. Server and client components both render it. */
export type Badge = { key: string; label: string; className: string };

/** Each badge's colours, by kind. */
export const BADGE_CLASS = {
  live: 'bg-live text-white',
  tentative: 'bg-amber-100 text-amber-900',
  cancelled: 'bg-stone-200 text-stone-700',
  invitation: 'bg-indigo-100 text-indigo-900',
  full: 'bg-orange-100 text-orange-900',
  mode: 'bg-stone-100 text-stone-800',
} as const;

export function BadgeList({ badges }: { badges: Badge[] }) {
  if (!badges.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1 align-middle">
      {badges.map((b) => (
        <span key={b.key} data-badge={b.key} className={`rounded px-1.5 py-0.5 text-xs font-medium ${b.className}`}>
          {b.label}
        </span>
      ))}
    </span>
  );
}
