import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="rounded-lg border border-line bg-surface p-6 shadow-sm">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-sm text-muted">There is no page at this address.</p>
      <Link href="/" className="mt-4 inline-block text-sm font-medium text-brand underline underline-offset-2">
        Back to the overview
      </Link>
    </div>
  );
}
