import { retentionToday } from '@/lib/env';
import { DEFAULT_STATEMENT_LANG } from '@/lib/requests/statement-text';
import { actorIdParamSchema, actorStatementQuerySchema, parseParam, parseQuery } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { getRetentionStatement } from '@/server/data/statement';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/actors/<id>/statement?asOf=YYYY-MM-DD&lang=nl|en (support, admin): the retention
 * statement, `{ actorId, asOf, lang, found, report, text }`, the report unchanged and the wording
 * the screen /actors/<id>/statement prints; 404 with found: false when absent; 400 naming `asOf`
 * or `lang`. Access-logged (channel `statement`).
 */
export const GET = apiHandler<{ params: Promise<{ actorId: string }> }>('actor.statement', async (request, { params, caller }) => {
  const actorId = parseParam((await params).actorId, actorIdParamSchema, 'actorId');
  const query = parseQuery(new URL(request.url), actorStatementQuerySchema);
  const statement = await getRetentionStatement(caller, { actorId, asOf: query.asOf ?? retentionToday(), lang: query.lang ?? DEFAULT_STATEMENT_LANG });
  return json(statement, statement.found ? 200 : 404);
});
