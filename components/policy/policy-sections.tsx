import { useTranslations } from 'next-intl';
import { ConditionName, SourceName } from '@/components/ui/terms';
import { LocalDateTime } from '@/components/ui/local-date';
import type { ConditionPolicy, PolicyTable, RemovalPolicy } from '@/lib/policy/table';
import type { PolicyDocument, PolicySetting } from '@/lib/policy/document';
import type { Messages } from '@/i18n/messages';
import { SettingLastChange } from '@/components/home/settings-table';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { periodText } from './period';

type UntilCode = keyof Messages['policy']['conditionUntil'];

function SettingValue({ setting }: { setting: PolicySetting }) {
  const t = useTranslations('policy');
  const tOverview = useTranslations('overview');
  if (setting.value === null) return <span className="font-medium text-danger">{t('notSet')}</span>;
  if (setting.value === 0) return <span className="text-muted">{t('valueDisabled')}</span>;
  return (
    <span className="font-semibold tabular-nums">
      {setting.unit === 'months' ? tOverview('valueMonths', { value: setting.value }) : tOverview('valueDays', { value: setting.value })}
    </span>
  );
}

/** The header of the record: when it was computed, the settings it was computed from and their last change. */
export function PolicyRecordHeader({ policy, timeZone }: { policy: PolicyDocument; timeZone: string }) {
  const t = useTranslations('policy');
  const tOverview = useTranslations('overview');
  const last = policy.lastChange;
  return (
    <div className="space-y-4">
      <div className="space-y-1 text-sm" data-testid="policy-dating">
        <p>{t.rich('generatedAt', { at: () => <LocalDateTime at={policy.generatedAt} timeZone={timeZone} className="font-medium" /> })}</p>
        <p>
          {last
            ? t.rich('lastChanged', {
                at: () => <LocalDateTime at={last.at} timeZone={timeZone} className="font-medium" />,
                by: last.by,
              })
            : t('neverChanged')}
        </p>
      </div>
      <ScrollRegion labelledBy="policy-settings-caption">
        <table className="w-full border-collapse sm:min-w-[30rem] text-left text-sm" data-testid="policy-settings">
          <caption id="policy-settings-caption" className="mb-2 text-left text-sm font-semibold text-ink">
            {t('settingsInForce')}
            <span className="sr-only"> · {t('settingsCaption')}</span>
          </caption>
          <thead>
            <tr className="border-b border-line text-xs tracking-wide text-muted uppercase">
              <th scope="col" className="py-2 pr-4 font-medium">
                {t('settingColumns.setting')}
              </th>
              <th scope="col" className="py-2 pr-4 font-medium">
                {t('settingColumns.value')}
              </th>
              <th scope="col" className="py-2 font-medium">
                {t('settingColumns.lastChanged')}
              </th>
            </tr>
          </thead>
          <tbody>
            {policy.settingsInForce.map((s) => (
              <tr key={s.name} data-setting={s.name} className="border-b border-line align-top last:border-0">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <span className="block font-medium text-ink">{tOverview(`settings.${s.name}.label`)}</span>
                  <code className="text-xs text-muted">{s.name}</code>
                </th>
                <td className="py-2 pr-4 whitespace-nowrap">
                  <SettingValue setting={s} />
                </td>
                <td className="py-2 text-muted">
                  <SettingLastChange setting={s} timeZone={timeZone} by={t('changedBy', { by: s.updatedBy ?? '' })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** Actor removal in words, with the period in force or "switched off". */
export function RemovalRule({ removal }: { removal: RemovalPolicy }) {
  const t = useTranslations('policy');
  return (
    <div className="max-w-3xl space-y-2 text-sm" data-testid="policy-removal" data-in-force={String(removal.inForce)}>
      <p>{removal.inForce ? t('removalInForce', { period: periodText(t, removal), setting: removal.setting }) : t('removalDisabled', { setting: removal.setting })}</p>
      <p className="text-muted">{t('removalNoMembership')}</p>
    </div>
  );
}

function ConditionUntil({ condition }: { condition: ConditionPolicy }) {
  const t = useTranslations('policy');
  const period = condition.period ? periodText(t, { value: condition.period.months, unit: 'months' }) : '';
  const hasUntil = (code: string): code is UntilCode => code in UNTIL;
  if (!condition.inForce && condition.period?.setting) return <span className="text-muted">{t('conditionDisabled', { setting: condition.period.setting })}</span>;
  if (hasUntil(condition.code)) return <>{t(`conditionUntil.${condition.code}`, { period })}</>;
  return <span className="text-muted">{t('untilNever')}</span>;
}

// The codes that end by themselves (RETENTION.md's "until" column); their words are in policy.conditionUntil.
const UNTIL: Record<UntilCode, true> = {
  RECENT_FINANCIAL_ARCHIVE: true,
  RECENT_EDUB_DEREGISTRATION: true,
  RECENT_MEMBERSHIP_END: true,
  RUNNING_MEMBERSHIP_STATUS: true,
  SPECIAL_MEMBERSHIP: true,
  LEGAL_HOLD: true,
};

function ConditionText({ condition }: { condition: ConditionPolicy }) {
  const t = useTranslations('policy');
  const period = condition.period ? periodText(t, { value: condition.period.months, unit: 'months' }) : '';
  return (
    <>
      {t(`conditions.${condition.code}`, { period })}
      {condition.source ? (
        <span className="block text-xs text-muted [overflow-wrap:anywhere]" data-testid="condition-source">
          {t.rich('sourceWording', { source: condition.source, words: () => <SourceName phrase={condition.source!} /> })}
        </span>
      ) : null}
    </>
  );
}

/**
 * The deletion conditions: code, meaning in words (with the source's wording), until when. On a
 * phone one card per condition, as the category table.
 */
export function ConditionsTable({ conditions }: { conditions: ConditionPolicy[] }) {
  const t = useTranslations('policy');
  return (
    <>
      <ul className="space-y-3 sm:hidden" aria-label={t('conditionsCaption')}>
        {conditions.map((c) => (
          <li key={c.code} className="rounded-md border border-line p-3 text-sm">
            <p className="font-semibold text-ink [overflow-wrap:anywhere]">
              <ConditionName code={c.code} />
            </p>
            <p className="mt-1">
              <ConditionText condition={c} />
            </p>
            <p className="mt-2 text-xs">
              <span className="font-medium tracking-wide text-muted uppercase">{t('conditionColumns.until')}</span>{' '}
              <ConditionUntil condition={c} />
            </p>
          </li>
        ))}
      </ul>
      <ScrollRegion labelledBy="policy-conditions-caption" className="hidden sm:block">
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm" data-testid="policy-conditions">
        <caption id="policy-conditions-caption" className="sr-only">
          {t('conditionsCaption')}
        </caption>
        <thead>
          <tr className="border-b border-line text-xs tracking-wide text-muted uppercase">
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('conditionColumns.code')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('conditionColumns.condition')}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t('conditionColumns.until')}
            </th>
          </tr>
        </thead>
        <tbody>
          {conditions.map((c) => {
            return (
              <tr key={c.code} data-condition={c.code} data-in-force={String(c.inForce)} className="border-b border-line align-top last:border-0">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <ConditionName code={c.code} className="font-semibold text-ink [overflow-wrap:anywhere]" />
                </th>
                <td className="py-2 pr-4">
                  <ConditionText condition={c} />
                </td>
                <td className="py-2">
                  <ConditionUntil condition={c} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      </ScrollRegion>
    </>
  );
}

/** The not-yet-due reasons of the actor report, with their codes. */
export function NotDueList({ codes }: { codes: PolicyTable['notDueReasons'] }) {
  const t = useTranslations('policy');
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]" data-testid="policy-not-due">
      {codes.map((code) => (
        <div key={code} className="contents">
          <dt>
            <ConditionName code={code} className="font-medium [overflow-wrap:anywhere]" />
          </dt>
          <dd className="text-muted">{t(`notDue.${code}`)}</dd>
        </div>
      ))}
    </dl>
  );
}
