// Scheduling use cases: schedule / edit / cancel sessions, assign proctors and candidates, issue PINs. Audited.
import { createHash } from 'node:crypto';
import type { RosterEntry, Session } from '../domain/attempt.ts';
import type { AuditActor } from '../domain/audit-log.ts';
import { DomainError } from '../domain/errors.ts';
import type { CandidateRecord } from '../domain/registry.ts';
import { assignmentProblems, checkEditable, checkSchedule, isCancelled } from '../domain/schedule.ts';
import type { IssuedPin, ScheduleBody, SessionEditBody } from '../schemas/scheduling.ts';
import type { AuditLog } from './audit-log.ts';
import { hashPin } from './auth/pin.ts';
import type { Deps } from './deps.ts';
import { userError } from './errors.ts';
import type { StaffRequest } from './request.ts';
import type { SessionCache } from './session-cache.ts';

const notFound = () => userError('NOT_FOUND.session');

/** Proctors reach only the sessions they are assigned to; admins and auditors reach all. */
export function canReachSession(actor: AuditActor, session: Session): boolean {
  if (actor.role !== 'proctor') return true;
  return (session.proctors ?? []).includes(actor.id);
}

export const createSchedulingService = (deps: Deps, audit: AuditLog, sessionCache: SessionCache) => {
  const { store } = deps;
  const get = async (sessionId: string): Promise<Session> => {
    const s = await store.sessions.get(sessionId);
    if (!s) throw notFound();
    return s;
  };
  const pin = (): string => String(Number.parseInt(deps.randomHex(4), 16) % 1_000_000).padStart(6, '0');
  const save = async (next: Session, previous: Session) => {
    await store.sessions.update(next, previous.opensAt);
    sessionCache.drop(next.id);
  };

  /** regNo -> the (not cancelled) sessions whose roster holds it, from every session's roster. */
  const rosterIndex = async (): Promise<{ sessions: Session[]; of: Map<string, Session[]> }> => {
    const sessions = (await store.sessions.list()).filter((s) => !isCancelled(s));
    const of = new Map<string, Session[]>();
    const rosters = await Promise.all(sessions.map((s) => store.sessions.listRoster(s.id)));
    sessions.forEach((s, i) => {
      for (const e of rosters[i] ?? []) of.set(e.regNo, [...(of.get(e.regNo) ?? []), s]);
    });
    return { sessions, of };
  };

  const entryOf = (sessionId: string, c: CandidateRecord): RosterEntry => ({
    sessionId,
    regNo: c.regNo,
    name: c.name,
    formationId: c.formationId,
    formationType: c.formationType,
    pinHash: '',
    extraMinutes: c.extraMinutes,
  });

  /** Checks capacity and overlaps for all targets first, then writes: a refused request writes nothing. */
  const assignMany = async (req: StaffRequest, plan: Map<string, string[]>, action: string) => {
    const registry = new Map((await store.candidates.listCurrent()).map((c) => [c.regNo, c]));
    const { of } = await rosterIndex();
    const writes: RosterEntry[] = [];
    /** `reason` lets the console say each refusal in its language; `message` stays for logs and the CLI. */
    const problems: Array<{
      sessionId: string;
      regNo?: string;
      reason: 'cancelled' | 'unregistered' | 'capacity' | 'overlap';
      other?: string;
      message: string;
    }> = [];
    for (const [sessionId, regNos] of plan) {
      const target = await get(sessionId);
      if (isCancelled(target))
        problems.push({ sessionId, reason: 'cancelled', message: 'session cancelled' });
      const current = new Set<string>();
      for (const [r, ss] of of) if (ss.some((s) => s.id === sessionId)) current.add(r);
      for (const r of regNos)
        if (!registry.has(r))
          problems.push({
            sessionId,
            regNo: r,
            reason: 'unregistered',
            message: 'not a registered candidate',
          });
      const { overCapacity, overlapping } = assignmentProblems(
        target,
        current,
        regNos,
        (r) => of.get(r) ?? [],
      );
      if (overCapacity > 0)
        problems.push({
          sessionId,
          reason: 'capacity',
          message: `over capacity ${target.capacity} by ${overCapacity}`,
        });
      for (const o of overlapping)
        problems.push({
          sessionId,
          regNo: o.regNo,
          reason: 'overlap',
          other: o.sessionId,
          message: `already in overlapping session ${o.sessionId}`,
        });
      for (const r of new Set(regNos)) {
        const c = registry.get(r);
        if (c && !current.has(r)) {
          writes.push(entryOf(sessionId, c));
          // later targets of the same request see this one
          of.set(r, [...(of.get(r) ?? []), target]);
        }
      }
    }
    if (problems.length > 0) throw userError('CONFLICT.assignmentRefused', { problems });
    await audit.run(
      {
        ...req,
        action,
        target: `sessions:${[...plan.keys()].join(',')}`,
        details: { assigned: writes.length },
      },
      () => store.sessions.putRoster(writes),
    );
    for (const sessionId of plan.keys()) sessionCache.drop(sessionId);
    return { assigned: writes.length };
  };

  return {
    get,
    rosterIndex,

    async schedule(req: StaffRequest, body: ScheduleBody): Promise<Session> {
      const exam = await store.exams.get(body.examId);
      if (!exam) throw userError('NOT_FOUND.exam');
      checkSchedule(body, exam.durationMinutes);
      const secret = deps.randomHex(32);
      const session: Session = {
        id: body.id ?? `S-${deps.randomHex(6)}`,
        examId: exam.id,
        examVersion: exam.version,
        title: body.title,
        site: body.site,
        room: body.room,
        timeZone: body.timeZone,
        opensAt: body.opensAt,
        closesAt: body.closesAt,
        capacity: body.capacity,
        secretCommitment: createHash('sha256').update(secret).digest('hex'),
        pinsReleased: false,
        proctors: [],
      };
      await audit.run({ ...req, action: 'session.schedule', target: `session:${session.id}` }, () =>
        store.sessions.create(session, secret),
      );
      return session;
    },

    async edit(req: StaffRequest, sessionId: string, patch: SessionEditBody): Promise<Session> {
      const s = await get(sessionId);
      checkEditable(s, deps.clock());
      const next: Session = { ...s, ...patch };
      const exam = await store.exams.get(s.examId, s.examVersion);
      checkSchedule(next, exam?.durationMinutes ?? 0);
      const roster = await store.sessions.listRoster(s.id);
      if (roster.length > next.capacity)
        throw userError('CONFLICT.overCapacity', { rostered: roster.length, capacity: next.capacity });
      if (next.opensAt !== s.opensAt || next.closesAt !== s.closesAt) {
        const { of } = await rosterIndex();
        const clash = assignmentProblems(
          next,
          new Set(),
          roster.map((e) => e.regNo),
          (r) => (of.get(r) ?? []).filter((o) => o.id !== s.id),
        ).overlapping;
        if (clash.length > 0)
          throw userError('CONFLICT.windowOverlap', {
            problems: clash.map((o) => ({
              sessionId: s.id,
              regNo: o.regNo,
              reason: 'overlap',
              other: o.sessionId,
              message: `already in overlapping session ${o.sessionId}`,
            })),
          });
      }
      await audit.run(
        { ...req, action: 'session.edit', target: `session:${s.id}`, details: { ...patch } },
        () => save(next, s),
      );
      return next;
    },

    async cancel(req: StaffRequest, sessionId: string, reason: string): Promise<Session> {
      const s = await get(sessionId);
      if (isCancelled(s)) return s;
      const next: Session = { ...s, cancelledAt: deps.clock(), cancelReason: reason };
      await audit.run({ ...req, action: 'session.cancel', target: `session:${s.id}`, reason }, () =>
        save(next, s),
      );
      return next;
    },

    async setProctors(req: StaffRequest, sessionId: string, proctorIds: string[]): Promise<Session> {
      const s = await get(sessionId);
      const users = await Promise.all(proctorIds.map((id) => store.users.get(id)));
      const bad = proctorIds.filter((_, i) => users[i]?.role !== 'proctor');
      if (bad.length > 0)
        throw new DomainError('VALIDATION', `not proctors: ${bad.join(', ')}`, {
          fields: { proctorIds: bad.map((b) => `${b}: not a proctor`) },
        });
      const next: Session = { ...s, proctors: [...new Set(proctorIds)] };
      await audit.run(
        {
          ...req,
          action: 'session.proctors',
          target: `session:${s.id}`,
          details: { proctorIds: next.proctors },
        },
        () => save(next, s),
      );
      return next;
    },

    /** By hand: these registered candidates to this session. */
    assign: (req: StaffRequest, sessionId: string, regNos: string[]) =>
      assignMany(req, new Map([[sessionId, regNos]]), 'roster.assign'),

    /** As the import says: every candidate whose row names a session. */
    async assignFromImport(req: StaffRequest) {
      const plan = new Map<string, string[]>();
      for (const c of await store.candidates.listCurrent())
        if (c.sessionId !== undefined) plan.set(c.sessionId, [...(plan.get(c.sessionId) ?? []), c.regNo]);
      if (plan.size === 0) return { assigned: 0 };
      return assignMany(req, plan, 'roster.fromImport');
    },

    /** By capacity: candidates on no roster yet fill the given sessions in order, each up to its capacity. */
    async autoAssign(req: StaffRequest, sessionIds: string[]) {
      const { of } = await rosterIndex();
      const waiting = (await store.candidates.listCurrent())
        .filter((c) => !of.has(c.regNo))
        .map((c) => c.regNo);
      const plan = new Map<string, string[]>();
      let i = 0;
      for (const sessionId of sessionIds) {
        const s = await get(sessionId);
        const free = Math.max(
          0,
          s.capacity - [...of.values()].filter((ss) => ss.some((x) => x.id === s.id)).length,
        );
        plan.set(sessionId, waiting.slice(i, i + free));
        i += free;
      }
      for (const [k, v] of plan) if (v.length === 0) plan.delete(k);
      if (plan.size === 0) return { assigned: 0, unassigned: waiting.length };
      const out = await assignMany(req, plan, 'roster.auto');
      return { ...out, unassigned: Math.max(0, waiting.length - out.assigned) };
    },

    /**
     * Issues a PIN to every roster entry without one and opens login. The PINs come back in clear this once
     * (for the cards); only their HMAC is stored. Entries that already had a PIN keep it and are not returned.
     */
    async releasePins(
      req: StaffRequest,
      sessionId: string,
    ): Promise<{ session: Session; pins: IssuedPin[] }> {
      const s = await get(sessionId);
      if (isCancelled(s)) throw userError('CONFLICT.sessionCancelled');
      const pending = (await store.sessions.listRoster(s.id)).filter((e) => e.pinHash === '');
      const pins: IssuedPin[] = pending.map((e) => ({
        regNo: e.regNo,
        name: e.name,
        room: s.room ?? s.site,
        pin: pin(),
      }));
      await audit.run(
        { ...req, action: 'pins.release', target: `session:${s.id}`, details: { issued: pins.length } },
        async () => {
          for (const p of pins)
            await store.sessions.setRosterPin(s.id, p.regNo, hashPin(deps.config.pinPepper, p.pin));
          await store.sessions.setPinsReleased(s.id, true);
        },
      );
      sessionCache.drop(s.id);
      return { session: { ...s, pinsReleased: true }, pins };
    },

    /** A new PIN for one candidate (lost card); the old one stops working. */
    async regeneratePin(
      req: StaffRequest,
      sessionId: string,
      regNo: string,
      reason: string,
    ): Promise<IssuedPin> {
      const s = await get(sessionId);
      const entry = await store.sessions.getRosterEntry(s.id, regNo);
      if (!entry) throw userError('NOT_FOUND.notOnRoster');
      const issued: IssuedPin = { regNo, name: entry.name, room: s.room ?? s.site, pin: pin() };
      await audit.run(
        { ...req, action: 'pins.regenerate', target: `candidate:${s.id}/${regNo}`, reason },
        () => store.sessions.setRosterPin(s.id, regNo, hashPin(deps.config.pinPepper, issued.pin)),
      );
      return issued;
    },

    /** The roster without PIN hashes. */
    async roster(sessionId: string) {
      await get(sessionId);
      return (await store.sessions.listRoster(sessionId)).map(({ pinHash, ...e }) => ({
        ...e,
        hasPin: pinHash !== '',
      }));
    },
  };
};

export type SchedulingService = ReturnType<typeof createSchedulingService>;
