// Demo of a finished selection: formations, a session that closed yesterday with a cohort who sat it (driven
// through the real attempt services on a moved clock), the published SKD ranking, SKB scores and the final ranking.
import { createHmac } from 'node:crypto';
import type { RosterEntry, Session } from '../../domain/attempt.ts';
import type { Formation } from '../../domain/registry.ts';
import { attemptIdFor, secretCommitment } from '../../domain/seed.ts';
import { hashPin } from '../../services/auth/pin.ts';
import type { CandidateClaims } from '../../services/auth/tokens.ts';
import type { Deps } from '../../services/deps.ts';
import { createServices } from '../../services/index.ts';
import type { StaffRequest } from '../../services/request.ts';

export const DEMO_FINISHED_SESSION_ID = 'skd-demo-0';

/** The demo recruitment's formations: the live demo session's candidates are in F-ANALIS-001. */
export const DEMO_FORMATIONS: Formation[] = [
  {
    id: 'F-ANALIS-001',
    position: 'Analis Kebijakan Ahli Pertama',
    agencyUnit: 'Biro Perencanaan',
    openings: 2,
    formationType: 'umum',
  },
  {
    id: 'F-PRAKOM-002',
    position: 'Pranata Komputer Ahli Pertama',
    agencyUnit: 'Pusat Data dan Informasi',
    openings: 1,
    formationType: 'umum',
  },
  {
    id: 'F-AUDITOR-003',
    position: 'Auditor Ahli Pertama',
    agencyUnit: 'Inspektorat',
    openings: 1,
    formationType: 'cumlaude',
  },
];

/** Candidates of the finished session: 4 per formation, SKD26-00201 … SKD26-00212. */
export const FINISHED_COHORT = 12;

const NAMES = [
  'Rina',
  'Sari',
  'Teguh',
  'Umar',
  'Vina',
  'Wahyu',
  'Yanti',
  'Zaki',
  'Bayu',
  'Dewi',
  'Galih',
  'Nadia',
];

interface FinishedSeed {
  secret: string;
  at: number;
}

const frac = (seed: FinishedSeed, label: string): number =>
  createHmac('sha256', seed.secret).update(label, 'utf8').digest().readUInt32BE(0) / 2 ** 32;

const cohort = (seed: FinishedSeed, size = FINISHED_COHORT) =>
  Array.from({ length: Math.min(size, FINISHED_COHORT) }, (_, i) => ({
    regNo: `SKD26-${String(201 + i).padStart(5, '0')}`,
    name: `${NAMES[i]} Demo`,
    formation: DEMO_FORMATIONS[i % DEMO_FORMATIONS.length] as Formation,
    // Chance of the best answer per item: 0.4 … 0.9, so some pass every grade and some do not.
    skill: 0.4 + 0.5 * frac(seed, `skill|${i}`),
  }));

/** Yesterday 08:00–12:00 WIB as seen from `now`. */
const yesterdayWindow = (now: number) => {
  const wib = 7 * 3600_000;
  const midnight = Math.floor((now + wib) / 86_400_000) * 86_400_000 - wib;
  const opensAt = midnight - 86_400_000 + 8 * 3600_000;
  return { opensAt, closesAt: opensAt + 4 * 3600_000 };
};

/** Formations, then the closed session with its roster (PINs unusable: the session is over). */
export const seedFormationsAndSession = async (
  deps: Deps,
  seed: FinishedSeed,
  examId: string,
  examVersion: number,
  done: () => void,
): Promise<void> => {
  const { store } = deps;
  await store.formations.putMany(DEMO_FORMATIONS);
  done();
  const secret = createHmac('sha256', seed.secret)
    .update(`session-secret|${DEMO_FINISHED_SESSION_ID}`)
    .digest('hex');
  const session: Session = {
    id: DEMO_FINISHED_SESSION_ID,
    examId,
    examVersion,
    title: 'SKD CASN 2026 — Sesi Demo (selesai kemarin)',
    site: 'Titik Lokasi Demo (daring)',
    ...yesterdayWindow(seed.at),
    capacity: 100,
    secretCommitment: secretCommitment(secret),
    pinsReleased: true,
    room: 'Ruang Demo',
    timeZone: 'WIB',
  };
  await store.sessions.ensure(session, secret);
  const roster: RosterEntry[] = cohort(seed).map((c) => ({
    sessionId: session.id,
    regNo: c.regNo,
    name: c.name,
    formationId: c.formation.id,
    formationType: c.formation.formationType,
    pinHash: hashPin(
      deps.config.pinPepper,
      createHmac('sha256', seed.secret).update(`pin|${c.regNo}`).digest('hex'),
    ),
    extraMinutes: 0,
  }));
  await store.sessions.putRoster(roster);
  done();
};

/**
 * Every cohort candidate starts 5 minutes after opening, answers at +20 min and submits at +70 min, through the
 * attempt services with the clock moved to those times. Idempotent: a finished attempt is skipped; a started one
 * continues (saves are keyed by seq, so a repeat is a no-op).
 */
export const seedFinishedAttempts = async (
  deps: Deps,
  seed: FinishedSeed,
  size = FINISHED_COHORT,
): Promise<void> => {
  const { store } = deps;
  const session = await store.sessions.get(DEMO_FINISHED_SESSION_ID);
  if (!session) throw new Error(`demo session ${DEMO_FINISHED_SESSION_ID} missing`);
  let now = session.opensAt;
  const svc = createServices({ ...deps, clock: () => now });
  for (const c of cohort(seed, size)) {
    const aid = attemptIdFor(deps.config.pinPepper, session.id, c.regNo);
    if (await store.attempts.getResult(aid)) continue;
    const claims: CandidateClaims = {
      role: 'candidate',
      sub: c.regNo,
      sid: session.id,
      aid,
      dev: 1,
      dn: 'demo-seed',
      exp: Math.floor(session.closesAt / 1000) + 86_400,
    };
    now = session.opensAt + 5 * 60_000;
    if (!(await store.attempts.get(aid, true))) await svc.attempt.start(claims);
    const meta = await store.attempts.get(aid, true);
    if (!meta) throw new Error(`demo attempt ${aid} not started`);
    const content = await svc.contentCache.exam(meta, meta.bankSnapshots);
    const wire = svc.contentCache.wire(aid, content, meta.seed);
    const steps = [];
    for (const [wireId, w] of wire.byWire) {
      const item = content.itemsById.get(w.itemId);
      if (!item || (item.kind !== 'single' && item.kind !== 'weighted')) continue;
      const best =
        item.kind === 'single'
          ? item.key
          : (Object.entries(item.weights).sort((a, b) => b[1] - a[1])[0]?.[0] as string);
      const others = item.options.map((o) => o.id).filter((id) => id !== best);
      const roll = frac(seed, `answer|${c.regNo}|${item.id}`);
      const choice =
        roll < c.skill ? best : others[Math.floor(frac(seed, `other|${c.regNo}|${item.id}`) * others.length)];
      const wireChoice = choice === undefined ? undefined : w.toWire.get(choice);
      if (wireChoice === undefined) continue;
      steps.push({ seq: steps.length + 1, type: 'answered' as const, itemId: wireId, choice: wireChoice });
    }
    now = session.opensAt + 20 * 60_000;
    for (let k = 0; k < steps.length; k += 50) await svc.attempt.save(claims, steps.slice(k, k + 50));
    now = session.opensAt + 70 * 60_000;
    await svc.attempt.submit(claims);
  }
};

/**
 * Publishes the SKD ranking, imports SKB components for every candidate who advanced and publishes the final
 * ranking. Idempotent: the same rows publish nothing new; the same SKB file changes nothing.
 */
export const seedPublications = async (deps: Deps, seed: FinishedSeed, examId: string): Promise<void> => {
  if (!deps.config.publication?.signingKeyPem) return; // no keys: nothing can be published
  const svc = createServices(deps);
  const req = (what: string): StaffRequest => ({
    actor: { role: 'admin', id: 'admin' },
    opId: `demo-${what}-${seed.secret.slice(0, 12)}`,
  });
  await svc.publication.publish(req('publish-skd'), examId);
  const skd = await svc.publication.skdRanking(examId);
  const advanced = skd.rows.filter((r) => r.advances).map((r) => skd.regNos.get(r.pseudonym) as string);
  const score = (label: string) => (60 + Math.floor(frac(seed, label) * 40_000) / 1000).toFixed(3);
  const csv = [
    'no_peserta;cat;wawancara;lainnya',
    ...advanced.sort().map((r) => `${r};${score(`cat|${r}`)};${score(`int|${r}`)};${score(`oth|${r}`)}`),
  ].join('\n');
  if (advanced.length) {
    await svc.skb.importCsv(req('skb-import'), examId, new TextEncoder().encode(csv));
    await svc.skb.publish(req('publish-final'), examId);
  }
};
