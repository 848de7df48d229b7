import { noQuerySchema, parseQuery } from '@/lib/validation/api';
import { apiHandler, json } from '@/server/api/handler';
import { getSettingsDto } from '@/server/data/settings';

export const dynamic = 'force-dynamic';

/** GET /api/v1/settings: the five settings with their meaning and last change. */
export const GET = apiHandler('settings.read', async (request) => {
  parseQuery(new URL(request.url), noQuerySchema);
  return json(await getSettingsDto());
});
