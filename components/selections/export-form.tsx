import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button-styles';
import { PERSONAL_COLUMNS } from '@/lib/selections/types';
import type { SelectionRequest } from '@/lib/validation/selections';

/**
 * The two downloads of a selection as a plain GET form to the screen's export route
 * (/selections/export, which checks `selection.export` itself and writes the access log): the
 * criteria shown travel as hidden fields, the personal columns are ticked one by one (none by
 * default), and the button pressed names the set. The browser saves the CSV and stays here.
 */
export async function ExportForm({ request }: { request: SelectionRequest & { instanceId: number } }) {
  const t = await getTranslations('selections');
  const hasPeriod = request.borrowedFrom !== null && request.borrowedTo !== null;
  const hidden: [string, string][] = [
    ['instanceId', String(request.instanceId)],
    ['membership', request.membership],
    ['asOf', request.asOf],
  ];
  if (request.loanHistoryOptIn !== null) hidden.push(['loanHistoryOptIn', String(request.loanHistoryOptIn)]);
  if (hasPeriod) hidden.push(['borrowedFrom', request.borrowedFrom!], ['borrowedTo', request.borrowedTo!]);
  return (
    <form method="get" action="/selections/export" className="space-y-5" data-testid="export-form">
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset>
        <legend className="text-sm font-medium text-ink">{t('export.columnsLegend')}</legend>
        <p className="mt-0.5 text-xs text-muted">{t('export.columnsHint')}</p>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {PERSONAL_COLUMNS.map((column) => (
            <label key={column} className="inline-flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" name="columns" value={column} className="size-4 accent-brand" />
              <span>
                {t(`columns.${column}`)} <span className="font-mono text-xs text-muted">{column}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="rounded-md border border-line bg-canvas/60 p-4">
          <h3 className="text-sm font-semibold text-ink">{t('export.customersTitle')}</h3>
          <p className="mt-1 text-xs text-muted">{t('export.customersHint')}</p>
          <button type="submit" name="set" value="customers" className={`${buttonClass('primary')} mt-3`} data-testid="download-customers">
            {t('export.downloadCustomers')}
          </button>
        </div>
        <div className="rounded-md border border-line bg-canvas/60 p-4">
          <h3 className="text-sm font-semibold text-ink">{t('export.itemsTitle')}</h3>
          <p className="mt-1 text-xs text-muted">{t('export.itemsHint')}</p>
          {hasPeriod ? (
            <button type="submit" name="set" value="items" className={`${buttonClass('secondary')} mt-3`} data-testid="download-items">
              {t('export.downloadItems')}
            </button>
          ) : (
            <p className="mt-3 text-sm text-ink" data-testid="items-needs-period">
              {t('export.itemsNeedsPeriod')}
            </p>
          )}
        </div>
      </div>
      <p className="text-sm text-ink" data-testid="export-logged">
        {t('export.logged')}
      </p>
    </form>
  );
}
