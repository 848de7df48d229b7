import { NextIntlClientProvider } from 'next-intl';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DateField } from '@/components/ui/date-field';
import { formatDateText, normalizeDateParam, parseDateText } from '@/i18n/date-text';
import type { AppLocale } from '@/i18n/locales';
import { MESSAGES } from '@/i18n/messages';

/* The date field (components/ui/date-field.tsx) and the dates it reads (i18n/date-text.ts). */

describe('parseDateText', () => {
  it('reads the app’s own format in both languages, short or long, any case, with or without a full stop', () => {
    for (const text of ['15 Nov 2024', '15 nov 2024', '15 November 2024', '15 november 2024', '15 nov. 2024', ' 15  NOV 2024 ']) {
      expect(parseDateText(text), text).toBe('2024-11-15');
    }
    expect(parseDateText('5 Sept 2024')).toBe('2024-09-05');
    expect(parseDateText('5 sep 2024')).toBe('2024-09-05');
    expect(parseDateText('1 mrt 2026')).toBe('2026-03-01');
    expect(parseDateText('1 maart 2026')).toBe('2026-03-01');
    expect(parseDateText('31 okt 2026')).toBe('2026-10-31');
    expect(parseDateText('3 mei 2026')).toBe('2026-05-03');
  });

  it('reads day-first numbers (never month-first) and ISO', () => {
    expect(parseDateText('02/12/2023')).toBe('2023-12-02');
    expect(parseDateText('2-12-2023')).toBe('2023-12-02');
    expect(parseDateText('2.12.2023')).toBe('2023-12-02');
    expect(parseDateText('2023-12-02')).toBe('2023-12-02');
    expect(parseDateText('12/31/2023')).toBeNull();
  });

  it('refuses what is not a real day of 1900–2200, a short year, mixed separators and other text', () => {
    for (const text of ['', '30 Feb 2026', '2026-02-30', '2026-13-01', '1 Nox 2026', '1/2/26', '1/2-2026', '1 Jan 1899', '1 Jan 2201', 'yesterday', '15 Nov 2024 12:00']) {
      expect(parseDateText(text), text).toBeNull();
    }
    expect(parseDateText('29 Feb 2028')).toBe('2028-02-29');
  });

  it('writes a day as the screens do, and reads back what it wrote', () => {
    expect(formatDateText('en', '2024-11-15')).toBe('15 Nov 2024');
    expect(formatDateText('nl', '2026-03-01')).toBe('1 mrt 2026');
    for (const locale of ['en', 'nl'] as const) {
      for (const iso of ['2026-01-31', '2026-05-03', '2026-09-09', '2026-12-25']) expect(parseDateText(formatDateText(locale, iso)), `${locale} ${iso}`).toBe(iso);
    }
  });

  it('normalizes a page’s date parameter sent without JavaScript, and leaves the rest for the page to explain', () => {
    expect(normalizeDateParam('15 Nov 2024')).toBe('2024-11-15');
    expect(normalizeDateParam('2024-11-15')).toBe('2024-11-15');
    expect(normalizeDateParam('2024-02-30')).toBe('2024-02-30');
    expect(normalizeDateParam(undefined)).toBeUndefined();
  });
});

describe('DateField', () => {
  const render = (locale: AppLocale, props: Parameters<typeof DateField>[0]) =>
    renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: 'Europe/Amsterdam', children: createElement(DateField, props) }));

  it('shows the day in the language’s format, with the format in its hint, and sends it as the form field before the page runs', () => {
    const html = render('en', { name: 'from', label: 'From', defaultValue: '2023-12-02' });
    expect(html).toMatch(/<label for="field-from"[^>]*>From<\/label>/);
    expect(html).toContain('Such as 15 Nov 2024 or 15/11/2024.');
    expect(html).toMatch(/<input id="field-from" aria-describedby="field-from-hint" type="text"[^>]* name="from" value="2 Dec 2023"\/>/);
    // The browser's picker is there for the calendar button only, out of the tab order and of the accessibility tree.
    expect(html).toMatch(/<input type="date" tabindex="-1" aria-hidden="true" title="From"[^>]* value="2023-12-02"\/>/);
    // Until the page runs there is no hidden copy: the text field is the form's field.
    expect(html).not.toContain('type="hidden"');
    expect(html).toContain('<span class="sr-only">From: choose in a calendar</span>');
    const nl = render('nl', { name: 'asOf', label: 'Peildatum', defaultValue: '2026-03-01', hint: 'In Europe/Amsterdam.' });
    expect(nl).toContain('value="1 mrt 2026"');
    expect(nl).toContain('In Europe/Amsterdam. Zoals 15 nov 2024 of 15-11-2024.');
  });

  it('shows a value that is no day as it came, marked with the page’s error', () => {
    const html = render('en', { name: 'from', label: 'From', defaultValue: '2025-02-30', errors: ['Not a real calendar date.'] });
    expect(html).toContain('value="2025-02-30"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('Not a real calendar date.');
  });
});
