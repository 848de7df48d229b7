import { noQuerySchema, parseQuery } from '@/lib/validation/api';
import { apiHandler } from '@/server/api/handler';
import { renderMetrics } from '@/server/data/metrics';

export const dynamic = 'force-dynamic';

/** GET /metrics (Prometheus text), for ops and admin with a token or a session. */
export const GET = apiHandler('metrics.read', async (request) => {
  parseQuery(new URL(request.url), noQuerySchema);
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
});
