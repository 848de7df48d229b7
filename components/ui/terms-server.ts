import { getTranslations } from 'next-intl/server';
import { makeTerms, type Terms, type TermsTranslator } from './terms';

/** The words for codes (components/ui/terms.tsx) in an async server component or a route handler. */
export async function getTerms(): Promise<Terms> {
  return makeTerms((await getTranslations('terms')) as unknown as TermsTranslator);
}
