// Staff views built from domain records: a session as listed to admins/proctors, one row of the attempts monitor.
import type { AttemptMeta, Session } from '../domain/attempt.ts';
import { deadlineOf } from '../domain/timing.ts';
import type { AttemptSummary, SessionView } from '../schemas/staff.ts';

export const sessionView = (s: Session): SessionView => ({
  id: s.id,
  examId: s.examId,
  examVersion: s.examVersion,
  title: s.title,
  site: s.site,
  opensAt: s.opensAt,
  closesAt: s.closesAt,
  capacity: s.capacity,
  pinsReleased: s.pinsReleased,
  secretCommitment: s.secretCommitment,
  room: s.room,
  timeZone: s.timeZone,
  proctors: s.proctors,
  cancelledAt: s.cancelledAt,
  cancelReason: s.cancelReason,
});

/** One row of the attempts monitor (also the answer to a proctor action). */
export const attemptSummary = (m: AttemptMeta, total: number | null): AttemptSummary => ({
  attemptId: m.attemptId,
  regNo: m.regNo,
  state: m.state,
  startedAt: m.startedAt,
  deadline: deadlineOf(m),
  deviceEpoch: m.deviceEpoch,
  handoverOpen: m.handoverOpen === true,
  total,
});
