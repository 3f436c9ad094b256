import Link from 'next/link';

/** "proposé par …" on a programme session that came from a call, linking to the proposal's public trail (open calls). */
export function ProposedBy({ proposal, label }: { proposal: { path: string | null }; label: string }) {
  return (
    <p className="text-sm text-stone-600" data-testid="proposed-by">
      {proposal.path ? <Link href={proposal.path} className="link-target">{label}</Link> : label}
    </p>
  );
}
