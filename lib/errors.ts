/**
 * What a log may say about an unexpected error: its class and code (a PostgreSQL SQLSTATE, a Node
 * error code), never its message, detail or stack, which can carry values such as an actor id.
 */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' || typeof code === 'number' ? `${error.name} ${code}` : error.name;
  }
  return typeof error;
}

/**
 * Logs an unexpected error the one way every part of the product does: a new error id, what
 * failed, and the error's class and code (describeError), never the error object, its message or
 * stack. Returns the id, which an answer may show so a report can be matched to the log line.
 */
export function logUnexpectedError(what: string, error: unknown): string {
  // The Web Crypto global (Node 20 and browsers), so that client components may import this module too.
  const id = globalThis.crypto.randomUUID();
  console.error(`${what} failed (error id ${id}): ${describeError(error)}`);
  return id;
}
