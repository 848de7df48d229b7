import { buildPolicyTable, wholeYears, type PolicyRule } from '../policy/table';
import { CATEGORY_IDS, type CategoryId } from '../retention/categories';
import type { ReasonCode } from '../retention/conditions';
import type { IsoDate } from '../retention/dates';
import type { RetentionSettings } from '../retention/settings';
import type { FoundActorReport } from '../retention/types';
import { STATEMENT_WORDING, type StatementLang, type StatementWording } from './statement-text';

/*
 * The retention statement (GDPR art. 15; RETENTION.md, "Retention statement"): the actor report of
 * a day, unchanged, with its wording for the customer in Dutch or English. Pure: no I/O, no clock;
 * the screen, the API and the command line all print what this builds, so they say the same.
 */

export type StatementCategoryText = {
  category: CategoryId;
  name: string;
  /** A sentence that explains the name (KSM), or null. */
  about: string | null;
  records: number;
  recordsText: string;
  /** The rule and period of the settings in force, in words. */
  rule: string;
  action: string;
  nextDate: IsoDate | null;
  next: string;
  lastDate: IsoDate | null;
  last: string;
  /** What no rule of the category processes (shown when the last day is not known), or null. */
  note: string | null;
};

export type StatementReasonText = {
  code: ReasonCode;
  text: string;
  until: IsoDate | null;
  untilText: string;
  /** How a reason without an end date ends, where that can be said; null otherwise. */
  ends: string | null;
};

export type StatementText = {
  title: string;
  customer: string;
  asOf: string;
  intro: string;
  status: string[];
  categoriesTitle: string;
  categoriesIntro: string;
  labels: StatementWording['labels'];
  categories: StatementCategoryText[];
  noRecords: string | null;
  reasonsTitle: string;
  reasonsIntro: string;
  reasons: StatementReasonText[];
  noReasons: string | null;
  removalTitle: string;
  removal: string;
  /** The customer's removal request (its date), or null without one. */
  removalRequest: string | null;
  /** That a legal hold holds, with its end; never its reason. Null without one. */
  legalHold: string | null;
  /** The legal basis of the financial archive, when financial records are held. */
  legalBasis: string | null;
  closing: string;
};

export type RetentionStatement = {
  actorId: number;
  asOf: IsoDate;
  lang: StatementLang;
  found: true;
  report: FoundActorReport;
  text: StatementText;
};

export type MissingRetentionStatement = { actorId: number; asOf: IsoDate; lang: StatementLang; found: false };

/** A calendar day written out for the language: "1 maart 2027" / "1 March 2027". */
export function formatStatementDate(lang: StatementLang, date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(STATEMENT_WORDING[lang].intlLocale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

function periodText(w: StatementWording, rule: PolicyRule): string {
  if (rule.unit === 'days') return w.period.days(rule.value);
  const years = wholeYears(rule.value);
  return years === null ? w.period.months(rule.value) : w.period.years(years);
}

/** Builds the retention statement of an actor report in a language, from the settings in force. */
export function buildRetentionStatement(report: FoundActorReport, settings: RetentionSettings, lang: StatementLang): RetentionStatement {
  const w = STATEMENT_WORDING[lang];
  const date = (d: IsoDate) => formatStatementDate(lang, d);
  const policy = new Map(buildPolicyTable(settings).categories.map((row) => [row.category, row]));

  const ruleText = (category: CategoryId): string => {
    const row = policy.get(category)!;
    const parts: string[] = [];
    if (row.optOutRule?.inForce && !report.loanHistoryOptIn) parts.push(w.rule.optOut(periodText(w, row.optOutRule)));
    if (row.ageRule?.inForce) parts.push(w.rule.age(periodText(w, row.ageRule), w.ageBasis[category] ?? ''));
    if (row.cancellationRule?.inForce) parts.push(w.rule.cancellation(periodText(w, row.cancellationRule)));
    if (parts.length === 0) return w.rule.none;
    return parts.reduce((a, b) => w.rule.either(a, b));
  };

  const categories: StatementCategoryText[] = [];
  for (const id of CATEGORY_IDS) {
    const c = report.categories[id];
    if (c.records === 0) continue;
    let next = c.nextDate ? date(c.nextDate) : w.next.none;
    if (c.due > 0) {
      const now = w.next.now(w.records(c.due), date(report.asOf));
      next = c.nextDate ? w.next.then(now, date(c.nextDate)) : now;
    }
    categories.push({
      category: id,
      name: w.categoryNames[id],
      about: w.categoryAbout[id] ?? null,
      records: c.records,
      recordsText: w.records(c.records),
      rule: ruleText(id),
      action: w.action[c.action],
      nextDate: c.nextDate,
      next,
      lastDate: c.lastDate,
      last: c.lastDate ? date(c.lastDate) : w.last.unknown,
      note: c.lastDate === null ? (w.keptWhile[id] ?? null) : null,
    });
  }

  const reasons: StatementReasonText[] = report.removal.reasons.map((r) => ({
    code: r.code,
    text: w.reasons[r.code],
    until: r.until,
    untilText: r.until ? w.until(date(r.until)) : w.noEndDate,
    ends: r.until ? null : (w.reasonEnds[r.code] ?? null),
  }));

  const { removal } = report;
  let removalText: string;
  if (removal.due) removalText = w.removal.due(date(report.asOf));
  else if (removal.date === report.asOf) removalText = w.removal.today(date(removal.date));
  else if (removal.date) removalText = w.removal.on(date(removal.date));
  else
    removalText = w.removal.unknownBecause(
      reasons
        .filter((r) => r.until === null)
        .map((r) => r.text)
        .join(' '),
    );

  // Only that a hold holds and until when: its reason is not in the report and never in here.
  const hold = removal.reasons.find((r) => r.code === 'LEGAL_HOLD');
  const holdsFinancialRecords =
    report.categories.financial_transactions.records > 0 || removal.reasons.some((r) => r.code === 'RECENT_FINANCIAL_ARCHIVE');

  const status = [
    report.active ? w.status.active : report.cancellationDate ? w.status.cancelled(date(report.cancellationDate)) : w.status.neverMember,
    report.loanHistoryOptIn ? w.loanHistory.on : w.loanHistory.off,
  ];

  return {
    actorId: report.actorId,
    asOf: report.asOf,
    lang,
    found: true,
    report,
    text: {
      title: w.title,
      customer: w.customer(report.actorId),
      asOf: w.asOf(date(report.asOf)),
      intro: w.intro,
      status,
      categoriesTitle: w.categoriesTitle,
      categoriesIntro: w.categoriesIntro,
      labels: { ...w.labels },
      categories,
      noRecords: categories.length === 0 ? w.noRecords : null,
      reasonsTitle: w.reasonsTitle,
      reasonsIntro: w.reasonsIntro,
      reasons,
      noReasons: reasons.length === 0 ? w.noReasons : null,
      removalTitle: w.removalTitle,
      removal: removalText,
      removalRequest: removal.requestedOn ? w.removalRequest(date(removal.requestedOn)) : null,
      legalHold: hold ? (hold.until ? w.legalHold.until(date(hold.until)) : w.legalHold.noEnd) : null,
      legalBasis: holdsFinancialRecords ? w.legalBasis : null,
      closing: w.closing,
    },
  };
}

/** The statement as plain text (the command line): the same wording, one block after another. */
export function statementAsPlainText(statement: RetentionStatement): string {
  const t = statement.text;
  const lines: string[] = [t.title, `${t.customer} · ${t.asOf}`, '', t.intro, '', ...t.status, '', t.categoriesTitle];
  if (t.noRecords) lines.push(`  ${t.noRecords}`);
  for (const c of t.categories) {
    lines.push(`- ${c.name}: ${c.recordsText}`);
    if (c.about) lines.push(`    ${c.about}`);
    lines.push(`    ${t.labels.rule}: ${c.rule}`);
    lines.push(`    ${t.labels.action}: ${c.action}`);
    lines.push(`    ${t.labels.next}: ${c.next} · ${t.labels.last}: ${c.last}`);
    if (c.note) lines.push(`    ${c.note}`);
  }
  lines.push('', t.reasonsTitle);
  if (t.noReasons) lines.push(`  ${t.noReasons}`);
  for (const r of t.reasons) lines.push(`- ${r.text}`, `    ${r.untilText}.${r.ends ? ` ${r.ends}` : ''}`);
  lines.push('', t.removalTitle, t.removal);
  for (const extra of [t.removalRequest, t.legalHold, t.legalBasis]) if (extra) lines.push('', extra);
  lines.push('', t.closing);
  return `${lines.join('\n')}\n`;
}
