import { describe, expect, it } from 'vitest';
import { parseScreenActorId, parseScreenAsOf } from '@/lib/validation/actors';

describe('the actor screens’ parameters', () => {
  it.each([
    ['1001', 1001],
    [' 42 ', 42],
    ['007', 7],
    ['+5', 5],
    ['9007199254740991', 9007199254740991],
  ])('accepts %j as actor id %d', (raw, id) => {
    expect(parseScreenActorId(raw)).toEqual({ ok: true, actorId: id });
  });

  it.each([
    ['', 'required'],
    [undefined, 'required'],
    ['abc', 'notANumber'],
    ['1.5', 'notANumber'],
    ['1e3', 'notANumber'],
    ["1001' or 1=1--", 'notANumber'],
    ['0', 'notPositive'],
    ['-5', 'notPositive'],
    ['99999999999999999999', 'tooLarge'],
    ['9007199254740993', 'tooLarge'],
  ])('refuses %j as actor id (%s)', (raw, problem) => {
    expect(parseScreenActorId(raw)).toEqual({ ok: false, problem });
  });

  it('takes an as-of date, empty meaning today, and refuses what is not a real day', () => {
    expect(parseScreenAsOf('2029-08-10')).toBe('2029-08-10');
    expect(parseScreenAsOf(undefined)).toBeUndefined();
    expect(parseScreenAsOf(' ')).toBeUndefined();
    for (const bad of ['2026-02-30', '2026-13-01', 'yesterday', '9'.repeat(5000), '2024-1-1']) expect(parseScreenAsOf(bad)).toBe(false);
  });
});
