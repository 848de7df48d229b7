import { retentionToday } from '@/lib/env';
import { parseSelectionExportQuery } from '@/lib/validation/selections';
import { apiHandler } from '@/server/api/handler';
import { exportResponse } from '@/server/data/selections';

export const dynamic = 'force-dynamic';

/**
 * GET /api/v1/selections/export?set=customers|items&columns=name,email&… (the selection's
 * parameters; manager, admin): the export as CSV, streamed, never stored; access-logged with the
 * caller, the criteria, the columns and the number of rows. The items export needs a period and
 * ignores the customer criteria. 400 naming the parameter (an unknown or repeated column, …).
 */
export const GET = apiHandler('selection.export', async (request, { caller }) => {
  const query = parseSelectionExportQuery(new URL(request.url), retentionToday());
  return exportResponse(caller, query, 'api');
});
