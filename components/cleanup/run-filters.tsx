'use client';

import { useTranslations } from 'next-intl';
import { buttonClass } from '@/components/ui/button-styles';
import { DateField } from '@/components/ui/date-field';
import { SelectField } from '@/components/ui/select-field';
import type { RunDto } from '@/lib/cleanup/job';
import { dayIn } from './run-words';

/** The run history's filters as chosen: '' is "all". Days are 'YYYY-MM-DD' (or what was typed). */
export type RunFilterValues = { status: string; trigger: string; dryRun: '' | 'dry' | 'real'; from: string; to: string };

export const emptyRunFilters: RunFilterValues = { status: '', trigger: '', dryRun: '', from: '', to: '' };

/** The ids of the run history's columns that filter. */
export type RunFilterId = 'status' | 'startedBy' | 'dryRun' | 'day';

/** A range of days ('YYYY-MM-DD'), either end open. */
type DayRange = { from: string | null; to: string | null };

const isDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Whether a run passes one filter (the column filter of DataTable, and the check of a run to show). */
export function keepsRun(id: RunFilterId, value: unknown, run: RunDto, timeZone: string): boolean {
  if (id === 'status') return run.status === value;
  if (id === 'startedBy') return run.trigger === value;
  if (id === 'dryRun') return value === 'dry' ? run.dryRun : !run.dryRun;
  const { from, to } = value as DayRange;
  const day = dayIn(run.startedAt, timeZone);
  return (from === null || day >= from) && (to === null || day <= to);
}

/** The active filters, as DataTable's caller-controlled column filters. */
export function activeRunFilters(values: RunFilterValues): { id: RunFilterId; value: unknown }[] {
  const out: { id: RunFilterId; value: unknown }[] = [];
  if (values.status) out.push({ id: 'status', value: values.status });
  if (values.trigger) out.push({ id: 'startedBy', value: values.trigger });
  if (values.dryRun) out.push({ id: 'dryRun', value: values.dryRun });
  // A day that is not (yet) a day leaves its end of the range open; the field says what is wrong.
  const range: DayRange = { from: isDay(values.from) ? values.from : null, to: isDay(values.to) ? values.to : null };
  if (range.from || range.to) out.push({ id: 'day', value: range });
  return out;
}

type Props = {
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
  const distinct = (pick: (r: RunDto) => string, chosen: string) => [...new Set([...runs.map(pick), ...(chosen ? [chosen] : [])])].sort();
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
          options={[all, ...distinct((r) => r.status, values.status).map((s) => ({ value: s, label: statusText(s) }))]}
        />
        <SelectField
          name="runTrigger"
          label={t('trigger')}
          value={values.trigger}
          onChange={(e) => set({ trigger: e.target.value })}
          options={[all, ...distinct((r) => r.trigger, values.trigger).map((s) => ({ value: s, label: triggerText(s) }))]}
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
        {values.status || values.trigger || values.dryRun || values.from || values.to ? (
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
