'use client';

import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-styles';
import type { RunDto } from '@/lib/cleanup/job';
import { hasRunDetails, RunDetails } from './run-details';

/** A run started from this screen, followed until it ends. */
export type FollowedRun = { runId: string; dryRun: boolean };

type OutcomeTranslator = ReturnType<typeof useTranslations<'cleanup.outcome'>>;

/** What a finished run did, in one or two sentences (the records per category follow as a list). */
export function outcomeSentence(t: OutcomeTranslator, run: RunDto): string {
  const dry = run.dryRun;
  const reason = run.stopReason ?? '';
  const head =
    run.status === 'completed'
      ? t(dry ? 'dryCompleted' : 'completed')
      : run.status === 'partial'
        ? t(dry ? 'dryPartial' : 'partial')
        : run.status === 'paused'
          ? t('paused')
          : run.status === 'failed'
            ? t('failed', { reason })
            : run.status === 'interrupted'
              ? t('interrupted', { reason })
              : run.status === 'tripped'
                ? t('tripped')
                : t('ended', { status: run.status });
  if (run.status === 'tripped') return head;
  const counts = { records: run.recordsProcessed, actors: run.actorsRemoved, errors: run.errors };
  const nothing = counts.records === 0 && counts.actors === 0;
  let did: string;
  if (nothing && run.status === 'completed') did = t(dry ? 'dryNothingDue' : 'nothingDue', counts);
  else if (nothing) did = t(dry ? 'dryNothingDone' : 'nothingDone', counts);
  else did = t(dry ? 'wouldDo' : 'did', counts);
  return `${head} ${did}`;
}

/**
 * The outcome of a run started here ("Run now", "Dry run now"): that it works while it works (the
 * progress is in the job panel), then what it did (or, for a dry run, what a run would do): the
 * records per category, the actors removed, the failed batches, or that nothing was due; and a
 * button that opens its row in the run history. Announced politely when it changes.
 */
export function RunOutcome({ followed, run, timeZone, onShow }: { followed: FollowedRun; run: RunDto | null; timeZone: string; onShow: () => void }) {
  const t = useTranslations('cleanup.outcome');
  const finished = run !== null && run.status !== 'running';
  const text = finished ? outcomeSentence(t, run) : t(followed.dryRun ? 'dryStarted' : 'started');
  const bad = finished && (run.status === 'failed' || run.status === 'tripped' || run.status === 'interrupted' || run.errors > 0);
  return (
    <div className={`mt-4 rounded-md border p-3 ${bad ? 'border-danger/40 bg-danger/5' : 'border-line bg-canvas'}`} data-testid="run-outcome" data-run-id={followed.runId}>
      <p role="status" className={`text-sm ${bad ? 'text-danger' : ''}`}>
        {text}
      </p>
      {finished && hasRunDetails(run) ? (
        <div className="mt-2">
          <RunDetails run={run} timeZone={timeZone} hideStopReason={run.status === 'failed' || run.status === 'interrupted'} />
        </div>
      ) : null}
      {finished ? (
        <button type="button" className={`mt-3 ${buttonClass('secondary', 'sm')}`} onClick={onShow}>
          {t('show')}
        </button>
      ) : null}
    </div>
  );
}
