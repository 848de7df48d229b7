/**
 * The request header by which proxy.ts tells server components which page was asked for: a
 * layout has no other way to know it, and the dashboard shell needs it to send a signed-out
 * visitor to /login?next=<that page>. proxy.ts overwrites whatever a client sends in it, and the
 * value is only ever used through safeNextPath.
 */
export const REQUEST_PATH_HEADER = 'x-retention-request-path';
