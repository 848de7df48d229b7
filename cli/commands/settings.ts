import os from 'node:os';
import readline from 'node:readline';
import type { Db } from '../../db/client';
import { getSettings, getSettingsWithMeta } from '../../db/queries/settings';
import { getEnv } from '../../lib/env';
import { CATEGORY_IDS } from '../../lib/retention/categories';
import type { IsoDate } from '../../lib/retention/dates';
import { SETTING_NAMES, SETTING_UNIT, type SettingName } from '../../lib/retention/settings';
import { changeSettings, type ChangeSettingsResult } from '../../lib/settings/change-settings';
import { categoriesUsingSetting, formatSettingValue, SETTING_DRIVES } from '../../lib/settings/descriptions';
import { InvalidSettingsChangeError, SettingsChangedMeanwhileError } from '../../lib/settings/errors';
import { computeSettingsWhatIf, type SettingsWhatIf } from '../../lib/settings/what-if';
import type { Delay } from '../../lib/settings/kept-longer';
import { settingsChangeProblems, settingsChangeSchema, type SettingsChangeInput } from '../../lib/validation/settings';
import { parse, parseDate, today } from '../args';
import { EXIT, UsageError } from '../errors';
import { createProgressBar } from '../progress';

const USAGE = `usage: retention settings [show] [--json]
       retention settings set NAME=VALUE… --reason TEXT [--yes] [--as-of YYYY-MM-DD] [--json]
settings: ${SETTING_NAMES.join(', ')}`;

export const CONFIRM_PROMPT = 'Apply these changes? Type "yes" to confirm: ';

export type SettingsArgs =
  | { action: 'show'; json: boolean }
  | { action: 'set'; input: SettingsChangeInput; asOf: IsoDate; yes: boolean; json: boolean };

/**
 * Parses and validates `settings [show|set …]` completely before any database work, so bad input
 * exits 2 with nothing changed and nothing written.
 */
export function parseSettingsArgs(argv: string[]): SettingsArgs {
  const { values, positionals } = parse(argv, {
    json: { type: 'boolean', default: false },
    reason: { type: 'string' },
    yes: { type: 'boolean', default: false },
    'as-of': { type: 'string' },
  });
  const [action = 'show', ...rest] = positionals;
  const json = values.json ?? false;

  if (action === 'show') {
    if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"\n${USAGE}`);
    for (const option of ['reason', 'yes', 'as-of'] as const)
      if (values[option] !== undefined && values[option] !== false) throw new UsageError(`--${option} belongs to "settings set"\n${USAGE}`);
    return { action: 'show', json };
  }
  if (action !== 'set') throw new UsageError(`unknown settings command "${action}"\n${USAGE}`);

  if (rest.length === 0) throw new UsageError(`settings set needs at least one NAME=VALUE\n${USAGE}`);
  const changes = rest.map((arg) => {
    const eq = arg.indexOf('=');
    if (eq < 0) throw new UsageError(`"${arg.length > 60 ? `${arg.slice(0, 60)}…` : arg}" is not NAME=VALUE; nothing was changed\n${USAGE}`);
    return { name: arg.slice(0, eq), value: arg.slice(eq + 1) };
  });
  if (values.reason === undefined) throw new UsageError(`settings set needs --reason TEXT (kept in the audit log); nothing was changed\n${USAGE}`);
  const asOf = parseDate(values['as-of'], 'as-of') ?? today();

  const raw = { changes, reason: values.reason };
  const parsed = settingsChangeSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = settingsChangeProblems(parsed.error, raw).map((p) => `  ${p.path.startsWith('reason') ? '--' : ''}${p.message}`);
    throw new UsageError(`invalid settings change, nothing was changed\n${lines.join('\n')}`);
  }
  return { action: 'set', input: parsed.data, asOf, yes: values.yes ?? false, json };
}

/** `retention settings …`. Returns the exit code. */
export async function settingsCommand(db: Db, args: SettingsArgs): Promise<number> {
  if (args.action === 'show') return showSettings(db, args.json);
  return setSettings(db, args);
}

// ---------------------------------------------------------------------------------------------
// show

async function showSettings(db: Db, json: boolean): Promise<number> {
  const [values, meta] = await Promise.all([getSettings(db), getSettingsWithMeta(db)]);
  const metaByName = new Map(meta.map((m) => [m.name, m]));
  const details = SETTING_NAMES.map((name) => {
    const m = metaByName.get(name);
    return {
      name,
      value: values[name],
      unit: SETTING_UNIT[name],
      disabled: values[name] === 0,
      drives: SETTING_DRIVES[name],
      categories: categoriesUsingSetting(name),
      lastChangedAt: m ? m.updatedAt.toISOString() : null,
      lastChangedBy: m ? m.updatedBy : null,
    };
  });
  if (json) {
    process.stdout.write(`${JSON.stringify({ settings: values, details })}\n`);
    return EXIT.ok;
  }
  const rows = details.map((d) => [
    d.name,
    formatSettingValue(d.name, d.value),
    d.drives,
    d.lastChangedAt ? `${formatInstant(d.lastChangedAt)} by ${d.lastChangedBy}` : 'never',
  ]);
  process.stdout.write(`Retention settings (0 disables the rules that use a setting)\n\n${table(['setting', 'value', 'drives', 'last changed'], rows)}\n`);
  return EXIT.ok;
}

function formatInstant(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd()}`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// set

function cliUser(): string {
  try {
    return `cli ${os.userInfo().username}`;
  } catch {
    // No passwd entry for this uid (some containers): still say it came from the command line.
    return 'cli';
  }
}

/** Reads one line from stdin (a terminal or a pipe); null at end of input without a line. */
/**
 * Reads answers from stdin one line at a time. One readline interface for the whole command: piped
 * input ("yes\n1226\n") arrives in one chunk, and a second interface would lose the lines the
 * first had already buffered. Resolves null at the end of input.
 */
const answers = (() => {
  let rl: readline.Interface | undefined;
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  const open = () => {
    if (rl) return;
    rl = readline.createInterface({ input: process.stdin, terminal: false });
    rl.on('line', (line) => {
      const next = waiting.shift();
      if (next) next(line);
      else lines.push(line);
    });
    rl.on('close', () => {
      closed = true;
      for (const next of waiting.splice(0)) next(null);
    });
  };
  return {
    next(): Promise<string | null> {
      open();
      if (lines.length) return Promise.resolve(lines.shift()!);
      if (closed) return Promise.resolve(null);
      return new Promise((resolve) => waiting.push(resolve));
    },
    close() {
      rl?.close();
      process.stdin.pause();
    },
  };
})();

function readLine(): Promise<string | null> {
  return answers.next();
}

function percent(share: number): string {
  if (share === 0) return '0%';
  if (share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(1)}%`;
}

function printWhatIf(w: SettingsWhatIf) {
  const out: string[] = [`What the change would do as of ${w.asOf} (computed by dry runs of the cleanup; nothing changed yet):`];
  const nameWidth = Math.max(...SETTING_NAMES.map((n) => n.length));
  for (const c of w.changes)
    out.push(`  ${c.name.padEnd(nameWidth)}  ${formatSettingValue(c.name, c.oldValue)} → ${formatSettingValue(c.name, c.newValue)}`);
  out.push('');
  out.push(`Actors newly due for removal: ${w.newlyDue.actors} of ${w.actorsTotal} actors (${percent(w.newlyDueShare)})`);
  out.push(`Records newly due: ${w.newlyDue.recordsTotal}`);
  const rows = CATEGORY_IDS.filter((id) => w.current.records[id] || w.proposed.records[id]).map((id) => [
    id,
    String(w.current.records[id]),
    String(w.proposed.records[id]),
    String(w.newlyDue.records[id]),
  ]);
  rows.push(['actors removed', String(w.current.actors), String(w.proposed.actors), String(w.newlyDue.actors)]);
  const widths = [Math.max(14, ...rows.map((r) => r[0]!.length)), 12, 12, 12];
  const line = (cells: string[]) => `  ${cells[0]!.padEnd(widths[0]!)}${cells.slice(1).map((c, i) => c.padStart(widths[i + 1]!)).join('')}`;
  out.push(line(['category', 'due now', 'due after', 'newly due']));
  for (const r of rows) out.push(line(r));
  if (w.keptLonger) {
    const k = w.keptLonger;
    out.push('', 'Kept longer (goes later than it would now, as of today if nothing else changes):');
    const delay = (d: number | null) => (d === null ? '-' : d < 60 ? `${d} days` : `${Math.round(d / 30.4375)} months`);
    const kRows: { label: string; d: Delay }[] = CATEGORY_IDS.filter((id) => (k.records[id]?.count ?? 0) > 0).map((id) => ({ label: id, d: k.records[id]! }));
    if (k.actors.count > 0) kRows.push({ label: 'actors removed', d: k.actors });
    if (kRows.length === 0) out.push('  nothing goes later than it would now');
    else {
      const w0 = Math.max(14, ...kRows.map((r) => r.label.length));
      out.push(`  ${'category'.padEnd(w0)}${'go later'.padStart(10)}${'typically'.padStart(12)}${'at most'.padStart(12)}${'never'.padStart(8)}`);
      for (const r of kRows)
        out.push(
          `  ${r.label.padEnd(w0)}${String(r.d.count).padStart(10)}${delay(r.d.typicalDays).padStart(12)}${delay(r.d.maxDays).padStart(12)}${String(r.d.never).padStart(8)}`,
        );
    }
  }
  out.push(
    '',
    `Saving approves, for the circuit breaker, the ${w.newlyDue.actors} actors newly due` +
      (w.current.actors > 0 ? `; the ${w.current.actors} already due with the current settings are not approved by it.` : '.'),
  );
  if (!w.isExact)
    out.push('', 'Note: some actors were held by another session (a cleanup running now?) or a batch failed; the figures are a lower bound.');
  if (w.exceedsBreaker)
    out.push(
      '',
      `Warning: this makes more actors due than the circuit breaker allows without approval ` +
        `(more than ${w.breaker.maxActors} actors or ${percent(w.breaker.maxShare)} of all actors).`,
    );
  process.stdout.write(`${out.join('\n')}\n`);
}

function printApplied(result: ChangeSettingsResult) {
  const out: string[] = [];
  if (result.changed.length === 0) out.push('No setting changed (the values given are the current ones); nothing was written.');
  else {
    out.push('Saved, with the reason, in the settings audit log:');
    for (const c of result.changed) out.push(`  ${c.name}: ${formatSettingValue(c.name, c.oldValue)} → ${formatSettingValue(c.name, c.newValue)}`);
  }
  if (result.changed.length && result.unchanged.length) out.push(`Unchanged (already set): ${result.unchanged.join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function whatIfJson(w: SettingsWhatIf) {
  return {
    asOf: w.asOf,
    changes: w.changes,
    actorsTotal: w.actorsTotal,
    newlyDue: w.newlyDue,
    newlyDueShare: w.newlyDueShare,
    keptLonger: w.keptLonger,
    current: w.current,
    proposed: w.proposed,
    exceedsBreaker: w.exceedsBreaker,
    breaker: w.breaker,
    isExact: w.isExact,
    currentSettings: w.currentSettings,
    proposedSettings: w.proposedSettings,
  };
}

async function setSettings(db: Db, args: Extract<SettingsArgs, { action: 'set' }>): Promise<number> {
  const bar = createProgressBar('What-if');
  let whatIf: SettingsWhatIf;
  try {
    whatIf = await computeSettingsWhatIf(db, {
      changes: args.input.changes,
      asOf: args.asOf,
      batchActors: getEnv().CLEANUP_BATCH_ACTORS,
      onProgress: (p) => bar.update(p.done, p.total, `dry run ${p.step} of ${p.steps}`),
    });
  } catch (e) {
    if (e instanceof InvalidSettingsChangeError) throw new UsageError(e.message);
    throw e;
  } finally {
    bar.stop();
  }

  const emit = (outcome: { applied: boolean; changed: ChangeSettingsResult['changed']; unchanged: SettingName[]; settings: unknown }) => {
    if (args.json) process.stdout.write(`${JSON.stringify({ whatIf: whatIfJson(whatIf), ...outcome })}\n`);
  };
  if (!args.json) printWhatIf(whatIf);

  if (whatIf.changes.length === 0) {
    if (!args.json) process.stdout.write('\nNo setting changed (the values given are the current ones); nothing was written.\n');
    emit({ applied: false, changed: [], unchanged: args.input.changes.map((c) => c.name), settings: whatIf.currentSettings });
    return EXIT.ok;
  }

  if (!args.yes) {
    process.stderr.write(`\n${CONFIRM_PROMPT}`);
    const answer = await readLine();
    if (answer === null) process.stderr.write('\n');
    let confirmed = answer?.trim().toLowerCase() === 'yes';
    // RETENTION.md: a change that would remove more than the breaker allows needs a second
    // confirmation; here the admin types the number of actors it makes due. `--yes` is the
    // non-interactive answer to both questions (scripts that pass it have read the what-if).
    if (confirmed && whatIf.exceedsBreaker) {
      const n = whatIf.newlyDue.actors;
      process.stderr.write(`This change makes ${n} actors due for removal. Type ${n} to confirm: `);
      const second = await readLine();
      if (second === null) process.stderr.write('\n');
      confirmed = second?.trim() === String(n);
    }
    answers.close();
    if (!confirmed) {
      process.stderr.write('Aborted: nothing changed.\n');
      emit({ applied: false, changed: [], unchanged: [], settings: whatIf.currentSettings });
      return EXIT.failure;
    }
  }

  let result: ChangeSettingsResult;
  try {
    // The confirmed what-if approves the removals the change newly makes due, not the backlog
    // already due with the current settings (RETENTION.md, "Circuit breaker").
    result = await changeSettings(db, {
      ...args.input,
      by: cliUser(),
      expected: whatIf.currentSettings,
      approvedRemovals: whatIf.newlyDue.actors,
      dueBefore: whatIf.current.actors,
    });
  } catch (e) {
    if (e instanceof SettingsChangedMeanwhileError) {
      process.stderr.write(`retention: ${e.message}; run the command again to see the new what-if\n`);
      emit({ applied: false, changed: [], unchanged: [], settings: null });
      return EXIT.failure;
    }
    if (e instanceof InvalidSettingsChangeError) throw new UsageError(e.message);
    throw e;
  }
  if (args.json) emit({ applied: result.changed.length > 0, changed: result.changed, unchanged: result.unchanged, settings: result.settings });
  else {
    process.stdout.write('\n');
    printApplied(result);
  }
  return EXIT.ok;
}
