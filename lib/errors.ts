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
