import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const BIN = path.join(ROOT, 'bin', 'retention.mjs');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs the real command line as a child process against the given database, the way users run it:
 * `bin/retention.mjs`, which runs the bundle of the sources (made again when a source changed).
 */
export function runCli(args: string[], options: { databaseUrl: string; env?: Record<string, string>; input?: string }): Promise<CliResult> {
  return runCommand(process.execPath, [BIN, ...args], options);
}

/** The same from the sources through tsx, without the bundle: to compare the two. */
export function runCliFromSources(args: string[], options: { databaseUrl: string; env?: Record<string, string>; input?: string }): Promise<CliResult> {
  return runCommand(TSX, [path.join(ROOT, 'cli', 'index.ts'), ...args], options);
}

/** Runs `command` in the project folder against the given database, with `input` on stdin; collects its output. */
export function runCommand(command: string, args: string[], options: { databaseUrl: string; env?: Record<string, string>; input?: string }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: options.databaseUrl, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

export const SCENARIO_DIR = path.resolve(ROOT, '../shared/spec/scenarios');
