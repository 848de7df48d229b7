import { Suspense } from 'react';
import { CountsSection, SettingsSection } from '@/components/home/home-sections';
import { PanelSkeleton } from '@/components/ui/skeleton';

// Reads the live database on every request; never prerendered at build time.
export const dynamic = 'force-dynamic';

export default function HomePage() {
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Overview</h1>
        <p className="mt-1 max-w-3xl text-sm text-muted">
          The retention settings that decide when customer data is deleted or anonymized, and what the database holds now.
        </p>
      </div>
      <Suspense fallback={<PanelSkeleton label="retention settings" rows={5} />}>
        <SettingsSection />
      </Suspense>
      <Suspense fallback={<PanelSkeleton label="live counts" rows={3} />}>
        <CountsSection />
      </Suspense>
    </div>
  );
}
