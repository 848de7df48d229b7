'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState, useSyncExternalStore } from 'react';
import { formatDateText, parseDateText } from '@/i18n/date-text';
import type { AppLocale } from '@/i18n/locales';
import { CONTROL_CLASS, FieldShell } from './field-shell';

type DateFieldProps = {
  /** The form field's name; it carries the day as 'YYYY-MM-DD' (the URL, the API and the actions read that). */
  name: string;
  label: string;
  /** An id for the input (default: `field-<name>`); give one when the field appears more than once. */
  id?: string;
  /** A hint of the page's own (the time zone, what the day means); the format hint follows it. */
  hint?: string;
  errors?: string[];
  className?: string;
  /** The day at first: 'YYYY-MM-DD', empty, or what the URL held when it was not a day (shown as it is). */
  defaultValue?: string;
  /** Called with what the form will send: the day as 'YYYY-MM-DD', or the text as typed when it is no day. */
  onValueChange?: (value: string) => void;
};

const subscribeNothing = () => () => undefined;

/**
 * The one date input of the dashboard. The native <input type="date"> shows the browser's format
 * (02/12/2023 in an American-English Chromium, month first), not the dashboard's; this field shows
 * and takes the day as the rest of the screen writes it ("2 Dec 2023" / "2 dec 2023"), and also
 * takes it typed as 2/12/2023, 2-12-2023 or 2023-12-02. A hidden input carries the ISO day to the
 * form. The calendar button beside it opens the browser's own picker for those who prefer one.
 *
 * Without JavaScript the text field itself is the form field (the hidden one is added once the
 * page runs), and the page reads what was typed with normalizeDateParam (i18n/date-text.ts).
 */
export function DateField({ name, label, id, hint, errors, className = 'w-48', defaultValue = '', onValueChange }: DateFieldProps) {
  const t = useTranslations('common.dateField');
  const locale = useLocale() as AppLocale;
  const inputId = id ?? `field-${name}`;
  const pickerRef = useRef<HTMLInputElement>(null);
  const textRef = useRef<HTMLInputElement>(null);
  // True once React runs in the browser: the hidden ISO field takes over the name from then on.
  const isHydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const shown = (value: string) => (parseDateText(value) === value ? formatDateText(locale, value) : value);
  const [text, setText] = useState(() => shown(defaultValue));
  const [isTouched, setIsTouched] = useState(false);
  // A new day from the page (a quick choice, a navigation that keeps this field) replaces the text.
  const [given, setGiven] = useState(defaultValue);
  if (given !== defaultValue) {
    setGiven(defaultValue);
    setText(shown(defaultValue));
    setIsTouched(false);
  }

  const iso = parseDateText(text);
  const sent = iso ?? text.trim();
  const isBad = isTouched && text.trim() !== '' && iso === null;

  const change = (next: string) => {
    setText(next);
    onValueChange?.(parseDateText(next) ?? next.trim());
  };
  const openPicker = () => {
    const picker = pickerRef.current;
    try {
      picker?.showPicker();
    } catch {
      // No picker in this browser (or not now): the field takes the day typed.
      textRef.current?.focus();
    }
  };

  const formatHint = t('hint', { example: formatDateText(locale, '2024-11-15') });
  const ownErrors = isBad ? [t('notADate', { example: formatDateText(locale, '2024-11-15') })] : [];
  const allErrors = [...ownErrors, ...(errors ?? [])];
  return (
    <FieldShell id={inputId} label={label} hint={hint ? `${hint} ${formatHint}` : formatHint} errors={allErrors.length ? allErrors : undefined} className={className}>
      {(control) => (
        <div className="relative mt-1 flex items-stretch">
          <input
            {...control}
            ref={textRef}
            type="text"
            name={isHydrated ? undefined : name}
            value={text}
            onChange={(e) => change(e.target.value)}
            onBlur={() => {
              setIsTouched(true);
              if (iso) setText(formatDateText(locale, iso));
            }}
            autoComplete="off"
            spellCheck={false}
            className={`${CONTROL_CLASS.replace('mt-1 ', '')} rounded-r-none`}
          />
          <button
            type="button"
            onClick={openPicker}
            className="-ml-px inline-flex shrink-0 cursor-pointer items-center rounded-r-md border border-line bg-canvas px-2.5 text-muted hover:text-ink focus-visible:z-10"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
              <rect x="3" y="4.5" width="14" height="12.5" rx="1.5" />
              <path d="M3 8.5h14M7 2.5v4M13 2.5v4" strokeLinecap="round" />
            </svg>
            <span className="sr-only">{t('calendar', { label })}</span>
          </button>
          {/* The browser's own calendar, opened by the button; its choice is written in the field. */}
          <input
            ref={pickerRef}
            type="date"
            tabIndex={-1}
            aria-hidden="true"
            title={label}
            value={iso ?? ''}
            onChange={(e) => {
              if (!e.target.value) return;
              change(formatDateText(locale, e.target.value));
              setIsTouched(true);
            }}
            className="pointer-events-none absolute bottom-0 left-0 h-px w-full opacity-0"
          />
          {isHydrated ? <input type="hidden" name={name} value={sent} /> : null}
        </div>
      )}
    </FieldShell>
  );
}
