import Link from 'next/link';

/** The way back at the top of a page: "← <where>", to the page it belongs to. */
export function BackLink({ href, children }: { href: string; children: React.ReactNode }) {
  return (
    <p className="text-sm">
      <Link href={href}>← {children}</Link>
    </p>
  );
}
