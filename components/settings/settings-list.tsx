import { useTranslations } from 'next-intl';
import { FAMILY_SWATCH, SETTING_INFO } from '@/components/home/setting-info';
import { SettingValue } from '@/components/home/settings-table';
import { LocalDateTime } from '@/components/ui/local-date';
import { CategoryName, useTerms } from '@/components/ui/terms';
import type { SettingScreenEntry } from '@/server/data/settings-screen';
import { SettingHistory } from './setting-history';

/**
 * The five settings, one card each: value and unit, what it drives and the categories, what 0
 * means, who maintains it, the last change, and its history from the audit log.
 */
export function SettingsList({ settings, timeZone }: { settings: SettingScreenEntry[]; timeZone: string }) {
  const t = useTranslations('settings');
  const o = useTranslations('overview');
  const terms = useTerms();
  return (
    <ul className="grid gap-4 xl:grid-cols-2">
      {settings.map((s) => {
        const info = SETTING_INFO[s.name];
        const headingId = `setting-${s.name}`;
        return (
          <li key={s.name} className="min-w-0">
            <article aria-labelledby={headingId} data-testid={`setting-${s.name}`} className="h-full rounded-lg border border-line bg-surface p-4 shadow-sm sm:p-5">
              <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
                <div className="min-w-0">
                  <h3 id={headingId} className="flex items-center gap-2 text-base font-semibold text-ink">
                    <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${FAMILY_SWATCH[info.family]}`} />
                    {o(`settings.${s.name}.label`)}
                  </h3>
                  <code className="ml-4.5 text-xs break-all text-muted">{s.name}</code>
                </div>
                <div className="text-lg" data-testid="setting-value">
                  <SettingValue setting={s} />
                </div>
              </div>
              <dl className="mt-4 grid grid-cols-1 gap-x-4 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
                <dt className="font-medium text-muted">{t('fields.unit')}</dt>
                <dd>
                  {o(`units.${s.unit}`)} <span className="text-xs text-muted">{o('typical', { value: info.typical })}</span>
                </dd>
                <dt className="font-medium text-muted">{t('fields.drives')}</dt>
                <dd>{o(`settings.${s.name}.usedBy`)}</dd>
                <dt className="font-medium text-muted">{t('fields.categories')}</dt>
                <dd>
                  <ul className="flex flex-wrap gap-1.5">
                    {s.categories.map((c) => (
                      <li key={c} data-category={c}>
                        <CategoryName id={c} className="inline-block rounded bg-canvas px-1.5 py-0.5 text-sm text-ink ring-1 ring-line ring-inset [overflow-wrap:anywhere]" />
                      </li>
                    ))}
                  </ul>
                  {/* KSM is a word of the library system: said in a sentence where it appears. */}
                  {s.categories.includes('ksm') ? (
                    <p className="mt-2 text-xs text-muted" data-testid="ksm-explained">
                      <span className="font-medium text-ink">{terms.category('ksm')}:</span> {terms.categoryAbout('ksm')}
                    </p>
                  ) : null}
                </dd>
                <dt className="font-medium text-muted">{t('fields.whenZero')}</dt>
                <dd>{t(`whenZero.${s.name}`)}</dd>
                <dt className="font-medium text-muted">{t('fields.maintainedBy')}</dt>
                <dd>{t('maintainedBy')}</dd>
                <dt className="font-medium text-muted">{t('fields.lastChanged')}</dt>
                <dd>
                  {s.updatedAt ? (
                    <>
                      <LocalDateTime at={s.updatedAt} timeZone={timeZone} className="whitespace-nowrap" />{' '}
                      <span className="break-all text-muted">{t('changedAtBy', { by: s.updatedBy ?? '' })}</span>
                    </>
                  ) : (
                    <span className="text-muted">{t('neverChanged')}</span>
                  )}
                </dd>
              </dl>
              <SettingHistory setting={s} timeZone={timeZone} />
            </article>
          </li>
        );
      })}
    </ul>
  );
}
