import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

export type CliResult = { code: number | null; stdout: string; stderr: string };

/** Runs the real command line (`retention …`) as a child process against the given database. */
export function runCli(args: string[], options: { databaseUrl: string; env?: Record<string, string>; input?: string }): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'cli', 'index.ts'), ...args], {
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
