import { PanelSkeleton } from '@/components/ui/skeleton';

export default function Loading() {
  return (
    <div className="space-y-6">
      <PanelSkeleton rows={5} />
    </div>
  );
}
