import { stringify } from 'csv-stringify/sync';
import { CONDITIONS_CSV_COLUMNS, conditionsCsvRows, POLICY_CSV_COLUMNS, policyCsvRows } from '@/lib/policy/table';
import { todayIn } from '@/lib/retention/dates';
import { parseQuery } from '@/lib/validation/api';
import { policyQuerySchema } from '@/lib/validation/policy';
import { apiHandler, json } from '@/server/api/handler';
import { getPolicy } from '@/server/data/policy';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/policy: the retention policy computed from the settings in force (categories with
 * their rules, actor removal, deletion conditions) and the settings' last change.
 * `format=csv` gives the category table as CSV, the rows of the screen's table (`table=conditions`:
 * the deletion conditions), named by the day for the data-protection officer's records.
 */
export const GET = apiHandler('policy.read', async (request) => {
  const query = parseQuery(new URL(request.url), policyQuerySchema);
  const policy = await getPolicy();
  if (query.format !== 'csv') return json(policy);
  const table = query.table ?? 'categories';
  const body =
    table === 'conditions'
      ? stringify(conditionsCsvRows(policy), { header: true, columns: [...CONDITIONS_CSV_COLUMNS] })
      : stringify(policyCsvRows(policy), { header: true, columns: [...POLICY_CSV_COLUMNS] });
  const day = todayIn(policy.timeZone, new Date(policy.generatedAt));
  const filename = table === 'conditions' ? `retention-conditions-${day}.csv` : `retention-policy-${day}.csv`;
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    },
  });
});
