import { handleAuthRequest } from '@/lib/auth/auth';
import { getServerAuth } from '@/server/auth/auth';

export const dynamic = 'force-dynamic';

/** Better Auth's endpoints: sign-in (rate-limited), sign-out and the session; nothing else (lib/auth/auth.ts). */
async function handle(request: Request): Promise<Response> {
  return handleAuthRequest(await getServerAuth(), request);
}

export { handle as GET, handle as POST };
