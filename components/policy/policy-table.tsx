import { useTranslations } from 'next-intl';
import type { PolicyRow, PolicyRule } from '@/lib/policy/table';
import type { Messages } from '@/i18n/messages';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { periodText } from './period';

type KeptCategory = keyof Messages['policy']['kept'];

/** One rule in words: the period in force and its setting, "not deleted by this rule" at 0, or none. */
function RuleCell({ rule, kind }: { rule: PolicyRule | null; kind: 'age' | 'cancellation' | 'optOut' }) {
  const t = useTranslations('policy');
  if (!rule) {
    return (
      <>
        <span aria-hidden="true" className="text-muted">
          —
        </span>
        <span className="sr-only">{t('rule.none')}</span>
      </>
    );
  }
  if (!rule.inForce) {
    return (
      <span className="text-muted" data-rule={kind} data-in-force="false">
        {t(kind === 'optOut' ? 'rule.optOutDisabled' : 'rule.disabled', { setting: rule.setting })}
      </span>
    );
  }
  const period = periodText(t, rule);
  const text = kind === 'age' ? t('rule.olderThan', { period }) : kind === 'cancellation' ? t('rule.afterCancellation', { period }) : t('rule.optOut', { period });
  return (
    <span data-rule={kind} data-in-force="true">
      <span className="font-medium text-ink">{text}</span>
      <span className="block text-xs text-muted">
        {t.rich('rule.setting', { setting: rule.setting, code: (c) => <code>{c}</code> })}
      </span>
    </span>
  );
}

function CategoryName({ row }: { row: PolicyRow }) {
  const t = useTranslations('policy');
  return <span className="block font-medium text-ink">{t(`categories.${row.category}.name`)}</span>;
}

/** The category's id, what date its rules read, and the records no rule processes. */
function CategoryNotes({ row }: { row: PolicyRow }) {
  const t = useTranslations('policy');
  return (
    <>
      <code className="text-xs text-muted">{row.category}</code>
      <span className="mt-1 block text-xs text-muted">{t(`categories.${row.category}.date`)}</span>
      {/* Every category with keptUntilRemoval has its words in policy.kept (tests/policy.test.ts checks it). */}
      {row.keptUntilRemoval !== null ? (
        <span className="mt-1 block text-xs text-muted">{t('keptLabel', { what: t(`kept.${row.category as KeptCategory}`) })}</span>
      ) : null}
    </>
  );
}

function ActiveRules({ row }: { row: PolicyRow }) {
  return (
    <>
      <RuleCell rule={row.ageRule} kind="age" />
      {row.optOutRule ? (
        <span className="mt-2 block">
          <RuleCell rule={row.optOutRule} kind="optOut" />
        </span>
      ) : null}
    </>
  );
}

function Action({ row }: { row: PolicyRow }) {
  const t = useTranslations('policy');
  return (
    <>
      <span className="block">
        <code className="text-xs text-muted">{row.action}</code> · {t(`actions.${row.action}`)}
      </span>
      {row.deletedByARule ? null : (
        <span className="mt-1 block rounded-md bg-warn/10 px-2 py-1 text-xs text-warn" data-testid="kept-by-no-rule">
          {t('keptByNoRule')}
        </span>
      )}
    </>
  );
}

/**
 * The overview table of the source document, computed from the settings in force. On a phone the
 * same content as one card per category: a four-column table would leave only its first column
 * in view.
 */
export function PolicyTable({ rows }: { rows: PolicyRow[] }) {
  const t = useTranslations('policy');
  return (
    <>
      <ul className="space-y-3 sm:hidden" aria-label={t('tableCaption')} data-testid="policy-cards">
        {rows.map((row) => (
          <li key={row.category} data-category={row.category} className="rounded-md border border-line p-3 text-sm">
            <h3>
              <CategoryName row={row} />
            </h3>
            <CategoryNotes row={row} />
            <dl className="mt-3 space-y-2">
              <div>
                <dt className="text-xs font-medium tracking-wide text-muted uppercase">{t('columns.active')}</dt>
                <dd className="mt-0.5">
                  <ActiveRules row={row} />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium tracking-wide text-muted uppercase">{t('columns.inactive')}</dt>
                <dd className="mt-0.5">
                  <RuleCell rule={row.cancellationRule} kind="cancellation" />
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium tracking-wide text-muted uppercase">{t('columns.action')}</dt>
                <dd className="mt-0.5">
                  <Action row={row} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <ScrollRegion labelledBy="policy-table-caption" className="hidden sm:block">
        <table className="w-full min-w-[44rem] border-collapse text-left text-sm" data-testid="policy-table">
          <caption id="policy-table-caption" className="sr-only">
            {t('tableCaption')}
          </caption>
          <thead>
            <tr className="border-b border-line text-xs tracking-wide text-muted uppercase">
              <th scope="col" className="w-[30%] py-2 pr-4 font-medium">
                {t('columns.category')}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t('columns.active')}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t('columns.inactive')}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t('columns.action')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category} data-category={row.category} className="border-b border-line align-top last:border-0">
                <th scope="row" className="py-3 pr-4 font-normal">
                  <CategoryName row={row} />
                  <CategoryNotes row={row} />
                </th>
                <td className="py-3 pr-4">
                  <ActiveRules row={row} />
                </td>
                <td className="py-3 pr-4">
                  <RuleCell rule={row.cancellationRule} kind="cancellation" />
                </td>
                <td className="py-3">
                  <Action row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </>
  );
}
