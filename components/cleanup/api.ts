/*
 * The ops screen's calls to the cleanup API (same origin, session cookie). Each API route checks
 * the caller's permission itself; these only carry the answers, and a refusal's code and details.
 */

import type { RunDto } from '@/lib/cleanup/job';

/** A page of the run history: the newest runs that pass the filters, and how many pass them in all. */
export type RunsPage = { runs: RunDto[]; total: number };

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

/** A GET of the API, uncached; a refusal is an ApiCallError with its status. */
async function getOk(url: string): Promise<Response> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new ApiCallError(`HTTP ${response.status}`, response.status);
  return response;
}

export async function getJson<T>(url: string): Promise<T> {
  return (await (await getOk(url)).json()) as T;
}

/** The runs that pass the filters (newest first) and how many pass them in all (the `X-Total-Count` header). */
export async function getRuns(query: URLSearchParams): Promise<RunsPage> {
  const response = await getOk(`/api/v1/cleanup/runs?${query.toString()}`);
  const runs = (await response.json()) as RunDto[];
  const total = Number(response.headers.get('X-Total-Count'));
  return { runs, total: Number.isFinite(total) && total >= runs.length ? total : runs.length };
}

export async function postJson(url: string, body: object = {}): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string; code?: string; details?: Record<string, unknown> } };
  if (!response.ok) throw new ApiCallError(answer.error?.message ?? `HTTP ${response.status}`, response.status, answer.error?.code, answer.error?.details);
  return answer;
}
