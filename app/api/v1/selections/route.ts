import { retentionToday } from '@/lib/env';
import { parseSelectionQuery } from '@/lib/validation/selections';
import { apiHandler, json } from '@/server/api/handler';
import { selectCustomers } from '@/server/data/selections';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/selections?instanceId=I&membership=…&loanHistoryOptIn=true|false&borrowedFrom=D&borrowedTo=D&asOf=D
 * (manager, admin): a selection's counts (INTERFACES.md, "Selection"). 400 naming the parameter for
 * every bad one (an unknown instance, a period with one end or ending before it starts, an unknown
 * state); 403 for an instance the caller is not tied to.
 */
export const GET = apiHandler('selection.read', async (request, { caller }) => {
  const query = parseSelectionQuery(new URL(request.url), retentionToday());
  return json(await selectCustomers(caller, query));
});
