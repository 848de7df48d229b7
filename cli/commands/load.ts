import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client';
import { LibraryNotEmptyError, loadScenario } from '../../lib/scenario/load';
import { parseScenarioText, ScenarioError } from '../../lib/scenario/schema';
import { parse } from '../args';
import { UsageError } from '../errors';

/** Reads and validates the file before any database work, so bad input never touches the database. */
export function readScenarioFile(argv: string[]) {
  const { values, positionals } = parse(argv, { replace: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new UsageError('usage: retention load <scenario.json> [--replace]');
  const file = positionals[0]!;
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`${file} is not a file`);
    if (stat.size > 512 * 1024 * 1024) throw new UsageError(`${file} is larger than 512 MiB`);
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    return { scenario: parseScenarioText(text), file, replace: values.replace, json: values.json };
  } catch (e) {
    if (e instanceof ScenarioError) {
      const lines = e.problems.map((p) => `  ${p.path}: ${p.message}`).join('\n');
      throw new UsageError(`${file}: invalid scenario, nothing was loaded\n${lines}`);
    }
    throw e;
  }
}

export async function loadCommand(db: Db, input: ReturnType<typeof readScenarioFile>): Promise<void> {
  try {
    const result = await loadScenario(db, input.scenario, {
      replace: input.replace,
      by: 'cli load',
      reason: `loaded from scenario file ${path.basename(input.file)}`,
    });
    if (input.json) process.stdout.write(`${JSON.stringify({ loaded: true, ...result })}\n`);
    else {
      const settings = result.settingsChanged.length ? `; settings changed: ${result.settingsChanged.join(', ')}` : '';
      process.stdout.write(`Loaded ${result.actors} actors and ${result.instances} instances from ${input.file}${settings}\n`);
    }
  } catch (e) {
    if (e instanceof LibraryNotEmptyError) throw new UsageError(e.message);
    throw e;
  }
}
