import { useTranslations } from 'next-intl';

/** A grey placeholder bar shown while a widget loads. */
export function SkeletonBar({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`h-4 animate-pulse rounded bg-line ${className}`} />;
}

/** A panel-shaped placeholder with a few bars; announced once as "Loading …" to screen readers. */
export function PanelSkeleton({ label, rows = 5 }: { label?: string; rows?: number }) {
  const t = useTranslations('common');
  return (
    <div role="status" aria-live="polite" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
      <span className="sr-only">{label ? t('loading', { what: label }) : t('loadingPage')}</span>
      <SkeletonBar className="w-48" />
      <div className="mt-5 space-y-3">
        {Array.from({ length: rows }, (_, i) => (
          <SkeletonBar key={i} className="w-full" />
        ))}
      </div>
    </div>
  );
}
