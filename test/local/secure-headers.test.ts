// The local server's security headers: read from hono's secureHeaders once, set on the Node response before the app.
import { describe, expect, it } from 'vitest';
import { localSecureHeaderList, withSecureHeaders } from '../../functions/local/secure-headers.ts';

describe('local security headers', () => {
  it('the list is what the secureHeaders middleware sets, the S3 endpoint allowed for images', async () => {
    const list = new Map(await localSecureHeaderList('http://127.0.0.1:4569'));
    expect(list.get('content-security-policy')).toContain("script-src 'self';");
    expect(list.get('content-security-policy')).toContain("img-src 'self' data: blob: http://127.0.0.1:4569");
    expect(list.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(list.get('x-frame-options')).toBe('DENY');
    expect(list.get('x-content-type-options')).toBe('nosniff');
    expect(list.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(list.has('strict-transport-security')).toBe(false);
    expect([...list.keys()].every((k) => k === k.toLowerCase())).toBe(true);
  });

  it('withSecureHeaders sets each on the Node response, then runs the app', async () => {
    const set: Array<[string, string]> = [];
    const outgoing = { setHeader: (k: string, v: string) => set.push([k, v]) };
    const headers = await localSecureHeaderList(undefined);
    const seen: number[] = [];
    const fetch = withSecureHeaders(() => {
      seen.push(set.length);
      return new Response('ok');
    }, headers);
    const res = await fetch(new Request('http://x/'), { incoming: {}, outgoing } as never);
    expect(await res.text()).toBe('ok');
    expect(set).toEqual(headers);
    expect(seen).toEqual([headers.length]);
  });
});
