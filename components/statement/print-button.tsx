'use client';

import { buttonClass } from '@/components/ui/button-styles';

/** Opens the browser's print dialog (print, or save as PDF); hidden on the printed page itself. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className={`${buttonClass('primary')} print:hidden`} data-testid="statement-print">
      {label}
    </button>
  );
}
