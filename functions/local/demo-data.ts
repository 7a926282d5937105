// Demo data for `npm start`: staff accounts, the SKD exam over the demo bank, one open session, generated candidates.
import { randomInt } from 'node:crypto';
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
import { psychBank } from './demo/psych-ipip.ts';

export interface DemoCredentials {
  admin: { username: string; password: string };
  proctor: { username: string; password: string };
  auditor: { username: string; password: string };
  sessionId: string;
  candidates: Array<{ regNo: string; pin: string; name: string }>;
  /** The psych battery session (Big Five inventory + Kraepelin) and its own candidates. */
  psych: { sessionId: string; candidates: Array<{ regNo: string; pin: string; name: string }> };
}

export const DEMO_BANK_ID = 'demo-bank';
export const DEMO_EXAM_ID = 'skd-demo';
export const DEMO_SESSION_ID = 'skd-demo-1';
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

const password = (): string => `demo-${randomInt(100000, 999999)}-${randomInt(1000, 9999)}`;
const pin = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export interface SeedOptions {
  candidates?: number;
  /** Session window, from now. */
  openForMs?: number;
}

/** Seeds the demo platform. Call once per data directory; the caller keeps the returned credentials. */
export const seedDemo = async (deps: Deps, opts: SeedOptions = {}): Promise<DemoCredentials> => {
  const { store } = deps;
  const now = deps.clock();
  const creds: DemoCredentials = {
    admin: { username: 'admin', password: password() },
    proctor: { username: 'pengawas', password: password() },
    auditor: { username: 'auditor', password: password() },
    sessionId: DEMO_SESSION_ID,
    candidates: [],
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

  const items = demoBank(DEMO_BANK_ID);
  await store.banks.putItems(items);
  // The demo bank's first snapshot; both demo exams pin it (later imports make new snapshots).
  const snapshot = snapshotOf(DEMO_BANK_ID, items);
  await store.banks.putSnapshot(snapshot);
  await store.banks.setHead(DEMO_BANK_ID, snapshot.id);
  const bankSnapshots = { [DEMO_BANK_ID]: snapshot.id };
  const exam = { ...skdPreset({ id: DEMO_EXAM_ID, bankId: DEMO_BANK_ID }), bankSnapshots };
  await store.exams.put(exam);
  // A PPPK exam over the same demo bank, ready to be scheduled (no session yet).
  await store.exams.put({ ...pppkPreset({ id: DEMO_PPPK_EXAM_ID, bankId: DEMO_BANK_ID }), bankSnapshots });

  const secret = deps.randomHex(32);
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
  await store.sessions.create(session, secret);

  const roster: RosterEntry[] = [];
  const count = opts.candidates ?? 5;
  for (let i = 0; i < count; i++) {
    const regNo = `SKD26-${String(i + 1).padStart(5, '0')}`;
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const p = pin();
    creds.candidates.push({ regNo, pin: p, name });
    roster.push({
      sessionId: session.id,
      regNo,
      name,
      formationId: 'F-ANALIS-001',
      formationType: 'umum',
      pinHash: hashPin(deps.config.pinPepper, p),
      extraMinutes: 0,
    });
  }
  await store.sessions.putRoster(roster);
  await seedPsych(deps, creds, now, opts);
  return creds;
};

/** One psych battery session (IPIP Big Five + Kraepelin) with its own 3 candidates. */
const seedPsych = async (
  deps: Deps,
  creds: DemoCredentials,
  now: number,
  opts: SeedOptions,
): Promise<void> => {
  const { store } = deps;
  await store.banks.putItems(psychBank(DEMO_PSYCH_BANK_ID));
  const exam = psychPreset({ id: DEMO_PSYCH_EXAM_ID, bankId: DEMO_PSYCH_BANK_ID });
  await store.exams.put(exam);
  const secret = deps.randomHex(32);
  await store.sessions.create(
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
  const roster: RosterEntry[] = [];
  for (let i = 0; i < 3; i++) {
    const regNo = `PSI26-${String(i + 1).padStart(5, '0')}`;
    const name = `${FIRST[(i + 5) % FIRST.length]} ${LAST[(i * 5 + 2) % LAST.length]}`;
    const p = pin();
    creds.psych.candidates.push({ regNo, pin: p, name });
    roster.push({
      sessionId: DEMO_PSYCH_SESSION_ID,
      regNo,
      name,
      formationId: 'F-ANALIS-001',
      formationType: 'umum',
      pinHash: hashPin(deps.config.pinPepper, p),
      extraMinutes: 0,
    });
  }
  await store.sessions.putRoster(roster);
};
