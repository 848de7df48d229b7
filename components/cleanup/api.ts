/*
 * The ops screen's calls to the cleanup API (same origin, session cookie). Each API route checks
 * the caller's permission itself; these only carry the answers, and a refusal's code and details.
 */

export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new ApiCallError(`HTTP ${response.status}`, response.status);
  return (await response.json()) as T;
}

export async function postJson(url: string, body: object = {}): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string; code?: string; details?: Record<string, unknown> } };
  if (!response.ok) throw new ApiCallError(answer.error?.message ?? `HTTP ${response.status}`, response.status, answer.error?.code, answer.error?.details);
  return answer;
}
