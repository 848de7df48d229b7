import Form from 'next/form';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { buttonClass } from '@/components/ui/button-styles';
import { SelectField } from '@/components/ui/select-field';
import { DateField } from '@/components/ui/date-field';
import { MEMBERSHIP_FILTERS } from '@/lib/selections/types';

type Field = 'instanceId' | 'membership' | 'loanHistoryOptIn' | 'borrowedFrom' | 'borrowedTo' | 'asOf';

type Props = {
  /** What the URL asked for (even when bad), the instance and the as-of date defaulted. */
  values: Record<Field, string>;
  instances: { id: number; name: string }[];
  /** The instance a tied login is limited to: named, not chosen. */
  tiedTo: { id: number; name: string } | null;
  errors: Partial<Record<Field, string[]>>;
};

/**
 * The criteria of a selection in a GET form, so they live in the URL (named as the API names its
 * parameters) and a selection can be bookmarked. Works by keyboard and without JavaScript;
 * next/form navigates on the client when it can.
 */
export async function CriteriaForm({ values, instances, tiedTo, errors }: Props) {
  const t = await getTranslations('selections');
  const membershipOptions = MEMBERSHIP_FILTERS.map((m) => ({ value: m, label: `${t(`membership.${m}`)} (${m})` }));
  const optInOptions = [
    { value: '', label: t('criteria.optInAny') },
    { value: 'true', label: t('criteria.optInOn') },
    { value: 'false', label: t('criteria.optInOff') },
  ];
  return (
    <Form action="/selections" className="space-y-4" data-testid="criteria-form">
      <div className="grid items-start gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {tiedTo ? (
          <div data-testid="instance-tied">
            <p className="text-sm font-medium text-ink">{t('criteria.instance')}</p>
            <p className="mt-1 text-sm text-ink">
              <span className="font-semibold">{tiedTo.name}</span>
            </p>
            <p className="mt-0.5 text-xs text-muted">{t('criteria.instanceTied', { name: tiedTo.name })}</p>
            {errors.instanceId ? (
              <p className="mt-1 text-sm text-danger" role="alert">
                {errors.instanceId.join(' ')}
              </p>
            ) : null}
          </div>
        ) : (
          <SelectField
            name="instanceId"
            label={t('criteria.instance')}
            options={instances.map((i) => ({ value: String(i.id), label: i.name }))}
            defaultValue={values.instanceId}
            errors={errors.instanceId}
          />
        )}
        <SelectField
          name="membership"
          label={t('criteria.membership')}
          options={membershipOptions}
          defaultValue={values.membership || 'member'}
          errors={errors.membership}
        />
        <SelectField name="loanHistoryOptIn" label={t('criteria.optIn')} options={optInOptions} defaultValue={values.loanHistoryOptIn} errors={errors.loanHistoryOptIn} />
        <DateField name="borrowedFrom" label={t('criteria.borrowedFrom')} defaultValue={values.borrowedFrom} errors={errors.borrowedFrom} className="" />
        <DateField name="borrowedTo" label={t('criteria.borrowedTo')} defaultValue={values.borrowedTo} errors={errors.borrowedTo} className="" />
        <DateField name="asOf" label={t('criteria.asOf')} defaultValue={values.asOf} errors={errors.asOf} className="" />
      </div>
      <p className="max-w-3xl text-xs text-muted">
        {t('criteria.periodHint')} {t('criteria.asOfHint')}
      </p>
      <p className="max-w-3xl text-xs text-muted" data-testid="wise-active-explained">
        {t('criteria.wiseActiveExplained')}
      </p>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass('primary')}>
          {t('criteria.show')}
        </button>
        <Link href="/selections" className={buttonClass('secondary')}>
          {t('criteria.reset')}
        </Link>
      </div>
    </Form>
  );
}
