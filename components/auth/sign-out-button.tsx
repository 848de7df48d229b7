import { useTranslations } from 'next-intl';
import { signOut } from '@/server/actions/sign-out';

/** Sign-out as a form POST to a server action, so it works without JavaScript and cannot be triggered by a link. */
export function SignOutButton({ className }: { className?: string }) {
  const t = useTranslations('common');
  return (
    <form action={signOut} className={className}>
      <button
        type="submit"
        className="rounded-md border border-line bg-surface px-3 py-1.5 text-sm font-medium whitespace-nowrap text-ink shadow-sm hover:bg-canvas"
      >
        {t('signOut')}
      </button>
    </form>
  );
}
