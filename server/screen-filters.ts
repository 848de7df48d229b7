import 'server-only';
import { getLocale } from 'next-intl/server';
import type { z } from 'zod';
import { createMessageTranslator } from '@/i18n/messages';
import { translateIssue } from '@/i18n/validation';

/**
 * A list screen's filters from its query string (a GET form): the valid ones apply; a bad one is
 * named on its field, in the user's language, and left out while the others still apply.
 */
export async function parseScreenFilters<S extends z.ZodType>(
  schema: S,
  raw: Record<string, string>,
  fallbackField: string,
): Promise<{ filters: Partial<z.infer<S>>; errors: Record<string, string[]> }> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { filters: parsed.data as z.infer<S>, errors: {} };
  const translate = createMessageTranslator(await getLocale());
  const errors: Record<string, string[]> = {};
  const bad = new Set<string>();
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? fallbackField);
    bad.add(field);
    (errors[field] ??= []).push(translateIssue(translate, issue, raw));
  }
  const retry = schema.safeParse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
  return { filters: retry.success ? (retry.data as z.infer<S>) : {}, errors };
}
