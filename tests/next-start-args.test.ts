import { describe, expect, it } from 'vitest';
import { isLoopbackHost, listenUrl, nextStartArgs } from '../scripts/next-start-args';

/* Where the web servers listen: PORT and HOST (127.0.0.1 by default, lib/env.ts). */

describe('nextStartArgs', () => {
  it('binds next start to HOST and PORT', () => {
    expect(nextStartArgs({ port: 3000, host: '127.0.0.1' })).toEqual(['start', '-p', '3000', '-H', '127.0.0.1']);
    expect(nextStartArgs({ port: 8080, host: '0.0.0.0' })).toEqual(['start', '-p', '8080', '-H', '0.0.0.0']);
  });

  it('names the URL it listens on, IPv6 in brackets', () => {
    expect(listenUrl({ port: 3000, host: '127.0.0.1' })).toBe('http://127.0.0.1:3000');
    expect(listenUrl({ port: 3000, host: '::' })).toBe('http://[::]:3000');
    expect(listenUrl({ port: 3000, host: '[::1]' })).toBe('http://[::1]:3000');
  });

  it('tells loopback addresses from the others', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.10', 'retention.lan']) expect(isLoopbackHost(h), h).toBe(false);
  });
});
