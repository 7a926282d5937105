// The WebSocket $connect on API Gateway: the authorizer allows a candidate token (with CloudFront's origin
// header when configured) and denies others; the route registers the connection under the authorizer's attempt.
import { beforeAll, describe, expect, it } from 'vitest';
import { pushEvents } from '../../functions/handlers/push-events.ts';
import { createSignalPush } from '../../functions/services/push.ts';
import { type ApiHarness, apiHarness } from '../api/harness.ts';

let h: ApiHarness;
beforeAll(async () => {
  h = await apiHarness(2);
});

const ARN = 'arn:aws:execute-api:ap-southeast-3:123456789012:abc/ws/$connect';
const authorize = (token: string | undefined, headers: Record<string, string> = {}) => ({
  type: 'REQUEST' as const,
  methodArn: ARN,
  headers,
  queryStringParameters: token === undefined ? {} : { token },
});

describe('WebSocket $connect (API Gateway)', () => {
  it('authorizer: a candidate token is allowed with its attempt as context; none, forged or staff denied', async () => {
    const events = pushEvents(createSignalPush(h.deps), undefined);
    const login = await h.loginCandidate(0);
    expect(await events(authorize(login.token))).toEqual({
      principalId: login.attemptId,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: ARN }],
      },
      context: { attemptId: login.attemptId },
    });
    const staff = await h.loginStaff('proctor');
    for (const token of [undefined, 'a.b.c', staff]) {
      const r = await events(authorize(token));
      expect(r).toMatchObject({ policyDocument: { Statement: [{ Effect: 'Deny', Resource: ARN }] } });
      expect(r).not.toHaveProperty('context');
    }
  });

  it('authorizer behind CloudFront: the origin header must match', async () => {
    const events = pushEvents(createSignalPush(h.deps), 'cloudfront-secret-value');
    const login = await h.loginCandidate(1);
    const allowed = await events(authorize(login.token, { 'X-Origin-Verify': 'cloudfront-secret-value' }));
    expect(allowed).toMatchObject({ policyDocument: { Statement: [{ Effect: 'Allow' }] } });
    for (const headers of [{}, { 'x-origin-verify': 'guess' }] as Record<string, string>[]) {
      expect(await events(authorize(login.token, headers))).toMatchObject({
        policyDocument: { Statement: [{ Effect: 'Deny' }] },
      });
    }
  });

  it('route: registers the connection under the authorizer’s attempt; without one, 403 and nothing stored', async () => {
    const events = pushEvents(createSignalPush(h.deps), undefined);
    const login = await h.loginCandidate(0);
    const connect = (authorizer?: Record<string, unknown>) =>
      events({ requestContext: { eventType: 'CONNECT', connectionId: 'Ab12=', authorizer } });
    expect(await connect({ attemptId: login.attemptId, principalId: login.attemptId })).toEqual({
      statusCode: 200,
    });
    expect(await h.store.pushConnections.list(login.attemptId, h.now())).toEqual(['Ab12=']);
    expect(await connect(undefined)).toEqual({ statusCode: 403 });
    expect(await connect({ attemptId: '' })).toEqual({ statusCode: 403 });
    expect(await events({ requestContext: { eventType: 'DISCONNECT', connectionId: 'Ab12=' } })).toEqual({
      statusCode: 200,
    });
  });
});
