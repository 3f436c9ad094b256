export const dynamic = 'force-dynamic';

export default function Page() {
  return (
    <main>
      <h1>Chemins</h1>
      <p>Une page Next.js nue, rendue sur le serveur.</p>
    </main>
  );
}
