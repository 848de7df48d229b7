import { retentionToday } from '@/lib/env';
import { actorIdParamSchema, actorRetentionQuerySchema, parseParam, parseQuery } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { lookUpActorReport } from '@/server/data/actor-report';

export const dynamic = 'force-dynamic';

/** GET /api/v1/actors/<id>/retention?asOf=YYYY-MM-DD: the actor report; 404 with found: false when absent. Access-logged. */
export const GET = apiHandler<{ params: Promise<{ actorId: string }> }>('actor.lookup', async (request, { params, caller }) => {
  const actorId = parseParam((await params).actorId, actorIdParamSchema, 'actorId');
  const query = parseQuery(new URL(request.url), actorRetentionQuerySchema);
  const asOf = query.asOf ?? retentionToday();
  const report = await lookUpActorReport(caller, { actorId, asOf, via: 'api' });
  return json(report, report.found ? 200 : 404);
});
