/** Bad input on the command line or in a file: exit code 2, with a message naming the problem. */
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** The cleanup cannot run now (paused, or another run is active): exit code 3. */
export class CannotRunNowError extends Error {
  readonly exitCode = 3;
}

export const EXIT = { ok: 0, failure: 1, badInput: 2, cannotRunNow: 3 } as const;
