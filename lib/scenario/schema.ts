import { z } from 'zod';
import { CATEGORY_IDS, OPENABLE_CATEGORIES, RECORD_TABLE_CATEGORIES, type RecordTableCategory } from '../retention/categories';
import { OTHER_ROLE_KINDS } from '../retention/conditions';
import { SETTING_MAX } from '../retention/settings';
import { isoDateSchema, withoutNul } from '../validation/common';

export { isoDateSchema };

/*
 * The scenario file of INTERFACES.md. Unknown keys are rejected everywhere (but the top-level
 * `description` and `expectations`); category ids, other-role kinds and setting names are closed
 * lists; role, subtype, block and financial codes are open. Text fields have sane length limits,
 * so a megabyte string is refused with its path rather than stored, and hold no NUL character
 * (PostgreSQL text cannot). Dates are real calendar dates of the years 1900 to 2200 (the shared
 * isoDateSchema). Every number is bounded by the column that stores it, so nothing a file says
 * can overflow PostgreSQL: nothing is written when one is out of range.
 */

/** The largest PostgreSQL `integer` (instance ids, statuses, amounts in cents). */
export const INT4_MAX = 2_147_483_647;
/**
 * Actor ids (`actors.id`, `relationships.related_actor_id`) are stored as `bigint` and read as
 * JavaScript numbers: bounded by the largest safe integer, 2^53 − 1, well inside bigint's 2^63 − 1.
 */
const MAX_ACTOR_ID = Number.MAX_SAFE_INTEGER;

const text = (max: number) => withoutNul(z.string().max(max, { message: `must be at most ${max} characters` }));
const actorIdSchema = z.number().int().positive().max(MAX_ACTOR_ID, { message: `must be at most ${MAX_ACTOR_ID}` });
const instanceIdSchema = z.number().int().positive().max(INT4_MAX, { message: `must be at most ${INT4_MAX} (instance ids are 32-bit integers)` });
const upperCode = z
  .string()
  .min(1)
  .max(20)
  .regex(/^[A-Z]+$/, { message: 'must be upper-case letters (A-Z)' });
const int32 = z.number().int().min(-INT4_MAX - 1).max(INT4_MAX);

const settingsSchema = z.strictObject({
  inactiveActorMonths: z.number().int().min(0).max(SETTING_MAX.inactiveActorMonths).optional(),
  financialMonths: z.number().int().min(0).max(SETTING_MAX.financialMonths).optional(),
  historyMonths: z.number().int().min(0).max(SETTING_MAX.historyMonths).optional(),
  personalDataMonths: z.number().int().min(0).max(SETTING_MAX.personalDataMonths).optional(),
  optOutLoanDays: z.number().int().min(0).max(SETTING_MAX.optOutLoanDays).optional(),
});

const personalSchema = z.strictObject({
  name: text(500).nullable().optional(),
  street: text(500).nullable().optional(),
  postalCode: text(20).nullable().optional(),
  city: text(200).nullable().optional(),
  district: text(200).nullable().optional(),
  email: text(320).nullable().optional(),
  phone: text(50).nullable().optional(),
});

const roleSchema = z.strictObject({
  instanceId: instanceIdSchema,
  type: upperCode,
  subtype: text(20).min(1).nullable().optional(),
  status: int32,
  startDate: isoDateSchema.nullable().optional(),
  endDate: isoDateSchema.nullable().optional(),
  deregistrationDate: isoDateSchema.nullable().optional(),
});

const recordSchema = z.strictObject({
  date: isoDateSchema,
  open: z.boolean().optional(),
  relatedActorId: actorIdSchema.optional(),
});

const recordsShape = Object.fromEntries(
  RECORD_TABLE_CATEGORIES.map((id) => [id, z.array(recordSchema).max(100_000).optional()]),
) as Record<RecordTableCategory, z.ZodOptional<z.ZodArray<typeof recordSchema>>>;

const actorSchema = z.strictObject({
  actorId: actorIdSchema,
  registeredOn: isoDateSchema,
  // Not given: loan history on, the loan_history age rule applies (the shorter opt-out rule only
  // applies to customers who switched it off).
  loanHistoryOptIn: z.boolean().default(true),
  personal: personalSchema.nullable().optional(),
  roles: z.array(roleSchema).max(10_000).default([]),
  otherRoles: z.array(z.strictObject({ kind: z.enum(OTHER_ROLE_KINDS) })).max(1000).default([]),
  blocks: z.array(z.strictObject({ type: upperCode, createdOn: isoDateSchema.nullable().optional() })).max(10_000).default([]),
  credentials: z.array(z.strictObject({ username: text(200).min(1), sipPort: z.boolean().default(false) })).max(1000).default([]),
  financial: z
    .array(
      z.strictObject({
        kind: text(50).min(1),
        bookedOn: isoDateSchema,
        amountCents: int32,
        settled: z.boolean(),
      }),
    )
    .max(100_000)
    .default([]),
  loans: z
    .array(
      z.strictObject({
        instanceId: instanceIdSchema,
        itemId: text(100).min(1),
        loanedOn: isoDateSchema,
        returnedOn: isoDateSchema.nullable().optional(),
      }),
    )
    .max(100_000)
    .default([]),
  records: z.strictObject(recordsShape).default({}),
  /** A removal request recorded on that day (RETENTION.md, "Removal on request"). */
  removalRequestedOn: isoDateSchema.optional(),
  /** A legal hold placed before every as-of date of the file; `until: null` holds without end. */
  legalHold: z.strictObject({ until: isoDateSchema.nullable(), reason: text(1000).min(1) }).optional(),
});

export const scenarioSchema = z
  .strictObject({
    description: text(10_000).optional(),
    settings: settingsSchema.optional(),
    systemOptions: z.array(upperCode).max(100).optional(),
    instances: z.array(z.strictObject({ id: instanceIdSchema, name: text(200).min(1) })).max(10_000).default([]),
    actors: z.array(actorSchema).max(2_000_000).default([]),
    expectations: z.array(z.unknown()).optional(),
    forecastExpectations: z.array(z.unknown()).optional(),
    selectionExpectations: z.array(z.unknown()).optional(),
  })
  .superRefine((scenario, ctx) => {
    const instanceIds = new Set<number>();
    scenario.instances.forEach((instance, i) => {
      if (instanceIds.has(instance.id)) ctx.addIssue({ code: 'custom', path: ['instances', i, 'id'], message: `duplicate instance id ${instance.id}` });
      instanceIds.add(instance.id);
    });
    const actorIds = new Set<number>();
    scenario.actors.forEach((actor, a) => {
      if (actorIds.has(actor.actorId)) ctx.addIssue({ code: 'custom', path: ['actors', a, 'actorId'], message: `duplicate actor id ${actor.actorId}` });
      actorIds.add(actor.actorId);
      actor.roles.forEach((role, r) => {
        if (!instanceIds.has(role.instanceId))
          ctx.addIssue({ code: 'custom', path: ['actors', a, 'roles', r, 'instanceId'], message: `no instance with id ${role.instanceId} in this file` });
      });
      actor.loans.forEach((loan, l) => {
        if (!instanceIds.has(loan.instanceId))
          ctx.addIssue({ code: 'custom', path: ['actors', a, 'loans', l, 'instanceId'], message: `no instance with id ${loan.instanceId} in this file` });
      });
      for (const category of RECORD_TABLE_CATEGORIES) {
        (actor.records[category] ?? []).forEach((record, r) => {
          if (record.open !== undefined && !OPENABLE_CATEGORIES.has(category))
            ctx.addIssue({ code: 'custom', path: ['actors', a, 'records', category, r, 'open'], message: `only holds and tickets can be open` });
          if (record.relatedActorId !== undefined && category !== 'relationships')
            ctx.addIssue({
              code: 'custom',
              path: ['actors', a, 'records', category, r, 'relatedActorId'],
              message: `only relationships name a related actor`,
            });
        });
      }
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioActor = Scenario['actors'][number];

/** `actors[3].roles[0].endDate` from a zod issue path. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(name) ? (out ? `.${name}` : name) : `[${JSON.stringify(name)}]`;
    }
  }
  return out || '(root)';
}

export class ScenarioError extends Error {
  readonly code = 'BAD_SCENARIO';
  constructor(
    message: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/** All category ids, for messages about `records` keys that are not record categories. */
export const ALL_CATEGORY_IDS: readonly string[] = CATEGORY_IDS;

/**
 * Parses a scenario file's text. Throws a ScenarioError naming the JSON path at fault: for text
 * that is empty, truncated or not JSON, and for every schema violation.
 */
export function parseScenarioText(textValue: string): Scenario {
  if (textValue.trim() === '') throw new ScenarioError('the scenario file is empty', [{ path: '(root)', message: 'empty file' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(textValue);
  } catch (e) {
    const message = `not valid JSON: ${(e as Error).message}`;
    throw new ScenarioError(message, [{ path: '(root)', message }]);
  }
  return parseScenario(raw);
}

/** Validates a parsed scenario document. */
export function parseScenario(raw: unknown): Scenario {
  const result = scenarioSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 20).map((issue) => {
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => JSON.stringify(k)).join(', ');
      const inRecords = issue.path.at(-1) === 'records';
      message = inRecords
        ? `unknown category ${keys} (record categories: ${RECORD_TABLE_CATEGORIES.join(', ')})`
        : `unknown key ${keys}`;
    }
    return { path: formatJsonPath(issue.path), message };
  });
  const first = problems[0];
  throw new ScenarioError(`bad scenario at ${first?.path}: ${first?.message}`, problems);
}
