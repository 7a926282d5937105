// Demo TIU items (original): number series generated with computed keys, arithmetic, analogies, syllogisms.

import type { Item } from '../../domain/items.ts';
import { numericDistractors, rupiah, singleOf } from './kit.ts';

const seriesStem = (terms: readonly number[]) =>
  `Bilangan berikutnya dari deret ${terms.join(', ')}, … adalah …`;

/** [a, d]: arithmetic series a, a+d, … (5 terms shown; key = 6th). */
const ARITH: ReadonlyArray<readonly [number, number]> = [
  [3, 4],
  [7, 6],
  [12, 9],
  [50, -7],
  [2, 11],
  [15, 13],
  [100, -12],
  [8, 8],
  [21, 17],
  [5, 19],
  [64, -9],
  [9, 14],
  [30, 25],
  [1, 23],
  [44, -6],
];
/** [a, r]: geometric series. */
const GEOM: ReadonlyArray<readonly [number, number]> = [
  [1, 2],
  [3, 2],
  [2, 3],
  [5, 2],
  [1, 3],
  [4, 3],
  [7, 2],
  [1, 4],
];
/** [a, d, b, e]: two interleaved arithmetic series a, b, a+d, b+e, … (6 terms shown). */
const ALT: ReadonlyArray<readonly [number, number, number, number]> = [
  [2, 3, 20, -2],
  [5, 5, 1, 2],
  [10, -1, 3, 4],
  [1, 4, 30, -3],
  [6, 2, 9, 3],
  [40, -5, 2, 6],
  [3, 7, 50, -4],
  [12, 3, 12, -2],
];
/** [a, d, s]: differences d, d+s, d+2s, … (second difference s). */
const LEVEL: ReadonlyArray<readonly [number, number, number]> = [
  [1, 2, 1],
  [3, 1, 2],
  [5, 3, 3],
  [2, 4, 2],
  [10, 1, 1],
  [4, 5, 2],
];
/** [p, x]: p % of x. */
const PERCENT: ReadonlyArray<readonly [number, number]> = [
  [15, 240],
  [25, 360],
  [12, 450],
  [40, 175],
  [35, 220],
  [8, 650],
  [60, 85],
  [5, 1280],
];
/** [km/jam, jam] */
const SPEED: ReadonlyArray<readonly [number, number]> = [
  [60, 3],
  [45, 4],
  [72, 2],
  [80, 5],
  [55, 6],
  [90, 3],
];
/** [pekerja1, hari1, pekerja2]: same job, inverse proportion. */
const WORK: ReadonlyArray<readonly [number, number, number]> = [
  [6, 10, 4],
  [8, 15, 12],
  [5, 12, 10],
  [9, 8, 6],
  [10, 21, 14],
];
/** [harga satuan, jumlah, diskon %] */
const SHOP: ReadonlyArray<readonly [number, number, number]> = [
  [12_000, 5, 10],
  [8_500, 4, 20],
  [25_000, 3, 15],
  [6_000, 10, 5],
  [40_000, 2, 25],
];
/** [pair, answer, distractors] — word analogies (original pairs). */
const ANALOGI: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  ['DOKTER : STETOSKOP', 'TUKANG KAYU', 'GERGAJI', ['KAYU', 'RUMAH', 'BANGKU', 'PAKU']],
  ['PADI : SAWAH', 'IKAN', 'KOLAM', ['JALA', 'NELAYAN', 'SISIK', 'PASAR']],
  ['BUKU : PERPUSTAKAAN', 'OBAT', 'APOTEK', ['DOKTER', 'PENYAKIT', 'RESEP', 'KAPSUL']],
  ['HAUS : MINUM', 'LELAH', 'ISTIRAHAT', ['TIDUR', 'KERJA', 'LARI', 'KANTUK']],
  ['KOMPAS : ARAH', 'TERMOMETER', 'SUHU', ['CUACA', 'DEMAM', 'RAKSA', 'PANAS']],
  ['PENA : MENULIS', 'GUNTING', 'MEMOTONG', ['KERTAS', 'TAJAM', 'BESI', 'MENJAHIT']],
  ['AIR : MENGALIR', 'ANGIN', 'BERHEMBUS', ['UDARA', 'BADAI', 'DINGIN', 'LAYANG-LAYANG']],
  ['GURU : SEKOLAH', 'HAKIM', 'PENGADILAN', ['HUKUM', 'JAKSA', 'PALU', 'TERDAKWA']],
  ['BENIH : POHON', 'TELUR', 'AYAM', ['SARANG', 'CANGKANG', 'KUNING', 'PETERNAK']],
  ['SIANG : MATAHARI', 'MALAM', 'BULAN', ['GELAP', 'TIDUR', 'LAMPU', 'SENJA']],
];
/** [premis 1, premis 2, conclusion, wrong conclusions] — syllogisms (original). */
const SILOGISME: ReadonlyArray<readonly [string, string, string, readonly string[]]> = [
  [
    'Semua pegawai yang disiplin mendapat penghargaan.',
    'Sari adalah pegawai yang disiplin.',
    'Sari mendapat penghargaan.',
    [
      'Sari tidak mendapat penghargaan.',
      'Semua yang mendapat penghargaan adalah Sari.',
      'Sari mungkin tidak disiplin.',
      'Tidak dapat disimpulkan.',
    ],
  ],
  [
    'Semua peserta yang lulus SKD mengikuti SKB.',
    'Budi tidak mengikuti SKB.',
    'Budi tidak lulus SKD.',
    [
      'Budi lulus SKD.',
      'Budi mengikuti SKB tahun depan.',
      'Semua peserta tidak mengikuti SKB.',
      'Tidak dapat disimpulkan.',
    ],
  ],
  [
    'Jika hujan turun, jalan menjadi basah.',
    'Jalan tidak basah.',
    'Hujan tidak turun.',
    ['Hujan turun.', 'Jalan kering karena panas.', 'Hujan turun deras.', 'Tidak dapat disimpulkan.'],
  ],
  [
    'Semua kucing adalah hewan berkaki empat.',
    'Sebagian hewan berkaki empat bisa berenang.',
    'Tidak dapat disimpulkan bahwa kucing bisa berenang.',
    [
      'Semua kucing bisa berenang.',
      'Sebagian kucing bisa berenang.',
      'Tidak ada kucing yang bisa berenang.',
      'Semua hewan berkaki empat adalah kucing.',
    ],
  ],
  [
    'Tidak ada pegawai kantor ini yang merokok.',
    'Rudi adalah pegawai kantor ini.',
    'Rudi tidak merokok.',
    ['Rudi merokok.', 'Rudi kadang-kadang merokok.', 'Sebagian pegawai merokok.', 'Tidak dapat disimpulkan.'],
  ],
  [
    'Jika listrik padam, ujian ditunda.',
    'Jika ujian ditunda, peserta menunggu di aula.',
    'Jika listrik padam, peserta menunggu di aula.',
    [
      'Jika peserta menunggu di aula, listrik padam.',
      'Jika ujian tidak ditunda, listrik padam.',
      'Peserta selalu menunggu di aula.',
      'Listrik padam karena ujian ditunda.',
    ],
  ],
  [
    'Semua sayuran hijau mengandung serat.',
    'Bayam adalah sayuran hijau.',
    'Bayam mengandung serat.',
    [
      'Bayam tidak mengandung serat.',
      'Semua yang berserat adalah bayam.',
      'Sebagian bayam tidak berserat.',
      'Tidak dapat disimpulkan.',
    ],
  ],
  [
    'Sebagian atlet adalah mahasiswa.',
    'Semua mahasiswa membayar uang kuliah.',
    'Sebagian atlet membayar uang kuliah.',
    [
      'Semua atlet membayar uang kuliah.',
      'Tidak ada atlet yang membayar uang kuliah.',
      'Semua mahasiswa adalah atlet.',
      'Semua yang membayar uang kuliah adalah atlet.',
    ],
  ],
];

export function tiuItems(bankId: string): Item[] {
  const out: Item[] = [];
  const add = (stem: string, correct: string, distractors: readonly string[]) =>
    out.push(singleOf(bankId, 'TIU', out.length, stem, correct, distractors));
  const addNum = (stem: string, key: number, near: readonly number[], fmt?: (x: number) => string) =>
    add(stem, fmt ? fmt(key) : String(key), numericDistractors(stem, key, near, fmt));

  for (const [a, d] of ARITH) {
    const t = Array.from({ length: 6 }, (_, i) => a + i * d);
    const key = t[5] as number;
    addNum(seriesStem(t.slice(0, 5)), key, [key + d, key - 1, key + 1, key + 2 * d]);
  }
  for (const [a, r] of GEOM) {
    const t = Array.from({ length: 6 }, (_, i) => a * r ** i);
    const key = t[5] as number;
    const prev = t[4] as number;
    addNum(seriesStem(t.slice(0, 5)), key, [prev + (prev - (t[3] as number)), key * r, key + r, key - prev]);
  }
  for (const [a, d, b, e] of ALT) {
    const t = Array.from({ length: 7 }, (_, i) => (i % 2 === 0 ? a + (i / 2) * d : b + ((i - 1) / 2) * e));
    const key = t[6] as number;
    const last = t[5] as number;
    addNum(seriesStem(t.slice(0, 6)), key, [last + e, key + d, key - d, last + d]);
  }
  for (const [a, d, s] of LEVEL) {
    const t = [a];
    for (let i = 0; i < 5; i++) t.push((t[i] as number) + d + i * s);
    const key = t[5] as number;
    const lastDiff = key - (t[4] as number);
    addNum(seriesStem(t.slice(0, 5)), key, [key - s, key + s, (t[4] as number) + lastDiff + s, key + 1]);
  }
  for (const [p, x] of PERCENT) {
    const key = (p * x) / 100;
    addNum(`Berapakah ${p}% dari ${x}?`, key, [key * 10, key + p, x - key, key / 2], (v) =>
      String(v).replace('.', ','),
    );
  }
  for (const [v, h] of SPEED) {
    const key = v * h;
    addNum(
      `Sebuah mobil dinas melaju dengan kecepatan rata-rata ${v} km/jam selama ${h} jam. Jarak yang ditempuh adalah … km.`,
      key,
      [key + v, key - v, v + h, key / 2],
    );
  }
  for (const [w1, d1, w2] of WORK) {
    const key = (w1 * d1) / w2;
    addNum(
      `Pekerjaan pengarsipan dapat diselesaikan ${w1} orang dalam ${d1} hari. Jika dikerjakan ${w2} orang dengan kecepatan yang sama, pekerjaan itu selesai dalam … hari.`,
      key,
      [Math.round((w2 * d1) / w1), d1 + (w1 - w2), key + 2, key - 2],
    );
  }
  for (const [price, qty, disc] of SHOP) {
    const gross = price * qty;
    const key = gross * (1 - disc / 100);
    addNum(
      `Kantor membeli ${qty} rim kertas seharga ${rupiah(price)} per rim dan mendapat diskon ${disc}%. Jumlah yang dibayar adalah …`,
      key,
      [gross, gross * (disc / 100), key - price, key + price],
      rupiah,
    );
  }
  for (const [pair, left, answer, wrong] of ANALOGI) {
    add(`${pair} = ${left} : …`, answer, wrong);
  }
  for (const [p1, p2, conclusion, wrong] of SILOGISME) {
    add(`Premis 1: ${p1}\nPremis 2: ${p2}\nKesimpulan yang tepat adalah …`, conclusion, wrong);
  }
  return out;
}
