'use client';

import { useTranslations } from 'next-intl';
import type { PolicyRow, PolicyRule } from '@/lib/policy/table';
import type { Messages } from '@/i18n/messages';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { periodText } from './period';

type KeptCategory = keyof Messages['policy']['kept'];

/** One rule in words: the period in force and its setting, "not deleted by this rule" at 0, or none. */
function RuleCell({ rule, kind }: { rule: PolicyRule | null; kind: 'age' | 'cancellation' | 'optOut' }) {
  const t = useTranslations('policy');
  const tSettings = useTranslations('overview.settings');
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
        {t(kind === 'optOut' ? 'rule.optOutDisabled' : 'rule.disabled', { setting: rule.setting, label: tSettings(`${rule.setting}.label`) })}
      </span>
    );
  }
  const period = periodText(t, rule);
  const text = kind === 'age' ? t('rule.olderThan', { period }) : kind === 'cancellation' ? t('rule.afterCancellation', { period }) : t('rule.optOut', { period });
  return (
    <span data-rule={kind} data-in-force="true">
      <span className="font-medium text-ink">{text}</span>
      <span className="block text-xs text-muted">
        {t.rich('rule.setting', { setting: rule.setting, label: tSettings(`${rule.setting}.label`), code: (c) => <code>{c}</code> })}
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
        {t(`actions.${row.action}`)} <code className="text-xs text-muted">{row.action}</code>
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
 * same content as one card per category (DataTable's cards): a four-column table would leave only
 * its first column in view.
 */
export function PolicyTable({ rows }: { rows: PolicyRow[] }) {
  const t = useTranslations('policy');
  const columns: DataColumn<PolicyRow>[] = [
    {
      id: 'category',
      header: t('columns.category'),
      isRowHeader: true,
      cell: (row) => (
        <>
          <CategoryName row={row} />
          <CategoryNotes row={row} />
        </>
      ),
      value: (row) => row.category,
      className: 'w-[30%]',
    },
    { id: 'active', header: t('columns.active'), cell: (row) => <ActiveRules row={row} /> },
    { id: 'inactive', header: t('columns.inactive'), cell: (row) => <RuleCell rule={row.cancellationRule} kind="cancellation" /> },
    { id: 'action', header: t('columns.action'), cell: (row) => <Action row={row} /> },
  ];
  return (
    <DataTable
      id="policy-table"
      testId="policy-table"
      caption={t('tableCaption')}
      columns={columns}
      rows={rows}
      rowId={(row) => row.category}
      rowProps={(row) => ({ 'data-category': row.category })}
      empty="—"
      scroll
      tableClassName="min-w-[44rem]"
      cardTitleAs="h3"
    />
  );
}
