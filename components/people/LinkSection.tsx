import Link from 'next/link';

export type LinkItem = { id: string; href: string | null; label: string; suffix?: string };

/** A titled list of links (a person's or organization's paths, events, resources, people); nothing when empty. */
export function LinkSection({ id, title, items, inline = false }: { id: string; title: string; items: LinkItem[]; inline?: boolean }) {
  if (!items.length) return null;
  return (
    <section aria-labelledby={id} data-testid={id}>
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <ul className={inline ? 'flex flex-wrap gap-x-3 text-sm' : 'text-sm'}>
        {items.map((i) => (
          <li key={i.id}>
            {i.href ? <Link href={i.href}>{i.label}</Link> : i.label}
            {i.suffix ?? ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
