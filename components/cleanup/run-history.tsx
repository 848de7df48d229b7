'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { LocalDate, LocalDateTime } from '@/components/ui/local-date';
import { formatCount, formatDateTime, formatDuration } from '@/i18n/format';
import type { AppLocale } from '@/i18n/locales';
import type { RunDto } from '@/lib/cleanup/job';
import { hasRunDetails, RunDetails } from './run-details';
import { emptyRunFilters, hasRunFilters, keepsRun, RunFilters, type RunFilterValues } from './run-filters';
import { endedBadly, runStarter } from './run-words';

/** Runs shown at first; "show more" adds as many. */
const PAGE_SIZE = 10;

/** Who started a run, in words: the login, the API token's name, the command line's OS user, or the trigger. */
export function useRunStarterText() {
  const t = useTranslations('cleanup.who');
  return (run: Pick<RunDto, 'startedBy' | 'trigger'>): string => {
    const who = runStarter(run);
    if (who.kind === 'person') return who.login;
    if (who.kind === 'token') return t('token', { name: who.name });
    if (who.kind === 'cli') return who.user ? t('cli', { user: who.user }) : t('cliNoUser');
    return t.has(`triggers.${who.trigger as 'schedule'}`) ? t(`triggers.${who.trigger as 'schedule'}`) : who.trigger;
  };
}

/** A request from elsewhere on the page to show one run: its row opened, in view, its toggle focused. */
export type RevealRun = { runId: string; seq: number };

/**
 * Recent runs, newest first, on the dashboard's DataTable: when, for which day, who started it,
 * how it ended and its counts; each row opens to what it did per category, the actors kept per
 * condition and its failed batches (RunDetails). The filters (status, trigger, dry run, the days it
 * started on in the job's time zone) are the caller's: the server applies them to every run, and
 * `total` is how many pass them, of which `runs` are the newest. Cards on a phone.
 */
export function RunHistory({
  runs,
  total,
  filters,
  onFiltersChange,
  timeZone,
  reveal,
}: {
  runs: RunDto[];
  total: number;
  filters: RunFilterValues;
  onFiltersChange: (filters: RunFilterValues) => void;
  timeZone: string;
  reveal?: RevealRun | null;
}) {
  const t = useTranslations('cleanup');
  const locale = useLocale() as AppLocale;
  const n = (v: number) => formatCount(locale, v);
  const starter = useRunStarterText();
  // Counts the clearings of the filters: the day fields start anew on each (they keep what is typed otherwise).
  const [clearings, setClearings] = useState(0);
  const clearFilters = () => {
    onFiltersChange(emptyRunFilters);
    setClearings((c) => c + 1);
  };
  const [expanded, setExpanded] = useState<Record<string, boolean>>({});
  const [revealed, setRevealed] = useState<RevealRun | null | undefined>(reveal);
  const historyRef = useRef<HTMLDivElement>(null);
  const statusText = (status: string) => (t.has(`runStatus.${status as 'completed'}`) ? t(`runStatus.${status as 'completed'}`) : status);
  const triggerText = (trigger: string) => (t.has(`who.triggers.${trigger as 'schedule'}`) ? t(`who.triggers.${trigger as 'schedule'}`) : trigger);
  const filtered = hasRunFilters(filters);

  // A run to show: open its row, and clear filters that would hide it (adjusted while rendering).
  if (reveal !== revealed) {
    setRevealed(reveal);
    if (reveal) {
      setExpanded((open) => ({ ...open, [reveal.runId]: true }));
      const run = runs.find((r) => r.runId === reveal.runId);
      if (filtered && (!run || !keepsRun(filters, run, timeZone))) clearFilters();
    }
  }
  // The run to focus once its row is drawn: at once, or when the history comes back without the filters.
  const pendingFocus = useRef<RevealRun | null>(null);
  useEffect(() => {
    pendingFocus.current = reveal ?? null;
  }, [reveal]);
  useEffect(() => {
    const want = pendingFocus.current;
    if (!want) return;
    // The table's toggle or the card's, whichever this screen width shows; a run without details: its row.
    // Looked up inside the history only: the run's outcome panel above carries the same data-run-id.
    const shown = (selector: string) => [...(historyRef.current?.querySelectorAll<HTMLElement>(selector) ?? [])].find((el) => el.offsetParent !== null);
    const id = CSS.escape(want.runId);
    const focusTarget = (scroll: boolean) => {
      const target = shown(`[data-details-toggle="${id}"]`) ?? shown(`[data-run-id="${id}"]`);
      if (!target) return false;
      if (target === document.activeElement) return true;
      if (!target.matches('button')) target.tabIndex = -1;
      if (scroll) target.scrollIntoView({ block: 'center' });
      target.focus();
      return true;
    };
    if (!focusTarget(true)) return;
    pendingFocus.current = null;
    // The row may be drawn anew just after (the opened row, the refetched history): focus it again then.
    const again = window.setTimeout(() => focusTarget(false), 300);
    return () => window.clearTimeout(again);
  }, [reveal, runs]);

  const summary = () => {
    if (!filtered) return total > runs.length ? t('filters.summaryNewest', { shown: runs.length, all: total }) : t('filters.summaryAll', { all: total });
    return total > runs.length ? t('filters.summaryMatchingNewest', { matching: total, shown: runs.length }) : t('filters.summary', { matching: total });
  };

  const columns: DataColumn<RunDto>[] = [
    {
      id: 'started',
      header: t('started'),
      isRowHeader: true,
      sortable: true,
      value: (r) => r.startedAt,
      className: 'whitespace-nowrap',
      cell: (r) => (
        <>
          <LocalDateTime at={r.startedAt} timeZone={timeZone} />
          <span className="block text-xs font-normal text-muted">{r.status === 'running' ? t('runStatus.running') : formatDuration(locale, r.durationMs)}</span>
        </>
      ),
    },
    { id: 'asOf', header: t('asOf'), value: (r) => r.asOf, className: 'whitespace-nowrap', cell: (r) => <LocalDate date={r.asOf} /> },
    {
      id: 'startedBy',
      header: t('trigger'),
      value: (r) => starter(r),
      cell: (r) => (
        <>
          <span className="break-words">{starter(r)}</span>
          {r.startedBy ? <span className="block text-xs text-muted">{triggerText(r.trigger)}</span> : null}
        </>
      ),
    },
    {
      id: 'status',
      header: t('status'),
      value: (r) => r.status,
      cell: (r) => (
        <>
          {r.dryRun ? <span className="mr-1 rounded bg-brand-soft px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-brand">{t('dryRun')}</span> : null}
          <span className={endedBadly(r) ? 'font-medium text-danger' : ''}>{statusText(r.status)}</span>
        </>
      ),
    },
    { id: 'actorsRemoved', header: t('actorsRemoved'), align: 'end', sortable: true, value: (r) => r.actorsRemoved, cell: (r) => n(r.actorsRemoved) },
    { id: 'records', header: t('records'), align: 'end', sortable: true, value: (r) => r.recordsProcessed, cell: (r) => n(r.recordsProcessed) },
    {
      id: 'errors',
      header: t('errors'),
      align: 'end',
      sortable: true,
      value: (r) => r.errors,
      card: (r) => r.errors > 0,
      cell: (r) => <span className={r.errors > 0 ? 'font-medium text-danger' : ''}>{n(r.errors)}</span>,
    },
  ];

  return (
    <div className="mt-3 space-y-4" ref={historyRef}>
      <RunFilters runs={runs} values={filters} onChange={onFiltersChange} onClear={clearFilters} clearings={clearings} statusText={statusText} triggerText={triggerText} timeZone={timeZone} />
      <DataTable
        id="run-history"
        testId="run-history"
        columns={columns}
        rows={runs}
        rowId={(r) => r.runId}
        caption={t('runsCaption')}
        empty={filtered ? t('filters.none') : t('noRuns')}
        summary={summary}
        expanded={expanded}
        onExpandedChange={setExpanded}
        details={{
          header: t('details'),
          showLabel: t('showDetails'),
          hideLabel: t('hideDetails'),
          rowLabel: (r) => t('runLabel', { at: formatDateTime(locale, r.startedAt, timeZone) }),
          has: hasRunDetails,
          render: (r) => <RunDetails run={r} timeZone={timeZone} />,
        }}
        rowProps={(r) => ({ 'data-run-id': r.runId, className: r.runId === revealed?.runId ? 'bg-brand-soft/50' : r.dryRun ? 'bg-canvas/60' : '' })}
        pageSize={PAGE_SIZE}
        moreLabel={(shown, total) => t('showMore', { shown: n(shown), total: n(total) })}
        scroll
      />
    </div>
  );
}
