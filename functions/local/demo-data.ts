// Demo data for `npm start`: staff accounts, the SKD exam over the demo bank, an open and a later session, candidates.
// Every value (passwords, PINs, session secrets, times) derives from one DemoSeed, so seeding can be re-run.
import { createHmac } from 'node:crypto';
import type { RosterEntry, Session } from '../domain/attempt.ts';
import { pppkPreset, skdPreset } from '../domain/presets.ts';
import { psychPreset } from '../domain/psych/preset.ts';
import { secretCommitment } from '../domain/seed.ts';
import { snapshotOf } from '../domain/snapshot.ts';
import { hashPassword } from '../services/auth/passwords.ts';
import { hashPin } from '../services/auth/pin.ts';
import type { Deps } from '../services/deps.ts';
import type { StaffUser } from '../store/types.ts';
import { demoBank } from './demo/bank.ts';
import {
  DEMO_FINISHED_SESSION_ID,
  FINISHED_COHORT,
  seedFinishedAttempts,
  seedFormationsAndSession,
  seedPublications,
} from './demo/finished.ts';
import { psychBank } from './demo/psych-ipip.ts';

export interface DemoCredentials {
  admin: { username: string; password: string };
  proctor: { username: string; password: string };
  auditor: { username: string; password: string };
  sessionId: string;
  candidates: Array<{ regNo: string; pin: string; name: string }>;
  /** A second SKD session opening tomorrow 08:00 WIB: its commitment is public before it opens. */
  later: {
    sessionId: string;
    opensAt: number;
    candidates: Array<{ regNo: string; pin: string; name: string }>;
  };
  /** The psych battery session (Big Five inventory + Kraepelin) and its own candidates. */
  psych: { sessionId: string; candidates: Array<{ regNo: string; pin: string; name: string }> };
  /** Yesterday's closed session (finished attempts) and the publications made from it. */
  finished?: { sessionId: string; rankingId: string; finalRankingId: string };
}

export const DEMO_BANK_ID = 'demo-bank';
export const DEMO_EXAM_ID = 'skd-demo';
export const DEMO_SESSION_ID = 'skd-demo-1';
export const DEMO_LATER_SESSION_ID = 'skd-demo-2';
export const DEMO_PPPK_EXAM_ID = 'pppk-demo';
export const DEMO_PSYCH_BANK_ID = 'psych-bank';
export const DEMO_PSYCH_EXAM_ID = 'psych-demo';
export const DEMO_PSYCH_SESSION_ID = 'psych-demo-1';

const FIRST = [
  'Ayu',
  'Bima',
  'Citra',
  'Dimas',
  'Eka',
  'Fajar',
  'Gita',
  'Hadi',
  'Indah',
  'Joko',
  'Kartika',
  'Lestari',
];
const LAST = [
  'Pratama',
  'Wulandari',
  'Saputra',
  'Permata',
  'Nugroho',
  'Anggraini',
  'Siregar',
  'Hutapea',
  'Tanjung',
];

/** What every demo value derives from: a random secret and the time of the first seeding. */
export interface DemoSeed {
  secret: string;
  at: number;
}

/** Deterministic 32-bit numbers per label from the demo seed (HMAC-SHA-256). */
const derive = (seed: DemoSeed, label: string): Buffer =>
  createHmac('sha256', seed.secret).update(label, 'utf8').digest();
const num = (seed: DemoSeed, label: string, mod: number): number => derive(seed, label).readUInt32BE(0) % mod;
const password = (seed: DemoSeed, who: string): string =>
  `demo-${100000 + num(seed, `pw1|${who}`, 900000)}-${1000 + num(seed, `pw2|${who}`, 9000)}`;
const pin = (seed: DemoSeed, regNo: string): string =>
  String(num(seed, `pin|${regNo}`, 1_000_000)).padStart(6, '0');
/** A generated demo candidate of one session: its printed credentials and its roster entry (PIN kept hashed). */
const demoCandidate = (
  deps: Deps,
  seed: DemoSeed,
  sessionId: string,
  regNo: string,
  name: string,
): { cred: { regNo: string; pin: string; name: string }; entry: RosterEntry } => {
  const p = pin(seed, regNo);
  return {
    cred: { regNo, pin: p, name },
    entry: {
      sessionId,
      regNo,
      name,
      formationId: 'F-ANALIS-001',
      formationType: 'umum',
      pinHash: hashPin(deps.config.pinPepper, p),
      extraMinutes: 0,
    },
  };
};
const sessionSecret = (seed: DemoSeed, sessionId: string): string =>
  derive(seed, `session-secret|${sessionId}`).toString('hex');

const WIB_OFFSET_MS = 7 * 3600_000;
/** Tomorrow 08:00 WIB (UTC+7) as seen from `now`. */
export const tomorrowEightWib = (now: number): number => {
  const wibMidnight = Math.floor((now + WIB_OFFSET_MS) / 86_400_000) * 86_400_000 - WIB_OFFSET_MS;
  return wibMidnight + 86_400_000 + 8 * 3600_000;
};

export interface SeedOptions {
  candidates?: number;
  /** Session window, from now. */
  openForMs?: number;
  /** Replays a previous seeding exactly (same credentials, secrets, times); default: a fresh random seed. */
  seed?: DemoSeed;
  /** How many of yesterday's cohort sit the finished session (default all 12; 0 = no finished selection). */
  finishedCohort?: number;
  /** Called after each completed step (1, 2, …): tests inject a crash by throwing. */
  afterStep?: (step: number) => void;
}

/**
 * Seeds the demo platform. Idempotent for one DemoSeed: re-running it after a crash at any step writes the
 * same content again (puts overwrite, sessions.ensure completes a half-written session) and returns the same
 * credentials.
 */
export const seedDemo = async (deps: Deps, opts: SeedOptions = {}): Promise<DemoCredentials> => {
  const { store } = deps;
  const seed = opts.seed ?? { secret: deps.randomHex(32), at: deps.clock() };
  const now = seed.at;
  let step = 0;
  const done = () => opts.afterStep?.(++step);
  const creds: DemoCredentials = {
    admin: { username: 'admin', password: password(seed, 'admin') },
    proctor: { username: 'pengawas', password: password(seed, 'pengawas') },
    auditor: { username: 'auditor', password: password(seed, 'auditor') },
    sessionId: DEMO_SESSION_ID,
    candidates: [],
    later: { sessionId: DEMO_LATER_SESSION_ID, opensAt: tomorrowEightWib(now), candidates: [] },
    psych: { sessionId: DEMO_PSYCH_SESSION_ID, candidates: [] },
  };
  const users: StaffUser[] = [
    {
      id: creds.admin.username,
      name: 'Admin Panitia',
      role: 'admin',
      passwordHash: await hashPassword(creds.admin.password),
    },
    {
      id: creds.proctor.username,
      name: 'Pengawas Ruang 1',
      role: 'proctor',
      passwordHash: await hashPassword(creds.proctor.password),
    },
    {
      id: creds.auditor.username,
      name: 'Auditor Independen',
      role: 'auditor',
      passwordHash: await hashPassword(creds.auditor.password),
    },
  ];
  for (const u of users) await store.users.put(u);
  done();

  const items = demoBank(DEMO_BANK_ID);
  await store.banks.putItems(items);
  // The demo bank's first snapshot; both demo exams pin it (later imports make new snapshots).
  const snapshot = snapshotOf(DEMO_BANK_ID, items);
  await store.banks.putSnapshot(snapshot, { createdAt: seed.at, origin: 'seed' });
  await store.banks.setHead(DEMO_BANK_ID, snapshot.id, seed.at);
  done();
  const bankSnapshots = { [DEMO_BANK_ID]: snapshot.id };
  const exam = { ...skdPreset({ id: DEMO_EXAM_ID, bankId: DEMO_BANK_ID }), bankSnapshots };
  await store.exams.put(exam);
  // A PPPK exam over the same demo bank, ready to be scheduled (no session yet).
  await store.exams.put({ ...pppkPreset({ id: DEMO_PPPK_EXAM_ID, bankId: DEMO_BANK_ID }), bankSnapshots });
  done();

  const secret = sessionSecret(seed, DEMO_SESSION_ID);
  const session: Session = {
    id: DEMO_SESSION_ID,
    examId: exam.id,
    examVersion: exam.version,
    title: 'SKD CASN 2026 — Sesi Demo',
    site: 'Titik Lokasi Demo (daring)',
    opensAt: now - 10 * 60_000,
    closesAt: now + (opts.openForMs ?? 30 * 24 * 3600_000),
    capacity: 500,
    secretCommitment: secretCommitment(secret),
    pinsReleased: true,
    room: 'Ruang Demo',
    timeZone: 'WIB',
    // the demo proctor watches the demo session (a proctor acts only on sessions assigned to them)
    proctors: [creds.proctor.username],
  };
  await store.sessions.ensure(session, secret);
  done();

  const roster: RosterEntry[] = [];
  const count = opts.candidates ?? 5;
  for (let i = 0; i < count; i++) {
    const regNo = `SKD26-${String(i + 1).padStart(5, '0')}`;
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const c = demoCandidate(deps, seed, session.id, regNo, name);
    creds.candidates.push(c.cred);
    roster.push(c.entry);
  }
  await store.sessions.putRoster(roster);
  done();

  // The later session: same exam, opens tomorrow 08:00 WIB for 8 hours; its commitment is public already.
  const laterSecret = sessionSecret(seed, DEMO_LATER_SESSION_ID);
  await store.sessions.ensure(
    {
      ...session,
      id: DEMO_LATER_SESSION_ID,
      title: 'SKD CASN 2026 — Sesi Demo (besok)',
      opensAt: creds.later.opensAt,
      closesAt: creds.later.opensAt + 8 * 3600_000,
      secretCommitment: secretCommitment(laterSecret),
    },
    laterSecret,
  );
  const laterRoster: RosterEntry[] = [];
  for (let i = 0; i < 2; i++) {
    const regNo = `SKD26-${String(i + 101).padStart(5, '0')}`;
    const name = `${FIRST[(i + 3) % FIRST.length]} ${LAST[(i * 4 + 1) % LAST.length]}`;
    const c = demoCandidate(deps, seed, DEMO_LATER_SESSION_ID, regNo, name);
    creds.later.candidates.push(c.cred);
    laterRoster.push(c.entry);
  }
  await store.sessions.putRoster(laterRoster);
  done();
  await seedPsych(deps, creds, seed, opts, done);
  // A finished selection: formations, yesterday's closed session with its cohort, publications. Skipped (the
  // steps still counted) with finishedCohort 0: API tests build their own rankings from an empty exam.
  const cohort = opts.finishedCohort ?? FINISHED_COHORT;
  if (cohort > 0) await seedFormationsAndSession(deps, seed, exam.id, exam.version, done);
  else {
    done();
    done();
  }
  if (cohort > 0) await seedFinishedAttempts(deps, seed, cohort);
  done();
  if (cohort > 0) await seedPublications(deps, seed, exam.id);
  done();
  if (cohort > 0)
    creds.finished = {
      sessionId: DEMO_FINISHED_SESSION_ID,
      rankingId: exam.id,
      finalRankingId: `${exam.id}.final`,
    };
  return creds;
};

/** One psych battery session (IPIP Big Five + Kraepelin) with its own 3 candidates. */
const seedPsych = async (
  deps: Deps,
  creds: DemoCredentials,
  seed: DemoSeed,
  opts: SeedOptions,
  done: () => void,
): Promise<void> => {
  const { store } = deps;
  const now = seed.at;
  const psychItems = psychBank(DEMO_PSYCH_BANK_ID);
  await store.banks.putItems(psychItems);
  // Its first snapshot now (the bank list shows it), not at the first start.
  const psychSnapshot = snapshotOf(DEMO_PSYCH_BANK_ID, psychItems);
  await store.banks.putSnapshot(psychSnapshot, { createdAt: now, origin: 'seed' });
  await store.banks.setHead(DEMO_PSYCH_BANK_ID, psychSnapshot.id, now);
  const exam = psychPreset({ id: DEMO_PSYCH_EXAM_ID, bankId: DEMO_PSYCH_BANK_ID });
  await store.exams.put(exam);
  done();
  const secret = sessionSecret(seed, DEMO_PSYCH_SESSION_ID);
  await store.sessions.ensure(
    {
      id: DEMO_PSYCH_SESSION_ID,
      examId: exam.id,
      examVersion: exam.version,
      title: 'Tes Psikologi CASN 2026 — Sesi Demo',
      site: 'Titik Lokasi Demo (daring)',
      opensAt: now - 10 * 60_000,
      closesAt: now + (opts.openForMs ?? 30 * 24 * 3600_000),
      capacity: 100,
      secretCommitment: secretCommitment(secret),
      pinsReleased: true,
    },
    secret,
  );
  done();
  const roster: RosterEntry[] = [];
  for (let i = 0; i < 3; i++) {
    const regNo = `PSI26-${String(i + 1).padStart(5, '0')}`;
    const name = `${FIRST[(i + 5) % FIRST.length]} ${LAST[(i * 5 + 2) % LAST.length]}`;
    const c = demoCandidate(deps, seed, DEMO_PSYCH_SESSION_ID, regNo, name);
    creds.psych.candidates.push(c.cred);
    roster.push(c.entry);
  }
  await store.sessions.putRoster(roster);
  done();
};
