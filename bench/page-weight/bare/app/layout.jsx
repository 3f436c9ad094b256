// The floor for bench/page-weight: a bare App Router page of the same Next.js version, built the
// same way (`next build`, production), with nothing of Chemins in it.
export default function RootLayout({ children }) {
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
