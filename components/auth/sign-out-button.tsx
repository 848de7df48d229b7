import { signOut } from '@/server/actions/sign-out';

/** Sign-out as a form POST to a server action, so it works without JavaScript and cannot be triggered by a link. */
export function SignOutButton({ className }: { className?: string }) {
  return (
    <form action={signOut} className={className}>
      <button
        type="submit"
        className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink shadow-sm hover:bg-canvas"
      >
        Sign out
      </button>
    </form>
  );
}
