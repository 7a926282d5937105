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

// Situational items below: the four responses of a scenario have similar lengths, low-weight ones read as
// plausibly as high-weight ones, and the rank that is longest, shortest or shares most words with the stem
// varies over scenarios, so text length is no clue to the weight (test/services/leakage.test.ts).

const MANAJERIAL: ReadonlyArray<readonly [string, Four]> = [
  [
    'Program kerja di {u} tertinggal dari jadwal karena koordinasi antarbagian lemah. Anda …',
    [
      'Mengusulkan rapat koordinasi rutin dengan pembagian tugas dan tenggat yang jelas',
      'Menghubungi bagian lain satu per satu agar program tidak makin tertinggal',
      'Menunggu arahan dari pimpinan sebelum mengambil langkah perbaikan apa pun',
      'Mengerjakan bagian sendiri dengan baik tanpa memedulikan bagian yang lain',
    ],
  ],
  [
    'Anda diminta memimpin tim kecil di {u} yang anggotanya lebih senior. Anda …',
    [
      'Mengajak tim menyepakati tujuan dan meminta masukan dari pengalaman mereka',
      'Membagi tugas kepada setiap anggota secara merata sesuai arahan dari atasan',
      'Membiarkan anggota senior menentukan cara kerja tim tanpa mengarahkan',
      'Menolak karena merasa kurang pantas menjadi pemimpin bagi mereka',
    ],
  ],
  [
    'Ada perubahan aturan yang memengaruhi cara kerja di {u}. Anda …',
    [
      'Mempelajari ketentuan baru, menyesuaikan diri, dan membantu rekan',
      'Mempelajari ketentuan baru itu dengan teliti agar tugas sendiri tetap sesuai',
      'Menunggu sosialisasi resmi dari pimpinan sebelum mengubah kebiasaan yang berjalan',
      'Tetap memakai cara kerja lama selama belum ada teguran langsung dari atasan',
    ],
  ],
  [
    'Hasil kerja rekan satu tim di {u} sering terlambat sehingga menghambat Anda. Anda …',
    [
      'Membicarakan keterlambatan itu dengan rekan satu tim dan mencari solusi bersama',
      'Mengingatkannya dengan sopan setiap kali tenggat tugas hampir tiba',
      'Melaporkan keterlambatan itu kepada atasan agar atasan yang menegurnya',
      'Mengerjakan bagian rekan itu sendiri tanpa berkata apa-apa meskipun harus lembur',
    ],
  ],
  [
    'Pimpinan {u} meminta usulan perbaikan layanan. Anda …',
    [
      'Mengumpulkan keluhan pengguna lalu menyusun rancangan perbaikan yang terukur',
      'Menyampaikan usulan perbaikan layanan berdasarkan pengalaman Anda sendiri',
      'Mendukung gagasan rekan lain yang menurut Anda sudah cukup matang',
      'Tidak menyampaikan apa pun karena merasa hal itu bukan wewenang Anda',
    ],
  ],
  [
    'Anda harus memutuskan pembagian anggaran kecil di {u} yang diperebutkan dua kegiatan. Anda …',
    [
      'Menimbang manfaat dan urgensi keduanya dengan data, lalu menjelaskan keputusan',
      'Membagi dana itu sama rata kepada kedua pihak agar tidak ada yang merasa kecewa',
      'Menyerahkan keputusan pembagian anggaran kepada pimpinan karena dana kecil',
      'Memilih usulan milik rekan yang paling akrab dengan Anda secara pribadi',
    ],
  ],
  [
    'Pekerjaan rutin di {u} banyak yang dikerjakan manual dan memakan waktu. Anda …',
    [
      'Mengusulkan dan mencoba cara baru yang lebih efisien bersama tim',
      'Mencari cara lebih cepat untuk menyelesaikan tugas-tugas Anda sendiri',
      'Tetap bekerja seperti biasa karena cara lama sudah terbukti berjalan',
      'Mengeluhkan pekerjaan rutin yang memakan waktu itu kepada rekan-rekan',
    ],
  ],
  [
    'Anda melakukan kesalahan dalam laporan {u} yang membuat tim harus lembur. Anda …',
    [
      'Mengakui kesalahan dalam laporan, ikut memperbaiki, dan mencegahnya terulang',
      'Mengakui kekeliruan itu di depan rekan-rekan dan meminta maaf kepada mereka',
      'Memperbaiki bagian yang salah secara diam-diam tanpa memberi tahu siapa pun',
      'Menjelaskan bahwa kekeliruan itu terjadi karena data yang dikirim oleh pihak lain',
    ],
  ],
  [
    'Target {u} naik tetapi jumlah pegawai tetap. Anda …',
    [
      'Menyusun prioritas bersama tim dan mengatur ulang alur kerja agar lebih efisien',
      'Bekerja lembur setiap hari agar target yang naik itu tetap dapat dikejar',
      'Mengerjakan bagian yang sanggup dikerjakan dan membiarkan sisanya',
      'Meminta pimpinan meninjau ulang beban karena tenaga tidak bertambah',
    ],
  ],
  [
    'Seorang pegawai baru di {u} belum memahami tugasnya. Anda …',
    [
      'Membimbingnya dengan menjelaskan tugas dan memberi contoh sampai ia mandiri',
      'Memberinya dokumen panduan lengkap untuk dipelajari sendiri di sela pekerjaan',
      'Memintanya bertanya kepada atasan setiap kali belum memahami tugasnya',
      'Membiarkannya belajar sendiri karena semua orang dulu juga begitu',
    ],
  ],
];

const SOSIOKULTURAL: ReadonlyArray<readonly [string, Four]> = [
  [
    'Pengguna layanan {u} datang dari beragam latar belakang budaya. Anda …',
    [
      'Melayani semua dengan setara dan menyesuaikan cara berkomunikasi',
      'Melayani setiap orang dengan cara yang persis sama sesuai prosedur',
      'Lebih mengutamakan orang yang berasal dari suku atau daerah yang sama dengan Anda',
      'Meminta rekan melayani pengguna layanan yang latar belakang budayanya lain',
    ],
  ],
  [
    'Di {u} ada tradisi setempat yang berbeda dengan kebiasaan Anda. Anda …',
    [
      'Mempelajari dan menghormati tradisi setempat itu serta ikut bila sesuai',
      'Menghormati adat tersebut tetapi memilih untuk tidak ikut terlibat',
      'Tidak memedulikan adat itu dan tetap menjalankan kebiasaan sendiri',
      'Menyarankan agar adat itu dihentikan karena tidak sejalan dengan keyakinan',
    ],
  ],
  [
    'Seorang pengguna layanan {u} berbicara dengan nada tinggi karena kecewa. Anda …',
    [
      'Mendengarkan dengan tenang, berempati, lalu membantu menyelesaikan masalahnya',
      'Meminta maaf karena ia kecewa lalu mencatat keluhannya untuk diteruskan',
      'Memintanya duduk dan menunggu sampai ia tenang sebelum dilayani',
      'Menjawab dengan suara tegas agar ia sadar sikapnya kurang pantas',
    ],
  ],
  [
    'Rekan di {u} menyampaikan lelucon yang merendahkan kelompok tertentu. Anda …',
    [
      'Menegur dengan santun bahwa candaan itu dapat menyakiti orang lain',
      'Tidak ikut tertawa lalu mengalihkan pembicaraan ke topik yang lebih netral',
      'Diam saja dan menganggap lelucon yang merendahkan itu hal biasa',
      'Ikut tertawa agar suasana tetap akrab dan tidak terasa canggung',
    ],
  ],
  [
    'Warga sekitar {u} mengadakan kerja bakti pada hari libur. Anda …',
    [
      'Ikut serta dan mengajak rekan-rekan lain untuk terlibat',
      'Ikut serta dalam kegiatan itu bila tidak ada acara keluarga',
      'Memberi sumbangan makanan atau uang tanpa hadir di lokasi kegiatan',
      'Tidak ikut karena hari libur adalah waktu untuk beristirahat',
    ],
  ],
  [
    'Dalam diskusi di {u}, pendapat rekan yang pendiam sering terlewat. Anda …',
    [
      'Memberi kesempatan dan mengundang pendapat rekan yang pendiam secara khusus',
      'Mendengarkan dengan saksama setiap kali ia mau menyampaikan sesuatu',
      'Membiarkan diskusi berjalan seperti biasa tanpa mengubah cara memimpin',
      'Menganggap masukan orang itu kurang penting bagi keputusan akhir yang diambil',
    ],
  ],
  [
    'Ada pengguna layanan {u} yang tidak dapat membaca formulir. Anda …',
    [
      'Membacakan isinya dan membantu mengisi dengan tetap menjaga martabatnya',
      'Meminta keluarganya yang ikut datang membantu mengisi formulir',
      'Memberikan contoh isian yang sudah jadi agar ia menirunya',
      'Memintanya kembali lain hari bersama pendamping yang bisa menulis',
    ],
  ],
  [
    'Perbedaan pilihan politik memicu ketegangan di antara pegawai {u}. Anda …',
    [
      'Menjaga netralitas dan mengajak rekan kembali fokus pada pelayanan',
      'Menghindari percakapan tentang partai selama berada di lingkungan kerja',
      'Ikut berdebat soal pilihan politik bila ada pegawai yang bertanya',
      'Mengajak rekan-rekan mendukung calon yang Anda sukai saat pemilu',
    ],
  ],
];

const WAWANCARA: ReadonlyArray<readonly [string, Four]> = [
  [
    'Mengapa Anda ingin bekerja sebagai aparatur di {u}?',
    [
      'Saya ingin mengabdi dan memberi manfaat nyata bagi masyarakat luas',
      'Saya berharap dapat mengembangkan karier jangka panjang di pemerintahan',
      'Menurut saya pekerjaan di pemerintahan menawarkan penghasilan yang stabil',
      'Keluarga saya ingin saya bekerja sebagai aparatur karena dianggap terhormat',
    ],
  ],
  [
    'Bagaimana Anda menjaga integritas bila ditawari imbalan di {u}?',
    [
      'Saya menolak imbalan itu dengan tegas dan melaporkan bila tawaran berulang',
      'Saya menolak dengan sopan sambil berterima kasih atas niat baiknya',
      'Saya mempertimbangkan untuk menerimanya asalkan nilainya tidak besar',
      'Saya akan menerimanya selama tidak ada rekan atau atasan yang mengetahuinya',
    ],
  ],
  [
    'Apa yang Anda lakukan bila pekerjaan di {u} tidak sesuai harapan Anda?',
    [
      'Saya beradaptasi, mempelajari hal baru, dan mencari cara untuk berkontribusi',
      'Saya menjalaninya walau tidak sesuai harapan sambil menunggu peluang lain',
      'Saya mengerjakan seperlunya sesuai tugas yang diberikan atasan',
      'Saya akan mulai mencari tempat kerja lain yang lebih cocok bagi saya',
    ],
  ],
  [
    'Bagaimana Anda menanggapi kritik atas hasil kerja Anda di {u}?',
    [
      'Saya menerimanya sebagai masukan, menanyakan detailnya, lalu memperbaiki',
      'Saya menerima kritik itu dan memperbaikinya bila ada waktu luang di sela tugas',
      'Saya menjelaskan alasan di balik hasil kerja itu kepada pengkritik',
      'Saya merasa tersinggung tetapi berusaha keras tidak menunjukkannya',
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
