import type { Db } from '../../db/client';
import { getActorReport } from '../../lib/actors/get-actor-report';
import {
  ActorNotFoundError,
  NoLegalHoldError,
  recordRemovalRequest,
  releaseLegalHold,
  RemovalRequestExistsError,
  RequestInputError,
  requestReasonSchema,
  setLegalHold,
} from '../../lib/requests/requests';
import { parse, parseDate, parsePositiveInt, today } from '../args';
import { UsageError } from '../errors';
import { cliChangedBy } from '../who';

function parseReasonArg(value: string | undefined): string {
  if (value === undefined) throw new UsageError('--reason is required (a reference to the letter, visit or case, 1 to 1,000 characters)');
  const parsed = requestReasonSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`--${parsed.error.issues[0]?.message ?? 'reason is not valid'}`);
  return parsed.data;
}

function oneActorId(positionals: string[]): number {
  if (positionals.length !== 1) throw new UsageError('give exactly one actor id');
  return parsePositiveInt(positionals[0], 'actorId');
}

/** Errors of the requests that are the user's to mend: exit 2 with the message. */
function asUsage(e: unknown): never {
  if (e instanceof RequestInputError) throw new UsageError(`--${e.message}`);
  if (e instanceof ActorNotFoundError || e instanceof RemovalRequestExistsError || e instanceof NoLegalHoldError) throw new UsageError(e.message);
  throw e;
}

export function parseRequestRemovalArgs(argv: string[]) {
  const { values, positionals } = parse(argv, { reason: { type: 'string' }, json: { type: 'boolean', default: false } });
  return { actorId: oneActorId(positionals), reason: parseReasonArg(values.reason), json: values.json ?? false };
}

/** `retention request-removal <actorId> --reason TEXT`: records the request, dated today, and prints what it does. */
export async function requestRemovalCommand(db: Db, args: ReturnType<typeof parseRequestRemovalArgs>): Promise<number> {
  const day = today();
  const recorded = await recordRemovalRequest(db, { actorId: args.actorId, reason: args.reason, by: cliChangedBy(), today: day }).catch(asUsage);
  const report = await getActorReport(db, args.actorId, day);
  if (args.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  }
  const lines = [`removal request ${recorded.requestId} recorded for actor ${args.actorId}, dated ${recorded.requestedOn}`];
  if (report.found) {
    if (report.removal.due) lines.push('the actor is removed by the next cleanup run');
    else if (report.removal.date) lines.push(`the actor is kept until ${report.removal.date}`);
    else lines.push('the actor is kept until a reason without an end date stops holding');
    for (const r of report.removal.reasons) lines.push(`  kept by ${r.code}${r.until ? ` until ${r.until}` : ' (no end date)'}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export function parseHoldArgs(argv: string[]) {
  const { values, positionals } = parse(argv, {
    reason: { type: 'string' },
    until: { type: 'string' },
    release: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  });
  const release = values.release ?? false;
  if (release && values.until !== undefined) throw new UsageError('--until and --release cannot be used together');
  const until = parseDate(values.until, 'until') ?? null;
  return { actorId: oneActorId(positionals), reason: parseReasonArg(values.reason), until, release, json: values.json ?? false };
}

/** `retention hold <actorId> --reason TEXT [--until D]` places or changes a hold; `--release --reason TEXT` releases it. */
export async function holdCommand(db: Db, args: ReturnType<typeof parseHoldArgs>): Promise<number> {
  const by = cliChangedBy();
  const day = today();
  let message: string;
  if (args.release) {
    const released = await releaseLegalHold(db, { actorId: args.actorId, reason: args.reason, by }).catch(asUsage);
    message = `legal hold ${released.holdId} released for actor ${args.actorId}`;
  } else {
    const held = await setLegalHold(db, { actorId: args.actorId, until: args.until, reason: args.reason, by, today: day }).catch(asUsage);
    message = `legal hold ${held.holdId} ${held.changed} for actor ${args.actorId}, ${held.until ? `until ${held.until}` : 'without an end date'}`;
  }
  if (args.json) process.stdout.write(`${JSON.stringify(await getActorReport(db, args.actorId, day))}\n`);
  else process.stdout.write(`${message}\n`);
  return 0;
}
