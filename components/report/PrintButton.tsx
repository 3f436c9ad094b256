'use client';

/** « Imprimer / PDF »: the browser's print dialog, which also saves a PDF (the page has a print stylesheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand px-3 py-1.5 text-sm text-white" data-testid="print-report">
      {label}
    </button>
  );
}
