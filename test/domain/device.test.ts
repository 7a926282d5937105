import { describe, expect, it } from 'vitest';
import type { AttemptMeta } from '../../functions/domain/attempt.ts';
import { admitLogin, bindHandover, isCurrentDevice } from '../../functions/domain/device.ts';

const meta = (over: Partial<AttemptMeta> = {}): AttemptMeta => ({
  attemptId: 'a1',
  sessionId: 's1',
  examId: 'e1',
  examVersion: 1,
  regNo: 'R1',
  formationId: 'f',
  formationType: 'umum',
  seed: '00',
  state: 'running',
  startedAt: 0,
  durationMs: 1,
  extensionsMs: 0,
  pausedMs: 0,
  deviceEpoch: 1,
  version: 1,
  ...over,
});

describe('isCurrentDevice', () => {
  it.each([
    ['bound device', meta({ deviceNonce: 'n1' }), 1, 'n1', true],
    ['other browser of the same epoch', meta({ deviceNonce: 'n1' }), 1, 'n2', false],
    ['token without a nonce, attempt bound', meta({ deviceNonce: 'n1' }), 1, undefined, false],
    ['retired epoch', meta({ deviceEpoch: 2, deviceNonce: 'n1' }), 1, 'n1', false],
    ['attempt from before device binding', meta(), 1, undefined, true],
  ] as const)('%s -> %s', (_n, m, epoch, nonce, expected) => {
    expect(isCurrentDevice(m, epoch, nonce)).toBe(expected);
  });
});

describe('admitLogin', () => {
  it.each([
    ['no attempt yet', undefined, true, 'fresh'],
    ['running, no handover', meta(), true, 'deviceActive'],
    ['paused, no handover', meta({ state: 'paused' }), true, 'deviceActive'],
    ['running, handover approved', meta({ handoverOpen: true }), true, 'handover'],
    ['submitted', meta({ state: 'submitted' }), false, 'finished'],
    ['running but past deadline + grace', meta(), false, 'finished'],
  ] as const)('%s -> %s', (_n, m, live, expected) => {
    expect(admitLogin(m, live)).toBe(expected);
  });

  it('a handover binds the new device once', () => {
    const bound = bindHandover(meta({ deviceEpoch: 2, handoverOpen: true, deviceNonce: 'old' }), 'new');
    expect(bound).toMatchObject({ deviceEpoch: 2, handoverOpen: false, deviceNonce: 'new' });
    expect(admitLogin(bound, true)).toBe('deviceActive');
  });
});
