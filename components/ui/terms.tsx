import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { RUNNING_STATUS_BELOW } from '@/lib/retention/conditions';

/*
 * The human words for the codes of the library system and of RETENTION.md, one definition for
 * every screen (messages/<locale>/terms.json): category ids (`ksm`, `to_inform`), deletion
 * conditions and not-yet-due reasons (`OPEN_FINANCIAL_ITEMS`), role types, subtypes and statuses
 * (ABON, VEST, "status 9") and the source document's table names (`fin_posten`). Staff read the
 * human name first; the code stays beside it, small and in monospace, for support and for
 * matching the API, the CSV and the command line.
 *
 * Components (CategoryName, ConditionName, RoleName, SourceName) render in server and client
 * components alike. For plain strings (chart labels, aria-labels, CSV headers) use `useTerms()`
 * in a component, or `getTerms()` from ./terms-server in an async server component.
 */

/** A translator of the `terms` namespace, as useTranslations('terms') and getTranslations('terms') give it. */
export type TermsTranslator = {
  (key: never, values?: Record<string, string | number>): string;
  has(key: never): boolean;
};

/** A role as the actor data gives it. */
export type RoleTerm = { type: string; subtype?: string | null; status?: number | null };

/** The words for codes, as plain strings. */
export type Terms = {
  /** A category's human name ("KSM records"); an unknown id as it is. */
  category: (id: string) => string;
  /** One sentence on what the category holds, or null. */
  categoryAbout: (id: string) => string | null;
  /** A deletion condition's or not-yet-due reason's short human name ("Open financial items"). */
  condition: (code: string) => string;
  /** A role type's human name ("Membership" for ABON, "Branch role" for VEST). */
  roleType: (type: string) => string;
  /** A role in words: type, subtype and status ("Membership (special), ended (status 9)"). */
  role: (role: RoleTerm) => string;
  /** The source document's name of a table or setting in words ("open financial items" for fin_posten). */
  source: (word: string) => string;
  /** A phrase of the source document with each known table or setting name put in words. */
  sourcePhrase: (phrase: string) => string;
};

/** The terms from a translator of the `terms` namespace. */
export function makeTerms(translate: TermsTranslator): Terms {
  const t = translate as unknown as ((key: string, values?: Record<string, string | number>) => string) & { has: (key: string) => boolean };
  const lookup = (key: string, fallback: string) => (t.has(key) ? t(key) : fallback);
  const roleType = (type: string) => (t.has(`roleTypes.${type}`) ? t(`roleTypes.${type}`) : `${t('roleTypes.other')} ${type}`);
  const source = (word: string) => lookup(`sources.${word}`, word);
  return {
    category: (id) => lookup(`categories.${id}.name`, id),
    categoryAbout: (id) => (t.has(`categories.${id}.about`) ? t(`categories.${id}.about`) : null),
    condition: (code) => lookup(`conditions.${code}`, code),
    roleType,
    role: ({ type, subtype, status }) => {
      let text = roleType(type);
      if (subtype) text += ` (${lookup(`roleSubtypes.${subtype}`, subtype)})`;
      if (status !== null && status !== undefined) {
        // Only a membership's status says whether it runs (RETENTION.md: ABON below 8 runs).
        const kind = type === 'ABON' ? (status < RUNNING_STATUS_BELOW ? 'running' : 'ended') : 'plain';
        text += `, ${t(`roleStatus.${kind}`, { status })}`;
      }
      return text;
    },
    source,
    sourcePhrase: (phrase) => phrase.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (word) => source(word)),
  };
}

/** The terms in a component (server or client, not async). */
export function useTerms(): Terms {
  return makeTerms(useTranslations('terms') as unknown as TermsTranslator);
}

/** A code as support staff see it: small, monospace, muted, after the human name. */
export function Code({ children }: { children: ReactNode }) {
  return <code className="font-mono text-xs font-normal text-muted">{children}</code>;
}

type NameProps = {
  /** Leave the code out (where it is shown nearby already, or the space is tight). */
  hideCode?: boolean;
  className?: string;
};

/** A human name with its code beside it ("Loan history loan_history"); the code wraps below on a narrow line. */
function Named({ name, code, hideCode, className, children }: { name: string; code: string } & NameProps & { children?: ReactNode }) {
  return (
    <span className={className}>
      <span>{name}</span>
      {!hideCode && code !== name ? (
        <>
          {' '}
          <Code>{code}</Code>
        </>
      ) : null}
      {children}
    </span>
  );
}

/**
 * A category by its human name, with its id small beside it; with `about`, the sentence on what
 * it holds under it (KSM and the other terms staff do not know are explained there).
 */
export function CategoryName({ id, about = false, ...rest }: { id: string; about?: boolean } & NameProps) {
  const terms = useTerms();
  const explanation = about ? terms.categoryAbout(id) : null;
  return (
    <Named name={terms.category(id)} code={id} {...rest}>
      {explanation ? <span className="mt-0.5 block text-xs font-normal text-muted">{explanation}</span> : null}
    </Named>
  );
}

/** A deletion condition or not-yet-due reason by its short human name, with its code beside it. */
export function ConditionName({ code, ...rest }: { code: string } & NameProps) {
  return <Named name={useTerms().condition(code)} code={code} {...rest} />;
}

/** A role in words (type, subtype, status), with its codes beside it ("Membership (special), ended (status 9) ABON SPEC"). */
export function RoleName({ role, ...rest }: { role: RoleTerm } & NameProps) {
  return <Named name={useTerms().role(role)} code={[role.type, role.subtype].filter(Boolean).join(' ')} {...rest} />;
}

/** A source-document phrase in words, with the phrase itself beside it ("open financial items fin_posten"). */
export function SourceName({ phrase, ...rest }: { phrase: string } & NameProps) {
  return <Named name={useTerms().sourcePhrase(phrase)} code={phrase} {...rest} />;
}
