import type { Db } from '../../db/client';
import { createDemoLibrary, type DemoProgress } from '../../lib/demo/create-demo-library';
import { DEMO_DEFAULTS } from '../../lib/demo/defaults';
import { DemoJobNotReadyError } from '../../lib/demo/history';
import { getEnv } from '../../lib/env';
import { LibraryNotEmptyError } from '../../lib/scenario/load';
import { parse, parseDate, parsePositiveInt, today } from '../args';
import { CannotRunNowError, UsageError } from '../errors';
import { createProgressBar } from '../progress';

export function parseDemoArgs(argv: string[]) {
  const { values, positionals } = parse(argv, {
    actors: { type: 'string' },
    seed: { type: 'string' },
    replace: { type: 'boolean', default: false },
    'history-days': { type: 'string' },
    'as-of': { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const actors = values.actors === undefined ? DEMO_DEFAULTS.actors : parsePositiveInt(values.actors, '--actors');
  if (actors < 2 || actors > 20_000_000) throw new UsageError('--actors must be between 2 and 20000000');
  const seed = values.seed === undefined ? DEMO_DEFAULTS.seed : Number(values.seed);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new UsageError(`--seed must be a whole number of 0 or more (got "${values.seed}")`);
  const historyDays = values['history-days'] === undefined ? DEMO_DEFAULTS.historyDays : Number(values['history-days']);
  if (!Number.isInteger(historyDays) || historyDays < 0 || historyDays > 3650) throw new UsageError('--history-days must be a whole number from 0 to 3650');
  return { actors, seed, historyDays, replace: values.replace ?? false, asOf: parseDate(values['as-of'], 'as-of') ?? today(), json: values.json ?? false };
}

/** `retention demo`: replaces the library with a generated demo library. */
export async function demoCommand(db: Db, args: ReturnType<typeof parseDemoArgs>): Promise<number> {
  const bar = createProgressBar('Demo library', !args.json);
  const onProgress = (p: DemoProgress) => {
    if (p.phase === 'generate') bar.update(p.done, p.total, `generating actors`);
    else if (p.phase === 'load') bar.update(p.done, p.total, `loading ${p.table}`);
    else if (p.phase === 'schedule') bar.update(p.done, p.total, `planning the retention schedule`);
    else bar.update(p.done, p.total, `history: cleanup run for ${p.asOf}`);
  };
  try {
    const result = await createDemoLibrary(db, {
      actors: args.actors,
      seed: args.seed,
      today: args.asOf,
      replace: args.replace,
      historyDays: args.historyDays,
      timeZone: getEnv().RETENTION_TIME_ZONE,
      onProgress,
    });
    bar.stop();
    if (args.json) process.stdout.write(`${JSON.stringify({ ...result, seed: args.seed, asOf: args.asOf })}\n`);
    else
      process.stdout.write(
        `Demo library made for ${args.asOf}: ${result.actors} actors (seed ${args.seed}), ${result.rows} rows, ` +
          `generated in ${(result.generateMs / 1000).toFixed(1)} s, loaded in ${(result.loadMs / 1000).toFixed(1)} s, ` +
          `retention schedule planned in ${(result.scheduleMs / 1000).toFixed(1)} s; ` +
          (args.historyDays > 0
            ? `${args.historyDays} days of history: ${result.historyRuns} cleanup runs in ${(result.historyMs / 1000).toFixed(1)} s ` +
              `(${result.historyTrips} tripped the circuit breaker, acknowledged by admin@demo.test; ${result.historyFailedBatches} failed batches, done by a later run).\n`
            : `no history.\n`) +
          `The worked example of RETENTION.md is actor 1001; actors 10001–${args.historyDays > 0 ? '10019' : '10018'} each show one deletion condition` +
          (args.historyDays > 0 ? ` (10019 a legal hold), 10020 a removal request that waits.\n` : `.\n`) +
          (result.loginsCreated.length
            ? `Demo logins created (password demo-password): ${result.loginsCreated.join(', ')}\n`
            : `The demo logins already exist (manager@, ops@, support@, admin@demo.test).\n`),
      );
    return 0;
  } catch (e) {
    bar.stop();
    if (e instanceof LibraryNotEmptyError) throw new UsageError(e.message);
    if (e instanceof DemoJobNotReadyError) throw new CannotRunNowError(e.message);
    throw e;
  }
}
