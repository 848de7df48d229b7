import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatDuration, formatIsoDate } from '@/i18n/format';
import { LOCALES, negotiateLocale, resolveLocale } from '@/i18n/locales';
import { MESSAGE_FILES } from '@/i18n/message-files';
import { createMessageTranslator, MESSAGES } from '@/i18n/messages';
import { translatedValidationFailure } from '@/i18n/validation';
import { createUserFormSchema, revokeApiTokenFormSchema } from '@/lib/validation/admin';
import { auditFiltersSchema } from '@/lib/validation/audit';
import { changePasswordSchema, signInSchema } from '@/lib/validation/auth';
import { setLocaleSchema } from '@/lib/validation/locale';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** The ICU arguments a message uses ({name}, {count, plural, …}, <tag>…</tag>). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  for (const m of message.matchAll(/\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*[,}]/g)) names.add(m[1]!);
  for (const m of message.matchAll(/<([a-zA-Z]+)>/g)) names.add(`<${m[1]}>`);
  return [...names].sort();
}

const en = leaves(MESSAGES.en as unknown as Tree);

describe('the messages', () => {
  for (const locale of LOCALES) {
    it(`${locale}: no two message files share a namespace`, () => {
      const seen = new Map<string, string>();
      for (const [file, messages] of Object.entries(MESSAGE_FILES[locale])) {
        for (const namespace of Object.keys(messages)) {
          expect(seen.get(namespace), `${namespace} in ${file}`).toBeUndefined();
          seen.set(namespace, file);
        }
      }
    });
  }

  for (const locale of LOCALES) {
    const messages = leaves(MESSAGES[locale] as unknown as Tree);

    it(`${locale} has exactly the keys of English, each with the same arguments`, () => {
      expect([...messages.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, message] of messages) expect(argumentsOf(message), `${locale} ${key}`).toEqual(argumentsOf(en.get(key)!));
    });

    it(`${locale}: no key holds a dot (next-intl reads dots as nesting) and no message is blank`, () => {
      for (const [key, message] of messages) {
        expect(key.split('.').every((part) => /^[A-Za-z0-9_]+$/.test(part)), key).toBe(true);
        expect(message.trim(), key).not.toBe('');
      }
    });

    it(`${locale}: every message formats`, () => {
      const errors: string[] = [];
      const t = createTranslator({ locale, messages: MESSAGES[locale], onError: (e) => errors.push(e.message) }) as unknown as {
        (key: string, values?: Record<string, unknown>): string;
        rich: (key: string, values?: Record<string, unknown>) => unknown;
      };
      for (const [key, message] of messages) {
        const values: Record<string, unknown> = {};
        for (const arg of argumentsOf(message)) {
          if (arg.startsWith('<')) values[arg.slice(1, -1)] = (chunks: unknown) => chunks;
          else values[arg] = /count|value|min|max|seconds|limit/.test(arg) ? 2 : 'x';
        }
        const out = message.includes('<') ? t.rich(key, values) : t(key, values);
        expect(out, key).toBeTruthy();
      }
      expect(errors).toEqual([]);
    });
  }

  it('uses the source documents’ own Dutch terms', () => {
    const nl = leaves(MESSAGES.nl as unknown as Tree);
    const all = [...nl.values()].join('\n');
    for (const term of ['bewaartermijn', 'opschoonroutine', 'leenhistoriek', 'klant', 'verwijderconditie', 'Instellingen', 'geanonimiseerd']) {
      expect(all).toContain(term);
    }
    expect(nl.get('nav.cleanup')).toBe('Opschoonroutine');
    expect(nl.get('nav.settings')).toBe('Instellingen');
    expect(nl.get('nav.actors')).toBe('Klanten');
  });
});

describe('choosing the language', () => {
  it('reads Accept-Language by weight and primary subtag, else English', () => {
    expect(negotiateLocale('nl-NL,nl;q=0.9,en;q=0.8')).toBe('nl');
    expect(negotiateLocale('nl-BE')).toBe('nl');
    expect(negotiateLocale('de-DE,de;q=0.9,nl;q=0.8,en;q=0.7')).toBe('nl');
    expect(negotiateLocale('en;q=0.5,nl;q=0.6')).toBe('nl');
    expect(negotiateLocale('fr, en-GB;q=0.1')).toBe('en');
    expect(negotiateLocale('nl;q=0')).toBe('en');
    expect(negotiateLocale('de')).toBe('en');
    expect(negotiateLocale('*')).toBe('en');
    expect(negotiateLocale('')).toBe('en');
    expect(negotiateLocale(null)).toBe('en');
    expect(negotiateLocale(';;;,,q=abc')).toBe('en');
    expect(negotiateLocale('nl;q=NaN,en;q=0.2')).toBe('en');
  });

  it('prefers the cookie when it names one of our languages', () => {
    expect(resolveLocale('nl', 'en')).toBe('nl');
    expect(resolveLocale('en', 'nl')).toBe('en');
    expect(resolveLocale('de', 'nl')).toBe('nl');
    expect(resolveLocale('__proto__', null)).toBe('en');
    expect(resolveLocale(undefined, 'nl')).toBe('nl');
  });
});

describe('dates and numbers in the user’s language', () => {
  it('formats instants in the time zone, days without one, counts with the language’s separators', () => {
    expect(formatDateTime('en', '2024-11-15T02:10:00Z', 'Europe/Amsterdam')).toBe('15 Nov 2024, 03:10');
    expect(formatDateTime('nl', '2024-11-15T02:10:00Z', 'Europe/Amsterdam')).toBe('15 nov 2024, 03:10');
    expect(formatDateTime('nl', '2024-07-01T22:30:00Z', 'Europe/Amsterdam')).toBe('2 jul 2024, 00:30');
    expect(formatIsoDate('en', '2024-03-01')).toBe('1 Mar 2024');
    expect(formatIsoDate('nl', '2024-03-01')).toBe('1 mrt 2024');
    expect(formatCount('en', 1234567)).toBe('1,234,567');
    expect(formatCount('nl', 1234567)).toBe('1.234.567');
  });

  it('says how long a run took without rounding a short one to nothing', () => {
    expect(formatDuration('en', 0)).toBe('0 ms');
    expect(formatDuration('en', 70.4)).toBe('70 ms');
    expect(formatDuration('en', 999.6)).toBe('1 s');
    expect(formatDuration('en', 2_349)).toBe('2.3 s');
    expect(formatDuration('nl', 2_349)).toBe('2,3 s');
    expect(formatDuration('en', 9_949)).toBe('9.9 s');
    expect(formatDuration('en', 9_950)).toBe('10 s');
    expect(formatDuration('en', 45_400)).toBe('45 s');
    expect(formatDuration('nl', 245_000)).toBe('4 min 5 s');
    expect(formatDuration('en', 3_600_000)).toBe('60 min 0 s');
  });
});

describe('form validation in the user’s language', () => {
  const nl = createMessageTranslator('nl');
  const en = createMessageTranslator('en');

  function failure(t: typeof en, schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, input: unknown) {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(false);
    return translatedValidationFailure(t, parsed.error as never, input);
  }

  it('names each field’s problem', () => {
    expect(failure(nl, createUserFormSchema, { email: 'x', role: 'root', name: null }).fieldErrors).toEqual({
      email: ['Vul een e-mailadres in zoals naam@bibliotheek.example.'],
      role: ['Kies een van de rollen: manager, ops, support of admin.'],
    });
    expect(failure(en, createUserFormSchema, { email: null, role: null, name: 'x'.repeat(101) }).fieldErrors).toEqual({
      email: ['Enter an email address.'],
      role: ['Choose a role.'],
      name: ['The name must be at most 100 characters.'],
    });
    expect(failure(en, signInSchema, { email: 'a@b.example', password: '' }).fieldErrors).toEqual({ password: ['Enter your password.'] });
    expect(failure(en, revokeApiTokenFormSchema, { tokenId: 'nope' }).fieldErrors).toEqual({ tokenId: ['That API token does not exist.'] });
    expect(failure(nl, setLocaleSchema, { locale: 'de' }).fieldErrors).toEqual({ locale: ['Kies English of Nederlands.'] });
    expect(failure(en, auditFiltersSchema, { kind: 'all', from: '2026-02-30', to: '' }).fieldErrors).toEqual({ from: ['Enter a real date (YYYY-MM-DD).'] });
  });

  it('tells the password rules apart', () => {
    const base = { currentPassword: 'the current one', newPassword: 'a long new password', confirmPassword: 'a long new password' };
    expect(failure(en, changePasswordSchema, { ...base, newPassword: 'short', confirmPassword: 'short' }).fieldErrors).toEqual({
      newPassword: ['The new password must be at least 12 characters.'],
    });
    expect(failure(nl, changePasswordSchema, { ...base, confirmPassword: 'something else' }).fieldErrors).toEqual({
      confirmPassword: ['De twee nieuwe wachtwoorden zijn niet gelijk.'],
    });
    expect(failure(en, changePasswordSchema, { ...base, newPassword: 'the current one', confirmPassword: 'the current one' }).fieldErrors).toEqual({
      newPassword: ['The new password must differ from the current one.'],
    });
  });
});
