'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import type { BacklogHistory } from '@/lib/cleanup/backlog-history';
import type { JobStatus, RunDto } from '@/lib/cleanup/job';
import { ApiCallError, getJson, getRuns, postJson, type RunsPage } from './api';
import { BacklogPanel } from './backlog-panel';
import { ASK_AGAIN_CODES, JobPanel, type ControlAction, type RunConfirmationAnswer } from './job-panel';
import { emptyRunFilters, isEmptyDayRange, runsQuery, type RunFilterValues } from './run-filters';
import { RunHistory, type RevealRun } from './run-history';
import { RunOutcome, type FollowedRun } from './run-outcome';
import { RUNS_LIMIT } from './run-words';

type Props = {
  initialStatus: JobStatus;
  /** The newest runs without filters, and how many there are. */
  initialRuns: RunsPage;
  initialBacklog: BacklogHistory;
  canControl: boolean;
  canAcknowledge: boolean;
  timeZone: string;
};

/** The query of the run history without filters: the page's first answer is for it. */
const initialRunsKey = new URLSearchParams({ limit: String(RUNS_LIMIT) }).toString();

/** Polling: every 2 s while a run works, every 15 s otherwise (state changes made elsewhere still show). */
const FAST_MS = 2000;
const SLOW_MS = 15000;

/**
 * The ops screen's live part: the job panel (state, progress, controls), the backlog with its
 * burn-down, and the run history. Reads the GET endpoints of the cleanup API with TanStack Query;
 * controls post to it, and the API checks the caller's permission itself.
 */
export function CleanupDashboard({ initialStatus, initialRuns, initialBacklog, canControl, canAcknowledge, timeZone }: Props) {
  const t = useTranslations('cleanup');
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // The run started here last ("Run now", "Dry run now"): followed until it ends, then said what it did.
  const [followed, setFollowed] = useState<FollowedRun | null>(null);
  const [reveal, setReveal] = useState<RevealRun | null>(null);
  const status = useQuery({
    queryKey: ['cleanup-status'],
    queryFn: () => getJson<JobStatus>('/api/v1/cleanup/status'),
    initialData: initialStatus,
    refetchInterval: (q) => (q.state.data?.state === 'running' || isFollowing(q.state.data) ? FAST_MS : SLOW_MS),
  });
  const isRunning = status.data.state === 'running';
  // The run history's filters: the server applies them to every run kept (not only the newest loaded).
  const [runFilters, setRunFilters] = useState<RunFilterValues>(emptyRunFilters);
  const runsParams = runsQuery(runFilters);
  runsParams.set('limit', String(RUNS_LIMIT));
  const noRunCanMatch = isEmptyDayRange(runFilters);
  const runsKey = runsParams.toString();
  const runsPage = useQuery({
    queryKey: ['cleanup-runs', noRunCanMatch ? 'none' : runsKey],
    queryFn: (): Promise<RunsPage> => (noRunCanMatch ? Promise.resolve({ runs: [], total: 0 }) : getRuns(runsParams)),
    initialData: runsKey === initialRunsKey ? initialRuns : undefined,
    // While the next filters' runs load, the last ones stay (no empty flash).
    placeholderData: keepPreviousData,
    refetchInterval: isRunning ? FAST_MS * 2 : SLOW_MS,
  });
  const runs = runsPage.data?.runs ?? [];
  const backlog = useQuery({
    queryKey: ['cleanup-backlog'],
    queryFn: () => getJson<BacklogHistory>(`/api/v1/cleanup/backlog?days=${initialBacklog.days.length}`),
    initialData: initialBacklog,
    refetchInterval: isRunning ? FAST_MS * 5 : SLOW_MS * 2,
  });
  // The followed run as the status has it (working, or the last run once it ended), else as the history has it.
  const followedRun = followed ? findRun(followed.runId, status.data, runs) : null;
  const followedEnded = followedRun !== null && followedRun.status !== 'running';
  function isFollowing(s: JobStatus | undefined): boolean {
    if (!followed || !s) return false;
    const run = findRun(followed.runId, s, runs);
    return run === null || run.status === 'running';
  }
  // When the followed run ends, the history and the backlog show what it did.
  useEffect(() => {
    if (!followedEnded) return;
    void queryClient.invalidateQueries({ queryKey: ['cleanup-runs'] });
    void queryClient.invalidateQueries({ queryKey: ['cleanup-backlog'] });
  }, [followedEnded, queryClient]);

  const control = useMutation({
    mutationFn: async (action: ControlAction) => {
      const answer = (await postJson(`/api/v1/cleanup/${action.path}`, action.body)) as { runId?: string; dryRun?: boolean };
      return { action, answer };
    },
    onMutate: () => setMessage(null),
    onSuccess: ({ action, answer }) => {
      if (action.path === 'run' && answer.runId) {
        // The outcome below says that it started, and what it did once it ends.
        setFollowed({ runId: answer.runId, dryRun: answer.dryRun === true });
      } else {
        setMessage({ kind: 'ok', text: t(`done.${action.path}`) });
      }
      void queryClient.invalidateQueries({ queryKey: ['cleanup-status'] });
      void queryClient.invalidateQueries({ queryKey: ['cleanup-runs'] });
      void queryClient.invalidateQueries({ queryKey: ['cleanup-backlog'] });
    },
    onError: (e: Error) => {
      // A changed count or a stale confirmation is not a failure: the job panel asks again with a new count.
      if (e instanceof ApiCallError && (ASK_AGAIN_CODES as readonly string[]).includes(e.code ?? '')) return;
      setMessage({ kind: 'error', text: e.message });
      void queryClient.invalidateQueries({ queryKey: ['cleanup-status'] });
    },
  });

  return (
    <div className="space-y-6">
      <JobPanel
        status={status.data}
        canControl={canControl}
        canAcknowledge={canAcknowledge}
        timeZone={timeZone}
        pending={control.isPending}
        message={message}
        outcome={
          followed ? (
            <RunOutcome
              followed={followed}
              run={followedRun}
              timeZone={timeZone}
              onShow={() => {
                // The history may not hold the run yet: fetch it first, then open its row.
                void runsPage.refetch().then(() => setReveal({ runId: followed.runId, seq: (reveal?.seq ?? 0) + 1 }));
              }}
            />
          ) : null
        }
        act={async (action) => {
          await control.mutateAsync(action);
        }}
        requestConfirmation={async () => {
          setMessage(null);
          try {
            return (await postJson('/api/v1/cleanup/run/confirmation')) as RunConfirmationAnswer;
          } catch (e) {
            setMessage({ kind: 'error', text: (e as Error).message });
            throw e;
          }
        }}
      />
      <BacklogPanel status={status.data} history={backlog.data} timeZone={timeZone} />
      <section aria-labelledby="runs-heading" className="rounded-lg border border-line bg-surface p-5 shadow-sm">
        <h2 id="runs-heading" className="text-lg font-semibold text-ink">
          {t('runsTitle')}
        </h2>
        <div aria-busy={runsPage.isPlaceholderData || undefined}>
          <RunHistory
            runs={runs}
            total={runsPage.data?.total ?? 0}
            filters={runFilters}
            onFiltersChange={setRunFilters}
            timeZone={timeZone}
            reveal={reveal}
          />
        </div>
      </section>
    </div>
  );
}

/** A run by id: the one working now, the last one, or one of the history. */
function findRun(runId: string, status: JobStatus, runs: readonly RunDto[]): RunDto | null {
  if (status.running?.runId === runId) return status.running;
  if (status.lastRun?.runId === runId) return status.lastRun;
  return runs.find((r) => r.runId === runId) ?? null;
}
