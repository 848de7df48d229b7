import { isDatabaseReachable } from '@/server/data/health';

export const dynamic = 'force-dynamic';

/** Liveness and database reachability for load balancers; public, and it reveals nothing else. */
export async function GET() {
  const isOk = await isDatabaseReachable();
  return Response.json({ ok: isOk }, { status: isOk ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
