// Step constructors for replay, hash-chain and scoring tests.
import type { Actor, Step } from '../../functions/domain/steps.ts';

const proctor: Actor = { role: 'proctor', id: 'p1' };

export const ans = (
  at: number,
  epoch: number,
  seq: number,
  itemId: string,
  choice: string | null,
  rejected?: 'late' | 'afterSubmit' | 'retiredDevice',
): Step => ({
  at,
  deviceEpoch: epoch,
  clientSeq: seq,
  type: 'answered',
  itemId,
  choice,
  ...(rejected ? { rejected } : {}),
});
export const flag = (at: number, epoch: number, seq: number, itemId: string, flagged: boolean): Step => ({
  at,
  deviceEpoch: epoch,
  clientSeq: seq,
  type: 'flagged',
  itemId,
  flagged,
});
export const started = (at: number): Step => ({ at, type: 'started', deviceEpoch: 1 });
export const paused = (at: number): Step => ({ at, type: 'paused', actor: proctor, reason: 'jeda' });
export const resumed = (at: number): Step => ({ at, type: 'resumed', actor: proctor, reason: 'lanjut' });
export const extended = (at: number, minutes: number): Step => ({
  at,
  type: 'extended',
  actor: proctor,
  reason: 'gangguan',
  minutes,
});
export const reset = (at: number, deviceEpoch: number): Step => ({
  at,
  type: 'deviceReset',
  actor: proctor,
  reason: 'ganti perangkat',
  deviceEpoch,
});
export const submitted = (at: number): Step => ({ at, type: 'submitted', actor: { role: 'candidate' } });
export const expired = (at: number): Step => ({
  at,
  type: 'submitted',
  actor: { role: 'system' },
  reason: 'deadline',
});
