// Exam presets as data: SKD CPNS (TWK/TIU/TKP, passing grades per formation type) and PPPK.
import type { Exam, PassingGrade, Section } from './exam.ts';

export interface PresetOptions {
  id: string;
  bankId: string;
  version?: number;
  title?: string;
  /** Replaces the preset's passing grades (they change by ministerial decree; keep them as data). */
  passingGrades?: PassingGrade[];
}

/**
 * SKD passing grades (nilai ambang batas). General formations: a minimum per section. Special formations, in
 * every decree seen so far: a cumulative minimum plus a **TIU** minimum (never TKP). Figures below are those
 * of PermenPANRB 24/2019 (cumlaude and diaspora >= 271 with TIU >= 85; disability >= 260 with TIU >= 70;
 * Papuan descent >= 260 with TIU >= 60); later decrees raised the cumulative figures. They are
 * configuration, not law: check the decree of the recruitment year and pass `passingGrades` to skdPreset().
 */
export const SKD_PASSING_GRADES: readonly PassingGrade[] = [
  { formationType: 'umum', label: 'Formasi umum', sections: { TWK: 65, TIU: 80, TKP: 166 } },
  { formationType: 'cumlaude', label: 'Lulusan cumlaude', sections: { TIU: 85 }, total: 271 },
  { formationType: 'diaspora', label: 'Diaspora', sections: { TIU: 85 }, total: 271 },
  { formationType: 'disabilitas', label: 'Penyandang disabilitas', sections: { TIU: 70 }, total: 260 },
  { formationType: 'putra-putri-papua', label: 'Putra/putri Papua', sections: { TIU: 60 }, total: 260 },
];

const copyGrades = (grades: readonly PassingGrade[]): PassingGrade[] =>
  grades.map((g) => ({ ...g, sections: { ...g.sections } }));

const section = (id: string, title: string, bankId: string, count: number): Section => ({
  id,
  title,
  bankId,
  draws: [{ category: id, count }],
  correctPoints: 5,
});

/** SKD CPNS: TWK 30 + TIU 35 (single, 5/0) + TKP 45 (weighted 1–5) = 110 items, 100 minutes; max 550. */
export function skdPreset(opts: PresetOptions): Exam {
  return {
    id: opts.id,
    version: opts.version ?? 1,
    title: opts.title ?? 'Seleksi Kompetensi Dasar (SKD)',
    scheme: 'SKD',
    durationMinutes: 100,
    sections: [
      section('TWK', 'Tes Wawasan Kebangsaan', opts.bankId, 30),
      section('TIU', 'Tes Intelegensia Umum', opts.bankId, 35),
      section('TKP', 'Tes Karakteristik Pribadi', opts.bankId, 45),
    ],
    passingGrades: copyGrades(opts.passingGrades ?? SKD_PASSING_GRADES),
  };
}

/**
 * PPPK: technical 90 (single, 5/0) + managerial 25 + socio-cultural 20 + interview 10 (weighted 1–4)
 * = 145 items, 120 minutes; max 450 + 100 + 80 + 40 = 670. No passing grade unless given (set per position).
 */
export function pppkPreset(opts: PresetOptions): Exam {
  return {
    id: opts.id,
    version: opts.version ?? 1,
    title: opts.title ?? 'Seleksi Kompetensi PPPK',
    scheme: 'PPPK',
    durationMinutes: 120,
    sections: [
      section('TEKNIS', 'Kompetensi Teknis', opts.bankId, 90),
      section('MANAJERIAL', 'Kompetensi Manajerial', opts.bankId, 25),
      section('SOSIOKULTURAL', 'Kompetensi Sosial Kultural', opts.bankId, 20),
      section('WAWANCARA', 'Wawancara', opts.bankId, 10),
    ],
    passingGrades: copyGrades(opts.passingGrades ?? []),
  };
}
