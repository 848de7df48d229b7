import { FAMILY_CATEGORIES, FAMILY_IDS } from '@/lib/retention/families';
import type { RunDto } from '@/lib/cleanup/job';

/*
 * The run history's and the run outcome's words that are not a translation alone: who started a
 * run, the order of categories, and the day a run started on in the job's time zone.
 */

/** Runs the screen loads (the filters work on these): 90 days of three runs a day, and then some. */
export const RUNS_LIMIT = 300;

/** Every category id in the order of the families (lib/retention/families.ts), each family's own order within. */
const CATEGORY_ORDER: readonly string[] = FAMILY_IDS.flatMap((family) => FAMILY_CATEGORIES[family]);

/** Category entries in family order; an unknown id (none expected) after them, by name. */
export function inCategoryOrder<T>(entries: readonly (readonly [string, T])[]): [string, T][] {
  const rank = (id: string) => {
    const i = CATEGORY_ORDER.indexOf(id);
    return i === -1 ? CATEGORY_ORDER.length : i;
  };
  return [...entries].map(([id, v]): [string, T] => [id, v]).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Who started a run, from RunDto.startedBy (migration 0015): a person's login, an API token
 * (`token <name>`), the command line (`cli <os user>`), or nobody: then the trigger says
 * (schedule, demo).
 */
export type RunStarter = { kind: 'person'; login: string } | { kind: 'token'; name: string } | { kind: 'cli'; user: string | null } | { kind: 'trigger'; trigger: string };

export function runStarter(run: Pick<RunDto, 'startedBy' | 'trigger'>): RunStarter {
  const by = run.startedBy?.trim();
  if (!by) return { kind: 'trigger', trigger: run.trigger };
  if (by.startsWith('token ')) return { kind: 'token', name: by.slice('token '.length) };
  if (by === 'cli' || by.startsWith('cli ')) return { kind: 'cli', user: by === 'cli' ? null : by.slice('cli '.length) };
  return { kind: 'person', login: by };
}

/** The calendar day ('YYYY-MM-DD') of an instant in the job's time zone. */
export function dayIn(at: string, timeZone: string): string {
  // en-CA writes a day as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(at));
}

/** Whether a run ended badly (its status or failed batches), for the red of its status and errors. */
export function endedBadly(run: Pick<RunDto, 'status' | 'errors'>): boolean {
  return run.status === 'failed' || run.status === 'tripped' || run.status === 'interrupted' || run.errors > 0;
}
