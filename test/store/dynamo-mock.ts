// Stubs the lean DynamoDB client's send per operation: only for failures a real dynalite cannot produce on demand.
import { vi } from 'vitest';
import type { DynamoClient } from '../../functions/store/dynamo-client.ts';
import type { DynamoCommand } from '../../functions/store/dynamo-commands.ts';

type AnyCommand = DynamoCommand<unknown, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: the command classes' inputs differ; each fake sees its own.
type CommandClass<I> = new (input: I) => DynamoCommand<I, any>;

/** The part of aws-sdk-client-mock's API the store tests use: on(Command).rejects/callsFake, commandCalls, reset. */
export const mockDynamo = (client: DynamoClient) => {
  const fakes: Array<[CommandClass<never>, (input: never) => unknown]> = [];
  const calls: AnyCommand[] = [];
  const send = async (cmd: AnyCommand): Promise<unknown> => {
    calls.push(cmd);
    const fake = fakes.find(([cls]) => cmd instanceof cls)?.[1];
    return fake ? fake(cmd.input as never) : undefined;
  };
  vi.spyOn(client, 'send').mockImplementation(send as DynamoClient['send']);
  const stub = {
    on: <I>(cls: CommandClass<I>) => ({
      rejects: (e: unknown) => {
        fakes.unshift([cls as unknown as CommandClass<never>, () => Promise.reject(e)]);
        return stub;
      },
      // biome-ignore lint/suspicious/noExplicitAny: a fake reads only the fields it needs, like sinon's.
      callsFake: (fn: (input: any) => unknown) => {
        fakes.unshift([cls as unknown as CommandClass<never>, fn as (input: never) => unknown]);
        return stub;
      },
    }),
    commandCalls: <I>(cls: CommandClass<I>) =>
      calls.filter((c) => c instanceof cls).map((c) => ({ args: [c as DynamoCommand<I, unknown>] as const })),
    reset: () => {
      fakes.length = 0;
      calls.length = 0;
    },
  };
  return stub;
};
