// The API Gateway WebSocket events of /ws: the $connect authorizer (CloudFront's origin header and the
// candidate token in ?token=) and the $connect route (registers the connection under the token's attempt).
import { ORIGIN_VERIFY_HEADER, originHeaderMatches } from '../api/middleware/origin-verify.ts';
import type { SignalPush } from '../services/push.ts';

/** What the REQUEST authorizer of a WebSocket $connect receives (the fields used here). */
export interface ConnectAuthorizerEvent {
  type: 'REQUEST';
  methodArn: string;
  headers?: Record<string, string | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
}

/** A WebSocket route event (the fields used here); `authorizer` carries the authorizer's context. */
export interface WebSocketRouteEvent {
  requestContext: {
    eventType: 'CONNECT' | 'DISCONNECT' | 'MESSAGE';
    connectionId: string;
    authorizer?: Record<string, unknown>;
  };
}

export interface AuthorizerResult {
  principalId: string;
  policyDocument: {
    Version: '2012-10-17';
    Statement: Array<{ Action: 'execute-api:Invoke'; Effect: 'Allow' | 'Deny'; Resource: string }>;
  };
  context?: Record<string, string>;
}

const policy = (effect: 'Allow' | 'Deny', arn: string, attemptId?: string): AuthorizerResult => ({
  principalId: attemptId ?? 'refused',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: arn }],
  },
  ...(attemptId ? { context: { attemptId } } : {}),
});

const header = (headers: Record<string, string | undefined> | undefined, name: string) =>
  Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

const isAuthorizerEvent = (e: unknown): e is ConnectAuthorizerEvent =>
  typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'REQUEST';

/** One function serves both: a Deny answers the browser 403 and no route runs; the route registers. */
export const pushEvents =
  (push: SignalPush, originVerify: string | undefined) =>
  async (
    event: ConnectAuthorizerEvent | WebSocketRouteEvent,
  ): Promise<AuthorizerResult | { statusCode: number }> => {
    if (isAuthorizerEvent(event)) {
      if (originVerify && !originHeaderMatches(originVerify, header(event.headers, ORIGIN_VERIFY_HEADER)))
        return policy('Deny', event.methodArn);
      try {
        const claims = await push.authorize(event.queryStringParameters?.token);
        return policy('Allow', event.methodArn, claims.aid);
      } catch {
        return policy('Deny', event.methodArn);
      }
    }
    const { eventType, connectionId, authorizer } = event.requestContext;
    if (eventType !== 'CONNECT') return { statusCode: 200 };
    const attemptId = authorizer?.attemptId;
    if (typeof attemptId !== 'string' || attemptId.length === 0) return { statusCode: 403 };
    await push.register(attemptId, connectionId);
    return { statusCode: 200 };
  };
