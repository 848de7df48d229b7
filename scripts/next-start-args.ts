/**
 * Where a web server of the project listens: `npm start` (scripts/start.ts runs scripts/serve.ts)
 * on PORT and the address HOST (lib/env.ts; 127.0.0.1 by default, as the demo logins have a known
 * password, so only this machine reaches the dashboard; `HOST=0.0.0.0` or `HOST=::` serves on every
 * interface), and the benchmark's plain `next start`.
 */

/** The arguments of a plain `next start` for a port and an address (the benchmark's server). */
export function nextStartArgs(options: { port: number; host: string }): string[] {
  return ['start', '-p', String(options.port), '-H', options.host];
}

/** The URL the server listens on, for the log line (an IPv6 address in brackets). */
export function listenUrl(options: { port: number; host: string }): string {
  const host = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;
  return `http://${host}:${options.port}`;
}

/** True for an address only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}
