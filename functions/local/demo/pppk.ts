// Demo PPPK items (original): generated technical items (single, 5/0) and situational items weighted 4..1.

import type { Item } from '../../domain/items.ts';
import { numericDistractors, singleOf, weightedOf } from './kit.ts';

const SIX = [0, 1, 2, 3, 4, 5] as const;
const decimal = (x: number): string => String(x).replace('.', ',');

function teknis(bankId: string): Item[] {
  const out: Item[] = [];
  const addNum = (stem: string, key: number, near: readonly number[], fmt?: (x: number) => string) => {
    const f = fmt ?? String;
    out.push(singleOf(bankId, 'TEKNIS', out.length, stem, f(key), numericDistractors(stem, key, near, fmt)));
  };
  const budgets = [120, 150, 200, 240, 300, 360];
  const spent = [15, 20, 25, 30, 40, 45];
  for (const i of SIX)
    for (const j of SIX) {
      const a = budgets[i] as number;
      const p = spent[j] as number;
      const key = (a * (100 - p)) / 100;
      addNum(
        `Anggaran kegiatan sebuah unit kerja Rp${a} juta. Sebesar ${p}% sudah terpakai. Sisa anggaran adalah … (juta rupiah)`,
        key,
        [(a * p) / 100, key + 10, key - 10, a - p],
        decimal,
      );
    }
  const years = [2015, 2016, 2017, 2018, 2019, 2020];
  const retention = [2, 3, 5, 7, 10, 12];
  for (const i of SIX)
    for (const j of SIX) {
      const y = years[i] as number;
      const n = retention[j] as number;
      addNum(
        `Arsip kegiatan tahun ${y} memiliki retensi aktif ${n} tahun sejak tahun pembuatannya. Arsip itu dapat dipindahkan ke arsip inaktif mulai tahun …`,
        y + n,
        [y + n - 1, y + n + 1, y + 2 * n, y + n + 2],
      );
    }
  const as = [3, 4, 5, 6, 7, 8];
  const bs = [12, 15, 20, 25, 9, 11];
  const formulas: ReadonlyArray<readonly [string, (a: number, b: number) => number]> = [
    ['=A1*A2+A1', (a, b) => a * b + a],
    ['=(A1+A2)*2', (a, b) => (a + b) * 2],
    ['=A2*2-A1', (a, b) => b * 2 - a],
  ];
  for (const i of SIX)
    for (const j of SIX) {
      const a = as[i] as number;
      const b = bs[j] as number;
      const [text, f] = formulas[(i + j) % formulas.length] as (typeof formulas)[number];
      const key = f(a, b);
      addNum(
        `Pada lembar kerja, sel A1 berisi ${a} dan sel A2 berisi ${b}. Hasil rumus ${text} adalah …`,
        key,
        [a * b, a + b, key + a, key - a],
      );
    }
  const bases = [60, 65, 70, 75, 80, 85];
  const patterns = [
    [0, 5, 10, -5, -10],
    [2, 4, 6, 8, 10],
    [1, 3, -2, 7, 1],
    [5, 5, -5, 10, 0],
    [-4, 8, 0, 6, 5],
    [10, -3, 4, -6, 0],
  ];
  for (const i of SIX)
    for (const j of SIX) {
      const values = (patterns[j] as number[]).map((d) => (bases[i] as number) + d);
      const sum = values.reduce((s, v) => s + v, 0);
      const key = sum / values.length;
      addNum(
        `Nilai kinerja lima pegawai adalah ${values.join(', ')}. Rata-rata nilai mereka adalah …`,
        key,
        [key + 1, key - 1, Math.max(...values), Math.min(...values)],
        decimal,
      );
    }
  const everyN = [3, 4, 5, 6, 7, 2];
  const firstDay = [1, 2, 3, 4, 5, 6];
  for (const i of SIX)
    for (const j of SIX) {
      const n = everyN[i] as number;
      const s = firstDay[j] as number;
      const key = s + 3 * n;
      addNum(
        `Rapat evaluasi diadakan setiap ${n} hari sekali. Rapat pertama bulan ini pada tanggal ${s}. Rapat keempat jatuh pada tanggal …`,
        key,
        [key + n, key - n, s + 4 * n, key + 1],
      );
    }
  return out;
}

const UNIT = [
  'sekolah',
  'rumah sakit daerah',
  'dinas pertanian',
  'kantor kelurahan',
  'balai latihan kerja',
] as const;

type Four = readonly [string, string, string, string];

const MANAJERIAL: ReadonlyArray<readonly [string, Four]> = [
  [
    'Program kerja di {u} tertinggal dari jadwal karena koordinasi antarbagian lemah. Anda …',
    [
      'Mengusulkan rapat koordinasi rutin dengan pembagian tugas dan tenggat yang jelas',
      'Menghubungi bagian terkait satu per satu bila ada masalah',
      'Menunggu arahan pimpinan',
      'Mengerjakan bagian sendiri saja',
    ],
  ],
  [
    'Anda diminta memimpin tim kecil di {u} yang anggotanya lebih senior. Anda …',
    [
      'Mengajak tim menyepakati tujuan dan meminta masukan dari pengalaman mereka',
      'Membagi tugas sesuai arahan atasan',
      'Membiarkan anggota senior menentukan cara kerja',
      'Menolak karena merasa kurang pantas',
    ],
  ],
  [
    'Ada perubahan aturan yang memengaruhi cara kerja di {u}. Anda …',
    [
      'Mempelajari aturan baru, menyesuaikan cara kerja, dan membantu rekan memahaminya',
      'Mempelajari aturan baru untuk pekerjaan sendiri',
      'Menunggu sosialisasi resmi',
      'Tetap memakai cara lama selama belum ditegur',
    ],
  ],
  [
    'Hasil kerja rekan satu tim di {u} sering terlambat sehingga menghambat Anda. Anda …',
    [
      'Membicarakannya secara langsung dan mencari penyebab serta solusi bersama',
      'Mengingatkannya setiap kali terlambat',
      'Melaporkannya kepada atasan',
      'Mengerjakan bagiannya tanpa berkata apa-apa',
    ],
  ],
  [
    'Pimpinan {u} meminta usulan perbaikan layanan. Anda …',
    [
      'Mengumpulkan data keluhan pengguna dan menyusun usulan yang terukur',
      'Menyampaikan ide berdasarkan pengalaman sendiri',
      'Mendukung usulan rekan lain',
      'Tidak mengusulkan karena merasa bukan wewenang Anda',
    ],
  ],
  [
    'Anda harus memutuskan pembagian anggaran kecil di {u} yang diperebutkan dua kegiatan. Anda …',
    [
      'Menimbang manfaat dan urgensi keduanya dengan data, lalu memutuskan dan menjelaskan alasannya',
      'Membagi rata kepada kedua kegiatan',
      'Meminta pimpinan yang memutuskan',
      'Memilih kegiatan yang diusulkan rekan terdekat',
    ],
  ],
  [
    'Pekerjaan rutin di {u} banyak yang dikerjakan manual dan memakan waktu. Anda …',
    [
      'Mengusulkan dan mencoba cara kerja baru yang lebih efisien bersama tim',
      'Mencari cara lebih cepat untuk pekerjaan sendiri',
      'Tetap bekerja seperti biasa',
      'Mengeluhkan beban kerja kepada rekan',
    ],
  ],
  [
    'Anda melakukan kesalahan dalam laporan {u} yang membuat tim harus lembur. Anda …',
    [
      'Mengakui kesalahan, ikut memperbaiki, dan menyusun langkah agar tidak terulang',
      'Mengakui kesalahan dan meminta maaf',
      'Memperbaiki diam-diam',
      'Menjelaskan bahwa kesalahan karena data dari pihak lain',
    ],
  ],
  [
    'Target {u} naik tetapi jumlah pegawai tetap. Anda …',
    [
      'Menyusun prioritas bersama tim dan mengatur ulang alur kerja',
      'Bekerja lembur untuk mengejar target',
      'Mengerjakan yang bisa saja',
      'Meminta target diturunkan',
    ],
  ],
  [
    'Seorang pegawai baru di {u} belum memahami tugasnya. Anda …',
    [
      'Membimbingnya dengan menjelaskan tugas dan memberi contoh sampai ia mandiri',
      'Memberinya dokumen panduan untuk dipelajari',
      'Memintanya bertanya kepada atasan',
      'Membiarkannya belajar sendiri',
    ],
  ],
];

const SOSIOKULTURAL: ReadonlyArray<readonly [string, Four]> = [
  [
    'Pengguna layanan {u} datang dari beragam latar belakang budaya. Anda …',
    [
      'Melayani semua dengan setara dan menyesuaikan cara berkomunikasi dengan kebutuhan mereka',
      'Melayani semua sesuai prosedur',
      'Lebih nyaman melayani yang berlatar sama dengan Anda',
      'Meminta rekan melayani yang berbeda budaya',
    ],
  ],
  [
    'Di {u} ada tradisi setempat yang berbeda dengan kebiasaan Anda. Anda …',
    [
      'Mempelajari dan menghormati tradisi itu serta ikut bila sesuai',
      'Menghormati tanpa ikut terlibat',
      'Tidak memedulikannya',
      'Menyarankan tradisi itu dihentikan',
    ],
  ],
  [
    'Seorang pengguna layanan {u} berbicara dengan nada tinggi karena kecewa. Anda …',
    [
      'Mendengarkan dengan tenang, menunjukkan empati, lalu membantu menyelesaikan masalahnya',
      'Meminta maaf dan mencatat keluhannya',
      'Memintanya menunggu sampai tenang',
      'Membalas dengan nada yang sama',
    ],
  ],
  [
    'Rekan di {u} menyampaikan lelucon yang merendahkan kelompok tertentu. Anda …',
    [
      'Menegur dengan santun bahwa lelucon itu dapat menyakiti orang lain',
      'Tidak ikut tertawa',
      'Diam saja',
      'Ikut tertawa agar suasana tetap akrab',
    ],
  ],
  [
    'Warga sekitar {u} mengadakan kerja bakti pada hari libur. Anda …',
    [
      'Ikut serta dan mengajak rekan kerja terlibat',
      'Ikut serta bila sempat',
      'Memberi sumbangan tanpa hadir',
      'Tidak ikut karena hari libur',
    ],
  ],
  [
    'Dalam diskusi di {u}, pendapat rekan yang pendiam sering terlewat. Anda …',
    [
      'Memberi kesempatan dan mengundang pendapatnya secara khusus',
      'Mendengarkan bila ia berbicara',
      'Membiarkan diskusi berjalan seperti biasa',
      'Menganggap pendapatnya tidak penting',
    ],
  ],
  [
    'Ada pengguna layanan {u} yang tidak dapat membaca formulir. Anda …',
    [
      'Membacakan dan membantu mengisi formulir dengan menjaga martabatnya',
      'Meminta keluarganya membantu',
      'Memberikan contoh formulir yang sudah diisi',
      'Memintanya kembali bersama pendamping',
    ],
  ],
  [
    'Perbedaan pilihan politik memicu ketegangan di antara pegawai {u}. Anda …',
    [
      'Menjaga netralitas dan mengajak rekan fokus pada pelayanan',
      'Menghindari pembicaraan politik',
      'Ikut berdebat bila ditanya',
      'Mengajak rekan mendukung pilihan Anda',
    ],
  ],
];

const WAWANCARA: ReadonlyArray<readonly [string, Four]> = [
  [
    'Mengapa Anda ingin bekerja sebagai aparatur di {u}?',
    [
      'Ingin mengabdi dan memberi manfaat nyata bagi masyarakat melalui keahlian saya',
      'Ingin mengembangkan karier di pemerintahan',
      'Pekerjaannya stabil',
      'Karena diminta keluarga',
    ],
  ],
  [
    'Bagaimana Anda menjaga integritas bila ditawari imbalan di {u}?',
    [
      'Menolak tegas, menjelaskan aturannya, dan melaporkan bila berulang',
      'Menolak dengan sopan',
      'Mempertimbangkan bila imbalannya kecil',
      'Menerima bila tidak ada yang tahu',
    ],
  ],
  [
    'Apa yang Anda lakukan bila pekerjaan di {u} tidak sesuai harapan Anda?',
    [
      'Beradaptasi, mempelajari hal baru, dan mencari cara memberi kontribusi terbaik',
      'Menjalaninya sambil menunggu kesempatan lain',
      'Mengerjakan seperlunya',
      'Mencari pekerjaan lain',
    ],
  ],
  [
    'Bagaimana Anda menanggapi kritik atas hasil kerja Anda di {u}?',
    [
      'Menerima sebagai masukan, menanyakan detailnya, dan memperbaiki',
      'Menerima dan memperbaiki bila sempat',
      'Menjelaskan alasan hasil kerja itu',
      'Merasa tersinggung',
    ],
  ],
];

function weightedFrom(
  bankId: string,
  category: string,
  scenarios: ReadonlyArray<readonly [string, Four]>,
): Item[] {
  const out: Item[] = [];
  for (const unit of UNIT)
    for (const [stem, responses] of scenarios)
      out.push(weightedOf(bankId, category, out.length, stem.replace('{u}', unit), responses));
  return out;
}

export const pppkItems = (bankId: string): Item[] => [
  ...teknis(bankId),
  ...weightedFrom(bankId, 'MANAJERIAL', MANAJERIAL),
  ...weightedFrom(bankId, 'SOSIOKULTURAL', SOSIOKULTURAL),
  ...weightedFrom(bankId, 'WAWANCARA', WAWANCARA),
];
