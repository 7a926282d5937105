// Demo TKP items (original situational judgement, Bahasa Indonesia): five responses weighted 5..1.

import type { Item } from '../../domain/items.ts';
import { weightedOf } from './kit.ts';

/** Workplaces the scenarios are set in; every scenario appears once per workplace. */
const TEMPAT = [
  'kantor kecamatan',
  'puskesmas',
  'dinas kependudukan',
  'kantor pelayanan pajak',
  'sekolah negeri',
] as const;

/** [scenario with {t} = workplace, responses best first]. Aspects: pelayanan publik, jejaring kerja,
 * sosial budaya, TIK, profesionalisme, anti-radikalisme, integritas. The five responses of a scenario are
 * written to similar lengths, low-weight ones as plausible as high-weight ones, and which rank is longest,
 * shortest or shares most words with the stem varies over scenarios: text length is no clue to the weight
 * (test/services/leakage.test.ts). */
const SKENARIO: ReadonlyArray<readonly [string, readonly [string, string, string, string, string]]> = [
  [
    'Menjelang jam tutup di {t}, seorang warga lanjut usia datang dengan berkas yang belum lengkap. Sikap Anda …',
    [
      'Menjelaskan kekurangan berkas dengan sabar dan membantu bagian yang bisa diselesaikan hari itu',
      'Menjelaskan kekurangan berkas dan meminta beliau kembali besok pagi dengan berkas lengkap',
      'Menerima berkas apa adanya agar warga tidak kecewa dan memprosesnya seperti biasanya',
      'Menyarankan beliau bertanya kepada petugas lain karena jam layanan Anda hampir berakhir',
      'Menyampaikan bahwa layanan sudah tutup dan mempersilakan beliau pulang tanpa penjelasan',
    ],
  ],
  [
    'Rekan kerja di {t} meminta Anda mempercepat berkas milik kerabatnya dengan melewati antrean. Anda …',
    [
      'Menolak dengan sopan, menjelaskan aturan antrean, dan memberi tahu cara melengkapi berkas',
      'Menolak permintaan itu dan menyarankan kerabatnya ikut mengantre seperti warga yang lainnya',
      'Tidak menanggapi permintaan itu dan melanjutkan pekerjaan sesuai urutan antrean hari ini',
      'Mempercepat berkas itu sedikit asalkan tidak diketahui oleh atasan maupun warga lain',
      'Mendahulukannya demi menjaga hubungan baik dan rasa saling percaya antarpegawai',
    ],
  ],
  [
    'Aplikasi layanan baru diterapkan di {t}, tetapi banyak pegawai senior kesulitan memakainya. Anda …',
    [
      'Menawarkan diri membuat panduan singkat dan mendampingi rekan yang masih kesulitan',
      'Membantu rekan yang datang meminta tolong dan menjelaskan langkah-langkah pemakaiannya',
      'Melaporkan kesulitan itu kepada atasan lalu menunggu sampai ada jadwal pelatihan yang resmi',
      'Fokus menyelesaikan pekerjaan sendiri karena pelatihan aplikasi bukan tanggung jawab Anda',
      'Menyarankan kepada atasan agar unit kembali memakai cara lama sampai pegawai siap',
    ],
  ],
  [
    'Atasan di {t} memberi tugas mendesak padahal pekerjaan Anda yang lain juga belum selesai. Anda …',
    [
      'Menyusun prioritas, menyampaikan tenggat yang realistis, lalu mengerjakan keduanya',
      'Mengerjakan tugas mendesak itu lebih dulu dan menunda pekerjaan lain sampai tugas itu selesai',
      'Meminta rekan mengerjakan sebagian tugas tanpa lebih dulu berkoordinasi dengan atasan',
      'Menerima tugas itu tetapi mengerjakannya seadanya supaya semua pekerjaan lain dapat cepat selesai',
      'Menolak tugas itu karena beban kerja Anda saat ini sudah terlalu banyak untuk ditambah',
    ],
  ],
  [
    'Di grup percakapan pegawai {t} beredar pesan yang mengajak membenci kelompok agama tertentu. Anda …',
    [
      'Mengingatkan dengan santun bahwa pesan itu memecah belah dan melaporkannya kepada pengelola',
      'Tidak meneruskan pesan itu dan mengingatkan pengirimnya secara pribadi dengan santun',
      'Mengabaikan pesan itu dan tidak menanggapinya agar tidak memperpanjang perdebatan di grup',
      'Membaca pesan itu dengan saksama lalu menanyakan kebenarannya kepada beberapa teman dekat',
      'Meneruskan pesan itu ke grup lain agar lebih banyak orang segera mengetahui isi dan maksudnya',
    ],
  ],
  [
    'Seorang warga memberi bingkisan kepada Anda di {t} sebagai ucapan terima kasih atas layanan yang sudah selesai. Anda …',
    [
      'Menolak bingkisan itu dengan sopan dan menjelaskan bahwa layanan tidak boleh disertai imbalan',
      'Menolak bingkisan itu dan menyarankan ucapan terima kasih disampaikan lewat survei kepuasan',
      'Menerima bingkisan itu lalu membagikannya secara merata kepada semua rekan kerja Anda',
      'Menerima bingkisan itu karena layanan sudah selesai sehingga tidak memengaruhi keputusan',
      'Menerima bingkisan itu dan berjanji akan mempercepat urusan warga tersebut pada lain waktu',
    ],
  ],
  [
    'Anda ditempatkan di {t} yang warganya berbahasa daerah yang belum Anda kuasai. Anda …',
    [
      'Belajar ungkapan sehari-hari bahasa setempat sambil melayani dengan Bahasa Indonesia sederhana',
      'Meminta bantuan rekan yang berasal dari daerah itu setiap kali ada kesulitan dalam berkomunikasi',
      'Tetap melayani dengan Bahasa Indonesia baku seperti biasa tanpa melakukan usaha tambahan',
      'Meminta setiap warga yang datang untuk membawa keluarga yang dapat menjadi penerjemah',
      'Segera mengajukan permohonan pindah tugas karena merasa tidak cocok dengan lingkungan baru',
    ],
  ],
  [
    'Dalam rapat tim di {t}, usulan Anda ditolak dan diganti usulan rekan yang menurut Anda kurang baik. Anda …',
    [
      'Menerima keputusan dan ikut menyukseskannya sambil mencatat risiko untuk dibahas bila perlu',
      'Menerima keputusan rapat itu dan menjalankan bagian tugas Anda sebaik-baiknya sesuai rencana',
      'Menjalankan keputusan rapat itu tetapi dengan setengah hati karena merasa usulan Anda lebih baik',
      'Membicarakan kelemahan usulan rekan itu dengan beberapa pegawai lain di luar forum rapat',
      'Menolak ikut mengerjakan usulan tersebut dan meminta usulan Anda dipertimbangkan lagi',
    ],
  ],
  [
    'Anda menemukan kesalahan data yang Anda buat sendiri pada laporan {t} yang sudah dikirim ke atasan. Anda …',
    [
      'Segera melaporkan kesalahan itu kepada atasan, menyerahkan perbaikan, dan memeriksa data lain',
      'Mengirimkan laporan versi perbaikan kepada atasan tanpa memberikan penjelasan apa pun',
      'Menunggu apakah atasan menyadari kesalahan itu sebelum memutuskan perlu melapor atau tidak',
      'Memperbaiki data itu di arsip pribadi saja tanpa memberi tahu atasan tentang kesalahan tersebut',
      'Menjelaskan bahwa kekeliruan itu muncul karena gangguan sistem, bukan karena kelalaian sendiri',
    ],
  ],
  [
    'Antrean di {t} memanjang karena sistem daring sedang gangguan. Anda …',
    [
      'Memberi tahu warga tentang gangguan, melayani manual sesuai prosedur darurat, dan melapor ke TI',
      'Melaporkan gangguan kepada tim TI lalu meminta warga menunggu dengan tertib di ruang tunggu',
      'Meminta warga yang mengantre untuk datang lagi besok ketika sistem diperkirakan sudah normal',
      'Menunggu sistem pulih di meja layanan tanpa memberi informasi apa pun kepada warga yang antre',
      'Menutup loket layanan sampai sistem normal kembali lalu meninggalkan meja untuk beristirahat dulu',
    ],
  ],
  [
    'Rekan kerja baru di {t} berasal dari daerah dan latar belakang budaya yang berbeda dengan sebagian besar pegawai. Anda …',
    [
      'Mengajaknya berkenalan, mengenalkan cara kerja tim, dan melibatkannya dalam kegiatan bersama',
      'Bersikap ramah dan membantunya ketika dia bertanya tentang pekerjaan atau kebiasaan tim',
      'Bersikap biasa saja dan menunggu dia menyesuaikan diri dengan kebiasaan pegawai lain',
      'Menjaga jarak dengannya sampai Anda merasa cukup mengenal sifat dan kebiasaan kerjanya',
      'Ikut menertawakan logat bicaranya bersama rekan lain agar suasana kerja terasa lebih akrab',
    ],
  ],
  [
    'Seorang warga mengunggah keluhan tentang layanan {t} di media sosial dengan nada marah. Anda …',
    [
      'Menanggapi keluhan warga lewat kanal resmi dengan sopan dan menindaklanjuti masalahnya',
      'Meneruskan keluhan itu kepada petugas pengaduan agar segera ditangani sesuai prosedur yang ada',
      'Membiarkan keluhan itu karena menanggapi warganet bukan bagian dari tugas pokok Anda',
      'Membalas keluhan itu pada kolom komentar sambil menjelaskan bahwa petugas sudah benar',
      'Meminta rekan-rekan ramai-ramai membalas keluhan itu agar warga tersebut berhenti mengeluh',
    ],
  ],
  [
    'Anda diminta menjadi anggota tim lintas unit di {t} bersama orang-orang yang belum Anda kenal. Anda …',
    [
      'Menerima tugas itu, memperkenalkan diri, dan aktif membangun komunikasi dengan anggota tim',
      'Menerima tugas itu dan mengikuti setiap arahan ketua tim dengan tertib sampai kegiatan selesai',
      'Menerima tugas itu tetapi hanya hadir dalam pertemuan tim bila ketua tim secara khusus memintanya',
      'Meminta atasan menunjuk orang lain untuk menggantikan Anda karena belum mengenal anggotanya',
      'Menolak tugas itu karena Anda lebih nyaman dan produktif bekerja bersama tim sendiri',
    ],
  ],
  [
    'Data pribadi warga di {t} diminta oleh seseorang yang mengaku dari lembaga lain tanpa surat resmi. Anda …',
    [
      'Menolak memberi data, meminta permohonan resmi sesuai prosedur, dan melapor ke atasan',
      'Menolak memberikan data itu dan memintanya mengajukan surat permohonan resmi terlebih dahulu',
      'Menanyakan lebih dulu kepada rekan apakah data itu boleh diberikan kepada orang tersebut',
      'Memberikan sebagian data yang dianggap tidak penting supaya orang itu tidak merasa dipersulit',
      'Memberikan data yang diminta karena orang itu terlihat meyakinkan dan menunjukkan kartu nama',
    ],
  ],
  [
    'Target kerja {t} bulan ini sulit tercapai karena anggaran dipotong. Anda …',
    [
      'Mencari cara kerja yang lebih efisien lalu mengusulkannya kepada tim untuk dicoba bersama',
      'Bekerja lebih keras dengan sumber daya yang ada agar sebagian target tetap tercapai',
      'Mengerjakan tugas sebisanya dengan anggaran yang ada dan menerima apa pun hasil akhirnya nanti',
      'Menunda sisa kegiatan bulan ini sampai ada kejelasan anggaran dan target dari pimpinan',
      'Mengeluhkan pemotongan anggaran itu kepada rekan-rekan dan menganggap target itu tidak masuk akal',
    ],
  ],
  [
    'Anda mendapat kesempatan pelatihan gratis di luar jam kerja yang relevan dengan tugas di {t}. Anda …',
    [
      'Mengikuti pelatihan itu dengan sungguh-sungguh lalu membagikan ilmunya kepada rekan-rekan kerja',
      'Mengikuti pelatihan itu secara tekun untuk menambah kemampuan diri dalam menjalankan tugas',
      'Mengikuti pelatihan itu hanya pada hari ketika tidak ada acara keluarga atau acara lain',
      'Mendaftar sebagai peserta pelatihan itu tetapi jarang hadir karena merasa sudah cukup mampu',
      'Menolak ikut karena pelatihan itu diadakan di luar jam kerja dan tidak ada uang lembur',
    ],
  ],
  [
    'Dua rekan kerja di {t} berselisih sehingga pekerjaan tim terhambat. Anda …',
    [
      'Mengajak keduanya duduk bersama dan berbicara baik-baik untuk mencari jalan keluar',
      'Menyarankan keduanya membawa masalah itu kepada kepala unit agar ada penengah yang adil',
      'Mengambil alih pekerjaan yang terhambat tanpa membicarakan masalah itu dengan keduanya',
      'Tidak ikut campur dan membiarkan keduanya menyelesaikan perselisihan itu sendiri',
      'Memihak teman yang lebih akrab dengan Anda serta menyalahkan pihak lain secara terbuka',
    ],
  ],
  [
    'Menjelang hari raya salah satu agama, beberapa rekan di {t} meminta pembagian jadwal piket. Anda …',
    [
      'Mengusulkan jadwal piket bergiliran yang memberi kesempatan setiap rekan merayakan hari raya',
      'Bersedia menggantikan jadwal piket rekan yang merayakan hari raya tersebut tahun ini',
      'Mengikuti saja jadwal piket yang nantinya ditentukan oleh atasan tanpa memberi masukan apa pun',
      'Mengusulkan agar giliran diundi saja tanpa mempertimbangkan siapa yang sedang merayakan',
      'Menolak mendapat jadwal piket karena hari raya itu bukan hari raya agama Anda sendiri',
    ],
  ],
  [
    'Anda diminta atasan di {t} menandatangani daftar hadir kegiatan yang tidak Anda ikuti. Anda …',
    [
      'Menolak dengan sopan sambil menjelaskan bahwa daftar hadir harus sesuai kenyataan',
      'Menolak menandatangani dan menawarkan diri untuk mengikuti kegiatan serupa berikutnya',
      'Menanyakan lebih dulu alasan permintaan itu kepada rekan yang ikut dalam acara tersebut',
      'Menandatanganinya karena permintaan itu datang langsung dari pimpinan Anda sendiri',
      'Menandatanganinya lalu mengajak rekan lain yang juga absen ikut membubuhkan tanda tangan',
    ],
  ],
  [
    'Warga penyandang disabilitas kesulitan menjangkau loket layanan {t} yang berada di lantai dua. Anda …',
    [
      'Turun ke bawah untuk melayaninya dan mengusulkan agar loket mudah dijangkau semua orang',
      'Turun ke lantai satu untuk melayaninya langsung sampai urusannya selesai hari itu',
      'Meminta keluarga atau pendamping beliau membantunya naik tangga menuju lantai atas',
      'Memintanya datang lagi pada hari lain bersama pendamping yang bisa membantunya naik tangga',
      'Menyarankan beliau mengurus keperluannya di tempat lain yang loketnya berada di lantai satu',
    ],
  ],
];

export function tkpItems(bankId: string): Item[] {
  const out: Item[] = [];
  for (const tempat of TEMPAT)
    for (const [stem, responses] of SKENARIO)
      out.push(weightedOf(bankId, 'TKP', out.length, stem.replace('{t}', tempat), responses));
  return out;
}
