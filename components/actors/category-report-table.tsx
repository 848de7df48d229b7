import { LocalDate } from '@/components/ui/local-date';
import { formatCount, formatIsoDate } from '@/i18n/format';
import { useLocale, useTranslations } from 'next-intl';
import { CATEGORY_IDS } from '@/lib/retention/categories';
import type { FoundActorReport } from '@/lib/retention/types';
import { CATEGORY_FAMILY, FAMILY_SWATCH } from './timeline-style';

const th = 'py-2 pr-4 text-left text-xs font-medium tracking-wide text-muted uppercase';
const td = 'py-1.5 pr-4 align-top';

/** The report's `categories`, unchanged: per category held, due, next and last day, action (categories that hold records). */
export function CategoryReportTable({ report }: { report: FoundActorReport }) {
  const t = useTranslations('actors.categoriesTable');
  const tc = useTranslations('actorCategories');
  const th_ = useTranslations('actors.happens');
  const locale = useLocale();
  const held = CATEGORY_IDS.filter((id) => report.categories[id].records > 0);
  const empty = (d: string | null) => (d ? <LocalDate date={d} /> : <span className="text-muted">{t('empty')}</span>);
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t('title')}>
      <table className="w-full min-w-[40rem] border-collapse text-sm" data-testid="category-report">
        <caption className="sr-only">{t('caption', { asOf: formatIsoDate(locale, report.asOf) })}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className={th}>{t('category')}</th>
            <th scope="col" className={`${th} text-right`}>{t('records')}</th>
            <th scope="col" className={`${th} text-right`}>{t('due')}</th>
            <th scope="col" className={th}>{t('nextDate')}</th>
            <th scope="col" className={th}>{t('lastDate')}</th>
            <th scope="col" className={th}>{t('action')}</th>
          </tr>
        </thead>
        <tbody>
          {held.map((id) => {
            const c = report.categories[id];
            return (
              <tr key={id} className="border-b border-line/60" data-category={id}>
                <th scope="row" className={`${td} text-left font-normal`}>
                  <span className="flex items-center gap-2">
                    <span aria-hidden="true" className={`inline-block size-2.5 shrink-0 rounded-sm ${FAMILY_SWATCH[CATEGORY_FAMILY[id]]}`} />
                    <span>
                      {tc(id)} <span className="font-mono text-xs text-muted">{id}</span>
                    </span>
                  </span>
                </th>
                <td className={`${td} text-right tabular-nums`}>{formatCount(locale, c.records)}</td>
                <td className={`${td} text-right tabular-nums`}>{formatCount(locale, c.due)}</td>
                <td className={`${td} whitespace-nowrap`}>{empty(c.nextDate)}</td>
                <td className={`${td} whitespace-nowrap`} data-last={c.lastDate ?? ''}>{empty(c.lastDate)}</td>
                <td className={td}>{th_(c.action)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
