// Client address for rate limits: socket locally, CloudFront-Viewer-Address or the event's source IP on AWS.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, viewerAddress } from '../../functions/api/client-address.ts';
import type { ClientAddressSource } from '../../functions/services/config.ts';

const appFor = (source: ClientAddressSource) => {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(c, source)));
  return app;
};

const spoof = { 'x-forwarded-for': '6.6.6.6', 'x-real-ip': '6.6.6.7' };
const socketEnv = { incoming: { socket: { remoteAddress: '10.0.0.9' } } };
const lambdaEnv = { event: { requestContext: { http: { sourceIp: '130.176.0.1' } } } };

describe('clientAddress', () => {
  it.each([
    ['socket', { headers: spoof }, socketEnv, '10.0.0.9'],
    ['socket without a socket', { headers: spoof }, {}, 'unknown'],
    [
      'cloudfront IPv4',
      { headers: { ...spoof, 'cloudfront-viewer-address': '203.0.113.5:51234' } },
      lambdaEnv,
      '203.0.113.5',
    ],
    [
      'cloudfront IPv6',
      { headers: { 'cloudfront-viewer-address': '2001:db8::7:443' } },
      lambdaEnv,
      '2001:db8::7',
    ],
    ['cloudfront header missing', { headers: spoof }, lambdaEnv, '130.176.0.1'],
    [
      'lambda ignores the CloudFront header',
      { headers: { 'cloudfront-viewer-address': '1.2.3.4:1' } },
      lambdaEnv,
      '130.176.0.1',
    ],
  ] as const)('%s', async (name, init, env, expected) => {
    const source: ClientAddressSource = name.startsWith('socket')
      ? 'socket'
      : name.startsWith('cloudfront')
        ? 'cloudfront'
        : 'lambda';
    const res = await appFor(source).request('/', init, env);
    expect(await res.text()).toBe(expected);
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['nocolon', undefined],
    ['198.51.100.1:80', '198.51.100.1'],
  ])('viewerAddress(%s) = %s', (header, expected) => {
    expect(viewerAddress(header)).toBe(expected);
  });
});
