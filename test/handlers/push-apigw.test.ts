// The API Gateway adapter of the push port: PostToConnection with the signal's bytes; 410 Gone -> 'gone'
// (the registration is then dropped); other failures are thrown (publish logs them). No API Gateway runs
// locally, so the Management API client is mocked (aws-sdk-client-mock).
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { apiGatewayPush, pushFromEnv } from '../../functions/handlers/push-apigw.ts';

const client = new ApiGatewayManagementApiClient({
  endpoint: 'https://abc.execute-api.ap-southeast-3.amazonaws.com/ws',
  region: 'ap-southeast-3',
  credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
});
const mock = mockClient(client);
afterEach(() => mock.reset());

describe('apiGatewayPush', () => {
  it('posts the message to the connection', async () => {
    mock.on(PostToConnectionCommand).resolves({});
    const push = apiGatewayPush('unused', client);
    expect(await push.post('Ab12=', '{"state":"paused"}')).toBe('sent');
    const call = mock.commandCalls(PostToConnectionCommand)[0]!;
    expect(call.args[0].input.ConnectionId).toBe('Ab12=');
    expect(new TextDecoder().decode(call.args[0].input.Data as Uint8Array)).toBe('{"state":"paused"}');
  });

  it('a connection API Gateway no longer knows is gone', async () => {
    mock.on(PostToConnectionCommand).rejects(new GoneException({ message: 'gone', $metadata: {} }));
    expect(await apiGatewayPush('unused', client).post('Ab12=', '{}')).toBe('gone');
  });

  it('any other failure is thrown', async () => {
    mock
      .on(PostToConnectionCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'LimitExceededException' }));
    await expect(apiGatewayPush('unused', client).post('Ab12=', '{}')).rejects.toThrow('slow down');
  });

  it('only a function given PUSH_ENDPOINT publishes', () => {
    expect(pushFromEnv({})).toEqual({});
    expect(
      pushFromEnv({ PUSH_ENDPOINT: 'https://abc.execute-api.ap-southeast-3.amazonaws.com/ws' }).push,
    ).toBeDefined();
  });
});
