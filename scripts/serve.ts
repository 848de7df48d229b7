/**
 * The dashboard's web server (what `npm start` runs once the build and the database are ready):
 * Next's own request handler behind a plain Node HTTP server, listening on HOST:PORT. It exists
 * for one reason: `next start` passes a client's `X-Forwarded-For` on as it is, so a client could
 * pick the address the sign-in rate limit keys on. Here every request's `X-Forwarded-For` is
 * replaced first by the address the connection really comes from, or, behind a proxy listed in
 * TRUSTED_PROXIES, by the client address that proxy reports (lib/http/client-address.ts).
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getEnv } from '../lib/env';
import { parseTrustedProxies, withClientAddress } from '../lib/http/client-address';
import { listenUrl } from './next-start-args';

const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<void> {
  const env = getEnv();
  const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
  // As `next start` does: the built app, in production mode (set before Next is loaded).
  (process.env as Record<string, string>).NODE_ENV = 'production';
  const { default: next } = await import('next');
  const app = next({ dev: false, dir: projectDir, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer(withClientAddress(trusted, (request: http.IncomingMessage, response: http.ServerResponse) => handle(request, response)));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  console.log(`Listening on ${listenUrl({ port: env.PORT, host: env.HOST })}${trusted.isEmpty ? '' : ' (X-Forwarded-For believed from TRUSTED_PROXIES)'}`);

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void app.close().finally(() => process.exit(0)));
    // Keep-alive connections would hold close() open.
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error('the web server failed to start:', e instanceof Error ? e.message : e);
  process.exit(1);
});
