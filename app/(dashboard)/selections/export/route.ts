import { retentionToday } from '@/lib/env';
import { BadParameterError } from '@/lib/validation/api';
import { hasNoNul, noNulMessage } from '@/lib/validation/common';
import { parseSelectionExportParams, type RawSelectionParams } from '@/lib/validation/selections';
import { withPermission } from '@/server/auth/require-permission';
import { exportResponse } from '@/server/data/selections';

export const dynamic = 'force-dynamic';

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } as const;

/**
 * The screen's form sends each ticked personal column as its own `columns` field; the API takes
 * them comma-separated, so they are joined here (in the order ticked). Any other parameter given
 * twice, or holding a NUL, is refused as the API refuses it.
 */
function rawOf(url: URL): RawSelectionParams {
  const raw = Object.create(null) as Record<string, string>;
  const columns: string[] = [];
  for (const [key, value] of url.searchParams) {
    if (!hasNoNul(value)) throw new BadParameterError(key, noNulMessage());
    if (key === 'columns') {
      if (value !== '') columns.push(value);
      continue;
    }
    if (key in raw) throw new BadParameterError(key, 'is given more than once');
    raw[key] = value;
  }
  if (columns.length > 0) raw.columns = columns.join(',');
  return raw;
}

const exportAsScreen = withPermission('selection.export', async (request, { caller }) => {
  try {
    const query = parseSelectionExportParams(rawOf(new URL(request.url)), retentionToday());
    return await exportResponse(caller, query, 'screen');
  } catch (e) {
    // A bad parameter of a download is said in plain text (the browser shows it), naming the parameter.
    if (e instanceof BadParameterError) return new Response(`${e.message}\n`, { status: 400, headers: TEXT });
    throw e; // 403 for an instance the caller is not tied to, 500 for anything unexpected
  }
});

/**
 * GET /selections/export?set=customers|items&columns=name&columns=email&… (the Selections
 * screen's download form; the selection's parameters as the API names them): the export as CSV,
 * streamed, access-logged with the channel `screen`. The caller needs `selection.export` (manager,
 * admin), checked here; a request another site made the browser send (`Sec-Fetch-Site:
 * cross-site`: a link or form elsewhere riding on the session cookie) is refused before anything,
 * so no other site can make a signed-in user's browser write an export entry in the access log.
 */
export async function GET(request: Request): Promise<Response> {
  if (request.headers.get('sec-fetch-site') === 'cross-site') {
    return new Response('An export is downloaded from the Selections screen of this dashboard, not from another site.\n', { status: 403, headers: TEXT });
  }
  return exportAsScreen(request, {});
}
