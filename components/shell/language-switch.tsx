'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { LOCALE_NAMES, LOCALES, type AppLocale } from '@/i18n/locales';
import type { ActionResult } from '@/lib/validation/result';
import { setLocale } from '@/server/actions/set-locale';

/**
 * English or Dutch: two buttons, the current language pressed. A form POST to a server action
 * that sets the `locale` cookie, so it works before JavaScript has loaded too.
 */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const locale = useLocale();
  const t = useTranslations('common.language');
  const [, action, isPending] = useActionState<ActionResult<{ locale: AppLocale }> | null, FormData>(setLocale, null);
  return (
    <form action={action} className={className}>
      <fieldset className="flex items-center gap-1">
        <legend className="sr-only">{t('label')}</legend>
        {LOCALES.map((l) => {
          const isCurrent = l === locale;
          return (
            <button
              key={l}
              type="submit"
              name="locale"
              value={l}
              lang={l}
              aria-pressed={isCurrent}
              disabled={isPending}
              className={`rounded-md px-2 py-1 text-sm font-medium ring-1 ring-inset disabled:cursor-wait ${
                isCurrent ? 'bg-brand-soft text-brand ring-brand/30' : 'text-muted ring-transparent hover:bg-canvas hover:text-ink'
              }`}
            >
              {LOCALE_NAMES[l]}
            </button>
          );
        })}
      </fieldset>
    </form>
  );
}
