import { createTranslator, NextIntlClientProvider } from 'next-intl';
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CategoryName, ConditionName, makeTerms, RoleName, SourceName, type TermsTranslator } from '@/components/ui/terms';
import { LOCALES, type AppLocale } from '@/i18n/locales';
import { MESSAGES } from '@/i18n/messages';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import { BRANCH_OR_EXTERNAL_ROLE_TYPES, DELETION_CONDITION_CODES, NOT_DUE_CODES } from '@/lib/retention/conditions';

/* The words for codes (components/ui/terms.tsx): every code has them, in both languages. */

const termsOf = (locale: AppLocale) => makeTerms(createTranslator({ locale, messages: MESSAGES[locale], namespace: 'terms' }) as unknown as TermsTranslator);

const render = (locale: AppLocale, element: ReactElement) =>
  renderToStaticMarkup(createElement(NextIntlClientProvider, { locale, messages: MESSAGES[locale], timeZone: 'Europe/Amsterdam', children: element }));

describe('terms', () => {
  for (const locale of LOCALES) {
    it(`names every category, condition and role type in words (${locale})`, () => {
      const terms = termsOf(locale);
      for (const id of CATEGORY_IDS) {
        expect(terms.category(id), id).not.toBe(id);
        expect(terms.category(id), id).not.toMatch(/_/);
        expect(terms.categoryAbout(id), id).toBeTruthy();
      }
      for (const code of [...DELETION_CONDITION_CODES, ...NOT_DUE_CODES]) {
        expect(terms.condition(code), code).not.toBe(code);
        expect(terms.condition(code), code).not.toMatch(/[A-Z]{3,}_/);
      }
      for (const type of ['ABON', 'EDUV', 'EDUB', 'SUBSCRIBE', ...BRANCH_OR_EXTERNAL_ROLE_TYPES]) expect(terms.roleType(type), type).not.toContain(type);
    });
  }

  it('explains KSM where the category is explained, never by its code alone', () => {
    for (const locale of LOCALES) {
      const terms = termsOf(locale);
      expect(terms.category('ksm')).toMatch(/^KSM[ -]\S/);
      expect(terms.categoryAbout('ksm')).toMatch(/KSM/);
    }
  });

  it('says what a membership status means (RETENTION.md: an ABON role below status 8 runs)', () => {
    const en = termsOf('en');
    expect(en.role({ type: 'ABON', status: 9 })).toBe('Membership, ended (status 9)');
    expect(en.role({ type: 'ABON', subtype: 'SPEC', status: 3 })).toBe('Membership (special), still running (status 3)');
    expect(en.role({ type: 'VEST', status: 1 })).toBe('Branch role, status 1');
    expect(en.role({ type: 'WXYZ' })).toBe('Role WXYZ');
    expect(termsOf('nl').role({ type: 'ABON', status: 9 })).toBe('Lidmaatschap, beëindigd (status 9)');
  });

  it('puts the source document’s table names in words', () => {
    const en = termsOf('en');
    expect(en.source('fin_posten')).toBe('open financial items');
    expect(en.sourcePhrase('fin_posten_archive younger than financial_inactive')).toBe('settled financial items (the archive) younger than the financialMonths setting');
    expect(en.sourcePhrase('borrowed more copies')).toBe('borrowed more copies');
  });

  it('renders the human name first and the code small beside it', () => {
    expect(render('en', createElement(CategoryName, { id: 'to_inform' }))).toBe(
      '<span><span>To-inform notes</span> <code class="font-mono text-xs font-normal text-muted">to_inform</code></span>',
    );
    expect(render('nl', createElement(ConditionName, { code: 'OPEN_FINANCIAL_ITEMS' }))).toContain('<span>Openstaande financiële posten</span> <code');
    expect(render('en', createElement(CategoryName, { id: 'ksm', about: true }))).toContain('under KSM');
    expect(render('en', createElement(CategoryName, { id: 'ksm', hideCode: true }))).toBe('<span><span>KSM records</span></span>');
    expect(render('en', createElement(RoleName, { role: { type: 'ABON', subtype: 'ADMI', status: 9 } }))).toContain('>ABON ADMI</code>');
    expect(render('en', createElement(SourceName, { phrase: 'fin_posten' }))).toContain('<span>open financial items</span> <code');
    // An unknown code shows as it is, once.
    expect(render('en', createElement(CategoryName, { id: 'new_category' }))).toBe('<span><span>new_category</span></span>');
  });
});
