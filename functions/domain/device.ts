// One device per attempt: which device may write, when a new login is admitted (a proctor-approved handover).
import type { AttemptMeta } from './attempt.ts';

type DeviceMeta = Pick<AttemptMeta, 'deviceEpoch' | 'deviceNonce' | 'handoverOpen'>;

/**
 * The device a token names is the attempt's device when its epoch is current and, once the attempt has
 * bound a device (start, or a handover login), its nonce is the bound one. A second login before start
 * gets another nonce, so whichever device starts the attempt is the only one that can write or read the form.
 */
export const isCurrentDevice = (meta: DeviceMeta, epoch: number, nonce: string | undefined): boolean =>
  epoch === meta.deviceEpoch && (meta.deviceNonce === undefined || meta.deviceNonce === nonce);

export type LoginAdmission = 'fresh' | 'finished' | 'handover' | 'deviceActive';

/**
 * A login for an attempt: no attempt yet or a finished one -> admitted ('fresh' / 'finished'); a live
 * attempt -> admitted only through a handover the proctor opened ('handover', which the login consumes),
 * else refused ('deviceActive'). `live` = running or paused and still accepting answers.
 */
export const admitLogin = (
  meta: (DeviceMeta & Pick<AttemptMeta, 'state'>) | undefined,
  live: boolean,
): LoginAdmission => {
  if (!meta) return 'fresh';
  if (!live || meta.state === 'submitted' || meta.state === 'expired') return 'finished';
  return meta.handoverOpen === true ? 'handover' : 'deviceActive';
};

/** The handover login binds the new device (its nonce) and closes the handover: the old device is out for good. */
export const bindHandover = (meta: AttemptMeta, nonce: string): AttemptMeta => ({
  ...meta,
  handoverOpen: false,
  deviceNonce: nonce,
});
