// The verifier on the parts of a personal bundle (audit log, psych scores) and on regrade records.
import { describe, expect, it } from 'vitest';
import { type AuditEntry, nextAuditEntry } from '../../functions/domain/audit-log.ts';
import type { Item } from '../../functions/domain/items.ts';
import { regradeIdOf } from '../../functions/domain/regrade.ts';
import { snapshotIdOf } from '../../functions/domain/snapshot.ts';
import { verifyBundle } from '../../functions/domain/verify.ts';
import { syntheticBank, tinyExam } from '../domain/fixtures.ts';
import { syntheticBundle } from '../fixtures/audit-bundle.ts';
import { syntheticPsychBundle } from '../fixtures/psych-bundle.ts';

const run = (files: Map<string, string>) => verifyBundle({ read: (p) => files.get(p) });
// biome-ignore lint/suspicious/noExplicitAny: a tamper test edits arbitrary parsed JSON
const edit = (files: Map<string, string>, path: string, change: (v: any) => void) => {
  const out = new Map(files);
  const v = JSON.parse(out.get(path) as string);
  change(v);
  out.set(path, JSON.stringify(v));
  return out;
};
/** One byte of `path` flipped at the first match of `find` (+ offset), staying valid JSON. */
const flip = (files: Map<string, string>, path: string, find: string, offset = 0) => {
  const out = new Map(files);
  const text = out.get(path) as string;
  const at = text.indexOf(find);
  if (at < 0) throw new Error(`${find} not in ${path}`);
  const i = at + offset;
  out.set(path, text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ 1) + text.slice(i + 1));
  return out;
};
const named = (r: Awaited<ReturnType<typeof run>>, subject: string, what: string) =>
  r.mismatches.some((m) => m.subject === subject && m.what.startsWith(what));

const exam = tinyExam({
  passingGrades: [{ formationType: 'umum', label: 'Umum', sections: { TWK: 5 }, total: 12 }],
});
const bank = syntheticBank('b', { TWK: 6, TKP: 4 });
const formations = [{ id: 'F-A', formationType: 'umum', openings: 2 }];

describe('admin audit log in a personal bundle', () => {
  const day = '2027-01-15';
  const at = Date.parse(`${day}T02:00:00Z`);
  const entries: AuditEntry[] = [];
  for (let i = 0; i < 5; i++)
    entries.push(
      nextAuditEntry(entries.at(-1), {
        id: `op-${i}`,
        at: at + i * 1000,
        actor: { role: 'admin', id: 'admin-1' },
        action: i === 3 ? 'exam.regrade' : 'session.update',
        target: `exam:${exam.id}`,
      }),
    );
  const built = syntheticBundle({
    exam,
    bank,
    candidates: 3,
    formations,
    kind: 'personal',
    auditLog: [{ day, entries }],
  });
  const path = `audit-log/${day}.json`;

  it('a faithful log verifies, every entry counted', async () => {
    const r = await run(built.files);
    expect(r.mismatches).toEqual([]);
    expect(r.counts.audit).toBe(5);
  });

  it('a public bundle carries no audit log (its targets name candidates)', async () => {
    const pub = syntheticBundle({ exam, bank, candidates: 3, formations, auditLog: [{ day, entries }] });
    expect([...pub.files.keys()].some((p) => p.startsWith('audit-log/'))).toBe(false);
    expect((await run(pub.files)).counts.audit).toBe(0);
  });

  it('a deleted entry is named by its seq', async () => {
    const r = await run(edit(built.files, path, (es: AuditEntry[]) => es.splice(2, 1)));
    expect(named(r, path, 'audit entry 3 missing (deleted)')).toBe(true);
  });

  it('one byte flipped in an entry names that entry as edited', async () => {
    const r = await run(flip(built.files, path, '"action":"exam.regrade"', 12));
    expect(named(r, path, 'audit entry 4 edited')).toBe(true);
  });

  it('a missing day file is named', async () => {
    const files = new Map(built.files);
    files.delete(path);
    expect(named(await run(files), path, 'file')).toBe(true);
  });
});

describe('appeals in a personal bundle', () => {
  const plain = syntheticBundle({ exam, bank, candidates: 2, formations });
  const target = plain.attempts[1];
  if (!target) throw new Error('no attempt');
  const day = '2027-01-20';
  const at = Date.parse(`${day}T03:00:00Z`);
  const text = 'Jawaban nomor 12 tidak tersimpan walau sudah saya klik.';
  const file = nextAuditEntry(undefined, {
    id: `appeal-file-${target.attemptId}`,
    at,
    actor: { role: 'candidate', id: target.regNo as string },
    action: 'appeal.file',
    target: `attempt:${target.attemptId}`,
    reason: text,
  });
  const answer = nextAuditEntry(file, {
    id: 'op-answer',
    at: at + 3_600_000,
    actor: { role: 'admin', id: 'admin-1' },
    action: 'appeal.reject',
    target: `attempt:${target.attemptId}`,
    reason: 'Log menunjukkan jawaban tersimpan.',
  });
  const appeal = {
    attemptId: target.attemptId,
    sessionId: target.sessionId,
    regNo: target.regNo as string,
    pseudonym: target.pseudonym,
    text,
    filedAt: at,
    fileUntil: at + 86_400_000,
    answerBy: at + 8 * 86_400_000,
    status: 'rejected' as const,
    resolution: {
      decision: 'rejected' as const,
      reason: 'Log menunjukkan jawaban tersimpan.',
      by: 'admin-1',
      at: at + 3_600_000,
      late: false,
    },
  };
  const built = syntheticBundle({
    exam,
    bank,
    candidates: 2,
    formations,
    kind: 'personal',
    auditLog: [{ day, entries: [file, answer] }],
    appeals: [appeal],
  });

  it('an appeal filed and answered, both in the audit log, verifies', async () => {
    const r = await run(built.files);
    expect(r.mismatches).toEqual([]);
    expect(r.counts.appeals).toBe(1);
  });

  it('one byte flipped in the appeal text or answer is named', async () => {
    const t = await run(flip(built.files, 'appeals.json', '"text":"Jawaban', 9));
    expect(named(t, target.pseudonym, 'appeal filing in the audit log')).toBe(true);
    const a = await run(flip(built.files, 'appeals.json', '"reason":"Log', 11));
    expect(named(a, target.pseudonym, 'appeal answer in the audit log')).toBe(true);
  });

  it('an answer removed from an answered appeal is named', async () => {
    const r = await run(
      edit(built.files, 'appeals.json', (as) => {
        delete as[0].resolution;
      }),
    );
    expect(named(r, target.pseudonym, 'appeal status = its answer')).toBe(true);
  });

  it('a public bundle carries no appeals', () => {
    const pub = syntheticBundle({ exam, bank, candidates: 2, formations, appeals: [appeal] });
    expect(pub.files.has('appeals.json')).toBe(false);
  });
});

describe('regrade records (previous and new scores)', () => {
  // The committee corrects the key of every TWK item from a to b.
  const corrected: Item[] = bank.map((i) =>
    i.kind === 'single' && i.category === 'TWK' ? { ...i, key: 'b' } : i,
  );
  const built = syntheticBundle({ exam, bank, candidates: 12, formations, regrade: { items: corrected } });
  const moved = built.attempts.find((a) => a.previous?.length);
  if (!moved) throw new Error('no score moved: pick another answer seed');
  const path = `attempts/${moved.pseudonym}.json`;

  it('new scores = replay under the correction, previous = replay under the served keys', async () => {
    const r = await run(built.files);
    expect(r.mismatches).toEqual([]);
    expect(r.counts.previous).toBe(built.attempts.filter((a) => a.previous?.length).length);
  });

  it('a previous total changed is named', async () => {
    const total = moved.previous?.[0]?.total as number;
    const r = await run(
      edit(built.files, path, (a) => {
        a.previous[0].total = total ^ 1;
      }),
    );
    expect(named(r, moved.pseudonym, 'previous score 1 (served items)')).toBe(true);
  });

  it('a result that drops the correction, or a broken chain of scores, is named', async () => {
    const dropped = await run(
      edit(built.files, path, (a) => {
        a.regradeIds = [];
      }),
    );
    expect(named(dropped, moved.pseudonym, 'regrade ids of the result')).toBe(true);
    const broken = await run(
      edit(built.files, path, (a) => {
        a.previous[0].replacedBy = ['0'.repeat(32)];
      }),
    );
    expect(named(broken, moved.pseudonym, 'previous score 1 replaced by')).toBe(true);
  });

  it('a previous score under an earlier correction (twin not in the bundle) is counted unchecked, not re-derived', async () => {
    const r = await run(
      edit(built.files, path, (a) => {
        a.previous[0].regradeIds = ['f'.repeat(32)];
        a.previous[0].total += 100;
      }),
    );
    expect(r.mismatches).toEqual([]);
    expect(r.counts.previousUnchecked).toBe(1);
  });
});

describe('corrections matched to their exam.regrade audit entry (personal bundles)', () => {
  const corrected: Item[] = bank.map((i) =>
    i.kind === 'single' && i.category === 'TWK' ? { ...i, key: 'b' } : i,
  );
  const [from, to] = [snapshotIdOf(bank), snapshotIdOf(corrected)];
  const regradeId = regradeIdOf(from, to);
  const day = '2027-01-15';
  /** The day's log: a session update, then (unless `regrade` is undefined) the regrade entry as the service writes it. */
  const log = (regrade?: Record<string, unknown>) => {
    const entries: AuditEntry[] = [];
    const intents = [
      { action: 'session.update', target: 'session:syn-1' },
      ...(regrade ? [{ action: 'exam.regrade', target: `exam:${exam.id}`, details: regrade }] : []),
    ];
    for (const [i, x] of intents.entries())
      entries.push(
        nextAuditEntry(entries.at(-1), {
          id: `op-${i}`,
          at: Date.parse(`${day}T02:00:00Z`) + i * 1000,
          actor: { role: 'admin', id: 'admin-1' },
          reason: 'kunci TWK keliru',
          ...x,
        }),
      );
    return [{ day, entries }];
  };
  const details = (c: Record<string, unknown> = {}) => ({
    bankId: 'b',
    corrections: [{ fromSnapshot: from, toSnapshot: to, regradeId, items: ['b-TWK-1'], ...c }],
  });
  const bundle = (auditLog: ReturnType<typeof log>) =>
    syntheticBundle({
      exam,
      bank,
      candidates: 4,
      formations,
      kind: 'personal',
      regrade: { items: corrected },
      auditLog,
    }).files;

  it('a correction with its audit entry verifies and is counted', async () => {
    const r = await run(bundle(log(details())));
    expect(r.mismatches).toEqual([]);
    expect(r.counts.corrections).toBe(1);
  });

  it('a correction without an audit entry is named on its bank (and on the first previous score naming it)', async () => {
    const files = bundle(log());
    const r = await run(files);
    const moved = [...files.values()].map((t) => JSON.parse(t)).find((a) => a.previous?.length)?.pseudonym;
    expect(r.mismatches).toEqual([
      {
        subject: moved,
        what: 'regrade of a previous score in the audit log',
        expected: `exam.regrade naming regradeId ${regradeId}`,
        found: '(none)',
      },
      {
        subject: 'banks/b.json',
        what: 'correction in the audit log',
        expected: `exam.regrade exam:${exam.id} bank b ${from} -> ${to} regradeId ${regradeId}`,
        found: '(none)',
      },
    ]);
  });

  it('a previous score made under an earlier correction without its audit entry is named', async () => {
    const files = bundle(log(details()));
    const path = [...files.keys()].find(
      (p) => p.startsWith('attempts/') && JSON.parse(files.get(p) as string).previous?.length,
    ) as string;
    const earlierId = 'e'.repeat(32);
    const r = await run(
      edit(files, path, (a) => {
        a.previous[0].regradeIds = [earlierId];
      }),
    );
    expect(r.mismatches).toEqual([
      {
        subject: JSON.parse(files.get(path) as string).pseudonym,
        what: 'regrade of a previous score in the audit log',
        expected: `exam.regrade naming regradeId ${earlierId}`,
        found: '(none)',
      },
    ]);
    expect(r.counts.previousUnchecked).toBe(1);
  });

  it('an entry naming another correction (other twin, other bank) does not count', async () => {
    const other = await run(bundle(log(details({ toSnapshot: 'f'.repeat(64) }))));
    expect(named(other, 'banks/b.json', 'correction in the audit log')).toBe(true);
    const bankB = await run(bundle(log({ ...details(), bankId: 'c' })));
    expect(named(bankB, 'banks/b.json', 'correction in the audit log')).toBe(true);
  });

  it('a public bundle (no audit log) does not check corrections', async () => {
    const pub = syntheticBundle({ exam, bank, candidates: 4, formations, regrade: { items: corrected } });
    const r = await run(pub.files);
    expect(r.mismatches).toEqual([]);
    expect(r.counts.corrections).toBe(0);
  });
});

describe('psych scores in a personal bundle of a PSYCH exam', () => {
  const built = syntheticPsychBundle({ candidates: 6 });
  const first = built.attempts[0];
  if (!first) throw new Error('no attempt');
  const path = `attempts/${first.pseudonym}.json`;

  it('re-derived from the seed and the log: a faithful bundle verifies', async () => {
    const r = await run(built.files);
    expect(r.mismatches).toEqual([]);
    expect(r.counts).toMatchObject({ attempts: 6, psych: 6, signatures: 12, rows: 0 });
  });

  it('a flipped Kraepelin entry digit is named (receipt and psych speed scores)', async () => {
    const entry = JSON.stringify(first.steps.find((s) => s.type === 'entered'));
    const r = await run(flip(built.files, path, entry, entry.indexOf('"digit":') + 8));
    expect(named(r, first.pseudonym, 'receipt')).toBe(true);
  });

  it('a psych score changed in the document is named (and its signature fails)', async () => {
    const doc = first.psych?.document;
    const panker = doc?.speed[0]?.measures.panker as number;
    const r = await run(
      edit(built.files, path, (a) => {
        a.psych.document.speed[0].measures.panker = panker + 1;
      }),
    );
    expect(named(r, first.pseudonym, 'psych speed')).toBe(true);
    expect(named(r, `${first.pseudonym} psych`, 'signature')).toBe(true);
  });

  it('one byte flipped in a likert answer is named', async () => {
    const step = JSON.stringify(first.steps.find((s) => s.type === 'answered'));
    const r = await run(flip(built.files, path, step, step.indexOf('"choice":"') + 10));
    expect(named(r, first.pseudonym, 'receipt')).toBe(true);
  });

  it('a publication in a PSYCH bundle is named (psych results are never published)', async () => {
    const files = new Map(built.files);
    files.set('publication.json', '{}');
    expect(named(await run(files), 'publication.json', 'psych results are never published')).toBe(true);
  });

  it('a personal PSYCH bundle without psych scores is named', async () => {
    const r = await run(edit(built.files, path, (a) => delete a.psych));
    expect(named(r, first.pseudonym, 'psych scores')).toBe(true);
  });
});
