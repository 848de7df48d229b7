import { describe, expect, it } from 'vitest';
import { checkCsrf, hasBody, isJsonContentType, ownOrigin } from '@/lib/auth/csrf';

/*
 * The CSRF decision of the API's route handlers (lib/auth/csrf.ts): a cookie-authenticated unsafe
 * request must come from the dashboard's own origin and carry no body or a JSON one.
 */

const COOKIE = 'retention.session_token=abc.def';
const URL_ = 'http://localhost:3000/api/v1/cleanup/pause';

function request(method: string, headers: Record<string, string>, url = URL_) {
  return { method, url, headers: new Headers({ host: 'localhost:3000', ...headers }) };
}

const json = { 'content-type': 'application/json', 'content-length': '2' };
const ok = { ok: true };
const refused = expect.objectContaining({ ok: false, message: expect.any(String) });

describe('checkCsrf, AUTH_URL unset (the request host is the own origin)', () => {
  it('accepts the same origin with a JSON body', () => {
    expect(checkCsrf(request('POST', { cookie: COOKIE, origin: 'http://localhost:3000', ...json }), undefined)).toEqual(ok);
  });

  it('accepts the same origin without a body and without a content type', () => {
    expect(checkCsrf(request('POST', { cookie: COOKIE, origin: 'http://localhost:3000' }), undefined)).toEqual(ok);
    expect(checkCsrf(request('DELETE', { cookie: COOKIE, origin: 'http://localhost:3000', 'content-length': '0' }), undefined)).toEqual(ok);
  });

  it('accepts JSON with parameters, in any case', () => {
    const headers = { cookie: COOKIE, origin: 'http://localhost:3000', 'content-type': 'Application/JSON; charset=utf-8', 'content-length': '2' };
    expect(checkCsrf(request('PUT', headers), undefined)).toEqual(ok);
  });

  it('refuses another origin, whatever the method', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) {
      expect(checkCsrf(request(method, { cookie: COOKIE, origin: 'https://evil.example', ...json }), undefined), method).toEqual(refused);
    }
  });

  it('refuses the same host on another scheme or port, and a look-alike host', () => {
    for (const origin of ['https://localhost:3000', 'http://localhost:3001', 'http://localhost', 'http://localhost:3000.evil.example']) {
      expect(checkCsrf(request('POST', { cookie: COOKIE, origin, ...json }), undefined), origin).toEqual(refused);
    }
  });

  it('refuses Origin: null and an origin that is no http(s) URL', () => {
    for (const origin of ['null', 'garbage', 'file://', 'chrome-extension://abc']) {
      expect(checkCsrf(request('POST', { cookie: COOKIE, origin, ...json }), undefined), origin).toEqual(refused);
    }
  });

  it('without Origin: accepts Sec-Fetch-Site same-origin, refuses same-site, cross-site and none, and refuses when both are missing', () => {
    expect(checkCsrf(request('POST', { cookie: COOKIE, 'sec-fetch-site': 'same-origin', ...json }), undefined)).toEqual(ok);
    for (const site of ['same-site', 'cross-site', 'none']) {
      expect(checkCsrf(request('POST', { cookie: COOKIE, 'sec-fetch-site': site, ...json }), undefined), site).toEqual(refused);
    }
    expect(checkCsrf(request('POST', { cookie: COOKIE, ...json }), undefined)).toEqual(refused);
  });

  it('follows the Host header of the request (a dashboard reached at another name)', () => {
    const r = request('POST', { cookie: COOKIE, host: 'retention.lan:8080', origin: 'http://retention.lan:8080', ...json }, 'http://retention.lan:8080/api/v1/cleanup/pause');
    expect(checkCsrf(r, undefined)).toEqual(ok);
    const other = request('POST', { cookie: COOKIE, host: 'retention.lan:8080', origin: 'http://localhost:3000', ...json }, 'http://retention.lan:8080/api/v1/cleanup/pause');
    expect(checkCsrf(other, undefined)).toEqual(refused);
  });

  it('refuses the content types an HTML form can send, and a body without a content type', () => {
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', 'application/json-patch+json']) {
      const headers = { cookie: COOKIE, origin: 'http://localhost:3000', 'content-type': type, 'content-length': '10' };
      expect(checkCsrf(request('POST', headers), undefined), type).toEqual(refused);
    }
    expect(checkCsrf(request('POST', { cookie: COOKIE, origin: 'http://localhost:3000', 'content-length': '10' }), undefined)).toEqual(refused);
    expect(checkCsrf(request('POST', { cookie: COOKIE, origin: 'http://localhost:3000', 'transfer-encoding': 'chunked' }), undefined)).toEqual(refused);
  });

  it('refuses a form content type even on an empty body', () => {
    const headers = { cookie: COOKIE, origin: 'http://localhost:3000', 'content-type': 'application/x-www-form-urlencoded', 'content-length': '0' };
    expect(checkCsrf(request('POST', headers), undefined)).toEqual(refused);
  });
});

describe('checkCsrf, AUTH_URL set', () => {
  const AUTH_URL = 'https://retention.example.org';

  it('accepts AUTH_URL as the origin, whatever the Host (behind a proxy)', () => {
    const r = request('POST', { cookie: COOKIE, host: '127.0.0.1:3000', origin: 'https://retention.example.org', ...json }, 'http://127.0.0.1:3000/api/v1/cleanup/pause');
    expect(checkCsrf(r, AUTH_URL)).toEqual(ok);
  });

  it('refuses the request host when it is not AUTH_URL', () => {
    expect(checkCsrf(request('POST', { cookie: COOKIE, origin: 'http://localhost:3000', ...json }), AUTH_URL)).toEqual(refused);
  });

  it('refuses another origin', () => {
    expect(checkCsrf(request('POST', { cookie: COOKIE, origin: 'https://evil.example', ...json }), AUTH_URL)).toEqual(refused);
  });
});

describe('checkCsrf leaves alone what it must', () => {
  it('does not affect Authorization: Bearer calls, from any origin and with any content type', () => {
    const headers = { authorization: 'Bearer abc', cookie: COOKIE, origin: 'https://evil.example', 'content-type': 'text/plain', 'content-length': '5' };
    expect(checkCsrf(request('POST', headers), undefined)).toEqual(ok);
    expect(checkCsrf(request('POST', { authorization: 'Bearer abc', 'content-type': 'text/plain', 'content-length': '5' }), undefined)).toEqual(ok);
  });

  it('does not affect requests without a cookie (no credentials: they are answered 401)', () => {
    expect(checkCsrf(request('POST', { origin: 'https://evil.example', 'content-type': 'text/plain' }), undefined)).toEqual(ok);
  });

  it('does not affect GET, HEAD and OPTIONS', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(checkCsrf(request(method, { cookie: COOKIE, origin: 'https://evil.example', 'content-type': 'text/plain' }), undefined), method).toEqual(ok);
      expect(checkCsrf(request(method, { cookie: COOKIE }), undefined), method).toEqual(ok);
    }
  });
});

describe('the helpers', () => {
  it('ownOrigin: AUTH_URL, else the scheme of the URL and the Host header', () => {
    expect(ownOrigin(request('POST', {}), 'https://retention.example.org/')).toBe('https://retention.example.org');
    expect(ownOrigin(request('POST', { host: 'Retention.LAN:8080' }), undefined)).toBe('http://retention.lan:8080');
    expect(ownOrigin({ method: 'POST', url: 'https://a.example/x', headers: new Headers() }, undefined)).toBe('https://a.example');
  });

  it('hasBody and isJsonContentType', () => {
    expect(hasBody(new Headers())).toBe(false);
    expect(hasBody(new Headers({ 'content-length': '0' }))).toBe(false);
    expect(hasBody(new Headers({ 'content-length': '12' }))).toBe(true);
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType(' application/json ; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/json')).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});
