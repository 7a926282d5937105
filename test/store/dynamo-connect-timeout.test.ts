// The store client's connect timeout: one timer per socket the agent opens, only while it connects.
import { EventEmitter } from 'node:events';
import type { Agent } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withConnectTimeout } from '../../functions/store/dynamo-client.ts';

class FakeSocket extends EventEmitter {
  connecting = true;
  destroyedWith: Error | undefined;
  destroy(e?: Error): void {
    this.destroyedWith = e;
    this.emit('close');
  }
}

const fakeAgent = (reuse?: FakeSocket) => {
  const made: FakeSocket[] = [];
  const agent = {
    createConnection: (): FakeSocket => {
      const s = reuse ?? new FakeSocket();
      made.push(s);
      return s;
    },
  };
  return { agent, made, create: () => (agent as { createConnection: () => FakeSocket }).createConnection() };
};

afterEach(() => {
  vi.useRealTimers();
});

describe('withConnectTimeout', () => {
  it('destroys a socket still connecting after the timeout with a TimeoutError (retryable), and only that one', () => {
    vi.useFakeTimers();
    const { agent, create } = fakeAgent();
    withConnectTimeout(agent as unknown as Agent, 100);
    const slow = create();
    const fast = create();
    vi.advanceTimersByTime(50);
    fast.connecting = false;
    fast.emit('connect');
    vi.advanceTimersByTime(60);
    expect(slow.destroyedWith).toMatchObject({ name: 'TimeoutError' });
    expect(slow.destroyedWith?.message).toMatch(/100 ms/);
    expect(fast.destroyedWith).toBeUndefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sets no timer on a socket that is not connecting, and clears it when a connecting one closes first', () => {
    vi.useFakeTimers();
    const open = new FakeSocket();
    open.connecting = false;
    const reused = fakeAgent(open);
    withConnectTimeout(reused.agent as unknown as Agent, 100);
    reused.create();
    expect(vi.getTimerCount()).toBe(0);
    const { agent, create } = fakeAgent();
    withConnectTimeout(agent as unknown as Agent, 100);
    const s = create();
    expect(vi.getTimerCount()).toBe(1);
    s.emit('close');
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(200);
    expect(s.destroyedWith).toBeUndefined();
  });
});
