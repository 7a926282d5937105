// The API Gateway WebSocket adapter of the PushTransport port: PostToConnection through the Management API.
import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { PushTransport } from '../services/push.ts';

/** `endpoint` = the stage's callback URL, https://<api-id>.execute-api.<region>.amazonaws.com/<stage>. */
export const apiGatewayPush = (
  endpoint: string,
  client = new ApiGatewayManagementApiClient({ endpoint }),
): PushTransport => ({
  async post(connectionId, data) {
    try {
      await client.send(
        new PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(data) }),
      );
      return 'sent';
    } catch (e) {
      // 410: the page closed or lost its network; API Gateway has forgotten the connection.
      if ((e as { name?: string }).name === 'GoneException') return 'gone';
      throw e;
    }
  },
});

/** The functions that publish signals (admin: proctor actions) get PUSH_ENDPOINT from the stack. */
export const pushFromEnv = (env: Record<string, string | undefined>): { push?: PushTransport } =>
  env.PUSH_ENDPOINT ? { push: apiGatewayPush(env.PUSH_ENDPOINT) } : {};
