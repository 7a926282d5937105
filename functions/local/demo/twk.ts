// Demo TWK items (original, Bahasa Indonesia): Pancasila, UUD 1945, NKRI, Bhinneka Tunggal Ika, bahasa negara.

import type { Item } from '../../domain/items.ts';
import { singleOf } from './kit.ts';

const SILA = ['Sila pertama', 'Sila kedua', 'Sila ketiga', 'Sila keempat', 'Sila kelima'] as const;
const SYMBOLS = ['Bintang', 'Rantai', 'Pohon beringin', 'Kepala banteng', 'Padi dan kapas'] as const;

/** [pasal, isi] — paraphrases of provisions of the UUD NRI Tahun 1945. */
const PASAL: ReadonlyArray<readonly [string, string]> = [
  ['Pasal 1 ayat (1)', 'Indonesia adalah negara kesatuan yang berbentuk republik'],
  ['Pasal 1 ayat (2)', 'kedaulatan berada di tangan rakyat dan dilaksanakan menurut Undang-Undang Dasar'],
  ['Pasal 1 ayat (3)', 'Indonesia adalah negara hukum'],
  ['Pasal 2 ayat (1)', 'MPR terdiri atas anggota DPR dan anggota DPD yang dipilih melalui pemilihan umum'],
  [
    'Pasal 7',
    'masa jabatan Presiden dan Wakil Presiden lima tahun dan hanya dapat dipilih kembali untuk satu kali masa jabatan yang sama',
  ],
  [
    'Pasal 18 ayat (1)',
    'wilayah negara dibagi atas daerah provinsi, lalu provinsi dibagi atas kabupaten dan kota',
  ],
  [
    'Pasal 22E ayat (1)',
    'pemilihan umum berlangsung langsung, umum, bebas, rahasia, jujur, dan adil setiap lima tahun',
  ],
  [
    'Pasal 24C ayat (1)',
    'Mahkamah Konstitusi berwenang menguji undang-undang terhadap Undang-Undang Dasar dengan putusan yang final',
  ],
  ['Pasal 27 ayat (3)', 'setiap warga negara berhak dan wajib ikut serta dalam upaya pembelaan negara'],
  [
    'Pasal 28E ayat (3)',
    'setiap orang berhak atas kebebasan berserikat, berkumpul, dan mengeluarkan pendapat',
  ],
  [
    'Pasal 29 ayat (2)',
    'negara menjamin kemerdekaan tiap penduduk untuk memeluk agama dan beribadat menurut agamanya',
  ],
  [
    'Pasal 30 ayat (1)',
    'tiap warga negara berhak dan wajib ikut serta dalam usaha pertahanan dan keamanan negara',
  ],
  ['Pasal 31 ayat (1)', 'setiap warga negara berhak mendapat pendidikan'],
  [
    'Pasal 33 ayat (3)',
    'bumi, air, dan kekayaan alam di dalamnya dikuasai negara untuk sebesar-besar kemakmuran rakyat',
  ],
  ['Pasal 34 ayat (1)', 'fakir miskin dan anak-anak terlantar dipelihara oleh negara'],
  ['Pasal 35', 'bendera negara ialah Sang Merah Putih'],
  ['Pasal 36', 'bahasa negara ialah Bahasa Indonesia'],
  ['Pasal 36A', 'lambang negara ialah Garuda Pancasila dengan semboyan Bhinneka Tunggal Ika'],
  ['Pasal 36B', 'lagu kebangsaan ialah Indonesia Raya'],
  ['Pasal 37 ayat (5)', 'bentuk Negara Kesatuan Republik Indonesia tidak dapat dilakukan perubahan'],
];

/** [situasi, sila index] — original everyday situations. */
const SITUASI: ReadonlyArray<readonly [string, number]> = [
  ['Dimas mengecilkan suara musik di rumahnya ketika tetangganya yang berbeda agama sedang beribadah.', 0],
  ['Seorang ketua RT tidak pernah membujuk warganya untuk berpindah keyakinan.', 0],
  ['Panitia lomba kantor menjadwalkan acara di luar waktu ibadah para peserta yang beragam.', 0],
  ['Rina menggalang donasi untuk korban gempa di negara lain tanpa memandang asal-usul mereka.', 1],
  ['Petugas loket melayani pemohon dari suku mana pun dengan urutan dan keramahan yang sama.', 1],
  ['Seorang siswa membela temannya yang diejek karena logat daerahnya.', 1],
  ['Dua kelompok suporter sepak bola berdamai demi menjaga suasana aman menjelang perayaan kemerdekaan.', 2],
  ['Seorang pegawai memilih memakai produk buatan dalam negeri untuk seragam timnya.', 2],
  [
    'Pemuda dari berbagai daerah di asrama bersama-sama menampilkan tarian dari daerah masing-masing pada malam budaya.',
    2,
  ],
  ['Warga memutuskan jadwal ronda melalui rapat dan semua pendapat didengarkan sebelum mufakat.', 3],
  ['Andi yang usulnya tidak terpilih tetap melaksanakan keputusan rapat dengan sungguh-sungguh.', 3],
  ['Ketua kelas tidak memaksakan pilihannya dan mengajak teman-temannya bermusyawarah.', 3],
  ['Pengurus koperasi membagi sisa hasil usaha secara terbuka sesuai jasa setiap anggota.', 4],
  ['Sekelompok pemuda membantu membangun saluran air agar seluruh warga kampung mendapat air bersih.', 4],
  ['Seorang pengusaha membayar upah pekerjanya tepat waktu dan sesuai ketentuan.', 4],
];

/** [stem, correct, distractors] — NKRI, Bhinneka Tunggal Ika, sejarah, bahasa negara. */
const FAKTA: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  [
    'Semboyan Bhinneka Tunggal Ika diambil dari kitab …',
    'Sutasoma',
    ['Negarakertagama', 'Pararaton', 'Arjunawiwaha', 'Bharatayuddha'],
  ],
  [
    'Kitab yang memuat semboyan Bhinneka Tunggal Ika ditulis oleh …',
    'Mpu Tantular',
    ['Mpu Prapanca', 'Mpu Sedah', 'Mpu Kanwa', 'Mpu Panuluh'],
  ],
  [
    'Makna semboyan Bhinneka Tunggal Ika yang paling tepat adalah …',
    'berbeda-beda tetapi tetap satu',
    ['bersatu kita teguh', 'satu nusa satu bangsa', 'bekerja untuk negeri', 'merdeka atau mati'],
  ],
  [
    'Ikrar Sumpah Pemuda dibacakan pada tanggal …',
    '28 Oktober 1928',
    ['20 Mei 1908', '17 Agustus 1945', '1 Juni 1945', '10 November 1945'],
  ],
  [
    'Undang-Undang Dasar 1945 disahkan oleh PPKI pada tanggal …',
    '18 Agustus 1945',
    ['17 Agustus 1945', '1 Juni 1945', '22 Juni 1945', '29 Mei 1945'],
  ],
  [
    'Rumusan dasar negara Pancasila tercantum dalam Pembukaan UUD 1945 pada alinea …',
    'keempat',
    ['pertama', 'kedua', 'ketiga', 'kelima'],
  ],
  [
    'Hari Lahir Pancasila diperingati setiap tanggal …',
    '1 Juni',
    ['1 Oktober', '17 Agustus', '28 Oktober', '20 Mei'],
  ],
  ['Jumlah bulu pada masing-masing sayap Garuda Pancasila adalah …', '17', ['8', '19', '45', '5']],
  ['Jumlah bulu pada ekor Garuda Pancasila adalah …', '8', ['17', '19', '45', '10']],
  ['Jumlah bulu pada pangkal ekor Garuda Pancasila adalah …', '19', ['17', '8', '45', '20']],
  ['Jumlah bulu pada leher Garuda Pancasila adalah …', '45', ['17', '8', '19', '50']],
  [
    'Butir ketiga Sumpah Pemuda menyatakan menjunjung …',
    'bahasa persatuan, bahasa Indonesia',
    ['tanah air yang satu', 'bangsa yang satu', 'bahasa daerah masing-masing', 'bahasa resmi internasional'],
  ],
  [
    'Undang-undang yang mengatur bendera, bahasa, lambang negara, dan lagu kebangsaan adalah …',
    'UU Nomor 24 Tahun 2009',
    ['UU Nomor 12 Tahun 2011', 'UU Nomor 5 Tahun 2014', 'UU Nomor 23 Tahun 2014', 'UU Nomor 20 Tahun 2003'],
  ],
  [
    'Dalam nota kesepahaman antara lembaga negara dan pihak dalam negeri, bahasa yang wajib digunakan adalah …',
    'Bahasa Indonesia',
    ['bahasa Inggris', 'bahasa daerah pihak pertama', 'bahasa yang disepakati saja', 'bahasa Melayu'],
  ],
  [
    'Pidato resmi Presiden di dalam negeri wajib disampaikan dalam …',
    'Bahasa Indonesia',
    ['bahasa Inggris', 'bahasa daerah setempat', 'bahasa asing yang dipahami hadirin', 'bahasa Jawa'],
  ],
  [
    'Wawasan Nusantara memandang wilayah darat, laut, dan udara Indonesia sebagai …',
    'satu kesatuan yang utuh',
    [
      'wilayah yang dapat dipisah-pisah',
      'gabungan negara bagian',
      'wilayah federasi',
      'kumpulan daerah otonom yang berdaulat',
    ],
  ],
];

export function twkItems(bankId: string): Item[] {
  const out: Item[] = [];
  const add = (stem: string, correct: string, distractors: readonly string[]) =>
    out.push(singleOf(bankId, 'TWK', out.length, stem, correct, distractors));

  SYMBOLS.forEach((sym, i) => {
    add(
      `Pada perisai Garuda Pancasila, lambang ${sym.toLowerCase()} melambangkan …`,
      SILA[i] as string,
      SILA.filter((_, j) => j !== i),
    );
  });
  SILA.forEach((sila, i) => {
    add(
      `${sila} Pancasila dilambangkan dengan …`,
      SYMBOLS[i] as string,
      SYMBOLS.filter((_, j) => j !== i),
    );
  });
  PASAL.forEach(([pasal, isi], i) => {
    const others = [1, 3, 7, 12].map((k) => PASAL[(i + k) % PASAL.length] as readonly [string, string]);
    add(
      `Ketentuan bahwa ${isi} diatur dalam UUD NRI Tahun 1945 …`,
      pasal,
      others.map(([p]) => p),
    );
    add(
      `${pasal} UUD NRI Tahun 1945 pada pokoknya menyatakan bahwa …`,
      isi,
      others.map(([, s]) => s),
    );
  });
  SITUASI.forEach(([situasi, sila]) => {
    add(
      `${situasi} Sikap tersebut paling mencerminkan pengamalan Pancasila …`,
      SILA[sila] as string,
      SILA.filter((_, j) => j !== sila),
    );
  });
  for (const [stem, correct, distractors] of FAKTA) add(stem, correct, distractors);
  return out;
}
