'use client';

import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-styles';
import { DateField } from '@/components/ui/date-field';
import { SelectField } from '@/components/ui/select-field';
import type { RunDto } from '@/lib/cleanup/job';
import { RUN_STATUSES, RUN_TRIGGERS } from '@/lib/cleanup/run-status';
import { dayIn } from './run-words';

/** The run history's filters as chosen: '' is "all". Days are 'YYYY-MM-DD' (or what was typed). */
export type RunFilterValues = { status: string; trigger: string; dryRun: '' | 'dry' | 'real'; from: string; to: string };

export const emptyRunFilters: RunFilterValues = { status: '', trigger: '', dryRun: '', from: '', to: '' };

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/**
 * The filters as GET cleanup/runs takes them (status, trigger, dryRun, from, to; the server reads
 * the days in the job's time zone). A day that is not (yet) a day leaves its end of the range open:
 * the field says what is wrong.
 */
export function runsQuery(values: RunFilterValues): URLSearchParams {
  const q = new URLSearchParams();
  if (values.status) q.set('status', values.status);
  if (values.trigger) q.set('trigger', values.trigger);
  if (values.dryRun) q.set('dryRun', values.dryRun === 'dry' ? 'true' : 'false');
  const from = isDay(values.from) ? values.from : null;
  const to = isDay(values.to) ? values.to : null;
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return q;
}

/** Whether the days chosen are a range with its end before its start: no run can match (the API would refuse it). */
export function isEmptyDayRange(values: RunFilterValues): boolean {
  return isDay(values.from) && isDay(values.to) && values.to < values.from;
}

/** Whether any filter is chosen (what is typed in a day field counts: "Clear filters" clears it). */
export function hasRunFilters(values: RunFilterValues): boolean {
  return Boolean(values.status || values.trigger || values.dryRun || values.from || values.to);
}

/** Whether a run passes the filters, as the server decides it (to show a run the filters would hide). */
export function keepsRun(values: RunFilterValues, run: RunDto, timeZone: string): boolean {
  const q = runsQuery(values);
  const day = dayIn(run.startedAt, timeZone);
  return (
    (!q.has('status') || run.status === q.get('status')) &&
    (!q.has('trigger') || run.trigger === q.get('trigger')) &&
    (!q.has('dryRun') || run.dryRun === (q.get('dryRun') === 'true')) &&
    (!q.has('from') || day >= q.get('from')!) &&
    (!q.has('to') || day <= q.get('to')!)
  );
}

type Props = {
  /** The runs on the screen: a trigger found among them is offered besides the known ones. */
  runs: readonly RunDto[];
  values: RunFilterValues;
  onChange: (values: RunFilterValues) => void;
  onClear: () => void;
  /** How often the filters were cleared: the day fields start anew each time. */
  clearings: number;
  statusText: (status: string) => string;
  triggerText: (trigger: string) => string;
  timeZone: string;
};

/** The filters above the run history: status, trigger, real or dry runs, and the days the runs started on. */
export function RunFilters({ runs, values, onChange, onClear, clearings, statusText, triggerText, timeZone }: Props) {
  const t = useTranslations('cleanup.filters');
  const set = (patch: Partial<RunFilterValues>) => onChange({ ...values, ...patch });
  // Every status and the product's triggers, whether the runs on the screen have them or not (the server filters all runs).
  const triggers = [...new Set<string>([...RUN_TRIGGERS, ...runs.map((r) => r.trigger), ...(values.trigger ? [values.trigger] : [])])];
  const all = { value: '', label: t('all') };
  return (
    <fieldset className="rounded-md border border-line p-3" data-testid="run-filters">
      <legend className="px-1 text-sm font-medium text-ink">{t('title')}</legend>
      <div className="grid grid-cols-2 items-end gap-x-3 gap-y-3 sm:grid-cols-3 lg:grid-cols-5">
        <SelectField
          name="runStatus"
          label={t('status')}
          value={values.status}
          onChange={(e) => set({ status: e.target.value })}
          options={[all, ...RUN_STATUSES.map((s) => ({ value: s, label: statusText(s) }))]}
        />
        <SelectField
          name="runTrigger"
          label={t('trigger')}
          value={values.trigger}
          onChange={(e) => set({ trigger: e.target.value })}
          options={[all, ...triggers.map((s) => ({ value: s, label: triggerText(s) }))]}
        />
        <SelectField
          name="runDryRun"
          label={t('dryRun')}
          value={values.dryRun}
          onChange={(e) => set({ dryRun: e.target.value as RunFilterValues['dryRun'] })}
          options={[
            { value: '', label: t('dryRunAll') },
            { value: 'real', label: t('dryRunReal') },
            { value: 'dry', label: t('dryRunDry') },
          ]}
        />
        <DateField key={`from-${clearings}`} name="runsFrom" label={t('from')} className="min-w-0" onValueChange={(from) => set({ from })} />
        <DateField key={`to-${clearings}`} name="runsTo" label={t('to')} className="min-w-0" onValueChange={(to) => set({ to })} />
      </div>
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-xs text-muted">{t('daysHint', { timeZone })}</p>
        {hasRunFilters(values) ? (
          <button
            type="button"
            className={buttonClass('secondary', 'sm')}
            onClick={onClear}
          >
            {t('clear')}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
