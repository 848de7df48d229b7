import { BADGE_TONES } from '@/components/ui/badge';
import { useLocale, useTranslations } from 'next-intl';
import { formatIsoDate } from '@/i18n/format';
import { AUDIT_ACTIONS } from '@/lib/auth/audit-actions';
import { isUserRole } from '@/lib/auth/permissions';
import type { AuditScreenEntry } from '@/server/data/admin';

// Settings changes keep their own table; every other action is one of the audit log's.
const KNOWN_ACTIONS = ['settings.change', ...AUDIT_ACTIONS] as const;
type KnownAction = (typeof KNOWN_ACTIONS)[number];
export const isKnownAction = (a: string): a is KnownAction => (KNOWN_ACTIONS as readonly string[]).includes(a);

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : S;
/** Message keys cannot hold dots (they nest): `user.role_change` is `user_role_change`. */
export const actionKey = <A extends KnownAction>(action: A) => action.replace('.', '_') as Underscored<A>;

/** Each kind's badge: the family colour on the ring and the tint, the text in ink (the family colours are chart colours, below 7:1 as text). */
export const KIND_STYLE: Record<AuditScreenEntry['kind'], string> = {
  settings: 'bg-cat-actor/10 text-ink ring-cat-actor/60',
  user: 'bg-brand-soft text-brand ring-brand/30',
  token: 'bg-cat-loans/10 text-ink ring-cat-loans/60',
  job: 'bg-cat-history/10 text-ink ring-cat-history/60',
  removal_request: BADGE_TONES.warn,
  legal_hold: BADGE_TONES.danger,
};

/** A change of a login's instance tie, with the instances before and after (lib/auth/users.ts setUserInstance). */
const isInstanceChange = (entry: AuditScreenEntry) => entry.action === 'user.instance_change';

/** What an entry's details say, in words: old → new value and the reason, a role change, sessions signed out. */
export function AuditDetails({ entry }: { entry: AuditScreenEntry }) {
  const t = useTranslations('adminAudit.details');
  const tRoles = useTranslations('common.roles');
  const tUsers = useTranslations('adminUsers');
  const locale = useLocale();
  // Calendar days of the details ('YYYY-MM-DD') as every screen writes them.
  const day = (iso: string) => formatIsoDate(locale, iso);
  const d = entry.details;
  const role = (v: unknown) => (isUserRole(v) ? tRoles(v) : String(v));
  const tie = (id: unknown, name: unknown) => (id === null || id === undefined ? tUsers('allInstancesShort') : typeof name === 'string' ? name : `#${String(id)}`);
  const lines: string[] = [];
  if (entry.kind === 'settings') {
    lines.push(t('settingChange', { oldValue: d.oldValue === null || d.oldValue === undefined ? '—' : String(d.oldValue), newValue: String(d.newValue) }));
    if (typeof d.reason === 'string') lines.push(t('reason', { reason: d.reason }));
  } else {
    if (d.from !== undefined && d.to !== undefined) lines.push(t('roleChange', { from: role(d.from), to: role(d.to) }));
    else if (d.role !== undefined) lines.push(t('role', { role: role(d.role) }));
    // An instance tie (INTERFACES.md, Roles): made with the login or token, or changed.
    if (isInstanceChange(entry)) lines.push(t('instanceChange', { from: tie(d.instanceFrom, d.instanceFromName), to: tie(d.instanceTo, d.instanceName) }));
    else if (d.instanceId !== undefined) lines.push(t('instance', { instance: tie(d.instanceId, d.instanceName) }));
    if (typeof d.hint === 'string') lines.push(t('hint', { hint: d.hint }));
    if (typeof d.sessionsRevoked === 'number') lines.push(t('sessionsRevoked', { count: d.sessionsRevoked }));
    if (d.demo === true) lines.push(t('demo'));
    if (typeof d.approvedActors === 'number') lines.push(t('approvedActors', { count: d.approvedActors }));
    // Requests about one customer: the dates and the reason (a reference), never the actor.
    if (typeof d.requestedOn === 'string') lines.push(t('requestedOn', { date: day(d.requestedOn) }));
    if (d.until !== undefined && entry.action !== 'legal_hold.release')
      lines.push(d.oldUntil !== undefined ? t('untilChange', { from: d.oldUntil === null ? '—' : day(String(d.oldUntil)), to: d.until === null ? '—' : day(String(d.until)) }) : d.until === null ? t('noEnd') : t('until', { date: day(String(d.until)) }));
    if (typeof d.reason === 'string') lines.push(t('reason', { reason: d.reason }));
  }
  if (lines.length === 0) return <span className="text-muted">—</span>;
  return (
    <ul className="space-y-0.5">
      {lines.map((line, i) => (
        <li key={i} className="break-words">
          {line}
        </li>
      ))}
    </ul>
  );
}

