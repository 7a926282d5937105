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
 * sosial budaya, TIK, profesionalisme, anti-radikalisme, integritas. */
const SKENARIO: ReadonlyArray<readonly [string, readonly [string, string, string, string, string]]> = [
  [
    'Menjelang jam tutup di {t}, seorang warga lanjut usia datang dengan berkas yang belum lengkap. Sikap Anda …',
    [
      'Menjelaskan kekurangannya dengan sabar, membantu yang bisa diselesaikan hari itu, dan mencatat janji layanan berikutnya',
      'Menjelaskan kekurangan berkas dan memintanya kembali besok pagi',
      'Menerima berkas apa adanya agar warga tidak kecewa',
      'Memintanya bertanya kepada petugas lain karena jam layanan hampir habis',
      'Menyampaikan bahwa layanan sudah tutup tanpa penjelasan',
    ],
  ],
  [
    'Rekan kerja di {t} meminta Anda mempercepat berkas milik kerabatnya dengan melewati antrean. Anda …',
    [
      'Menolak dengan sopan, menjelaskan aturan antrean, dan menawarkan informasi cara melengkapi berkas',
      'Menolak dan menyarankan kerabatnya mengantre seperti warga lain',
      'Mendiamkan permintaan itu',
      'Mempercepat sedikit asalkan tidak diketahui atasan',
      'Mendahulukan berkas itu karena menjaga hubungan baik dengan rekan',
    ],
  ],
  [
    'Aplikasi layanan baru diterapkan di {t}, tetapi banyak pegawai senior kesulitan memakainya. Anda …',
    [
      'Menawarkan diri membuat panduan singkat dan mendampingi rekan yang kesulitan',
      'Membantu rekan yang meminta tolong saja',
      'Melaporkan kesulitan itu kepada atasan dan menunggu pelatihan resmi',
      'Fokus pada pekerjaan sendiri karena aplikasi bukan tanggung jawab Anda',
      'Menyarankan kembali memakai cara lama',
    ],
  ],
  [
    'Atasan di {t} memberi tugas mendesak padahal pekerjaan Anda yang lain juga belum selesai. Anda …',
    [
      'Menyusun prioritas, mengomunikasikan tenggat yang realistis kepada atasan, lalu mengerjakan keduanya',
      'Mengerjakan tugas mendesak lebih dulu dan menunda yang lain',
      'Meminta rekan mengerjakan sebagian tanpa koordinasi dengan atasan',
      'Menerima tugas tetapi menyelesaikannya seadanya',
      'Menolak karena beban kerja sudah banyak',
    ],
  ],
  [
    'Di grup percakapan pegawai {t} beredar pesan yang mengajak membenci kelompok agama tertentu. Anda …',
    [
      'Mengingatkan dengan santun bahwa pesan itu memecah belah, tidak meneruskannya, dan melaporkannya kepada pengelola grup',
      'Tidak meneruskan pesan itu dan mengingatkan pengirimnya secara pribadi',
      'Mengabaikan pesan itu',
      'Membaca lalu menanyakan kebenarannya kepada teman',
      'Meneruskannya ke grup lain agar lebih banyak yang tahu',
    ],
  ],
  [
    'Seorang warga memberi bingkisan kepada Anda di {t} sebagai ucapan terima kasih atas layanan yang sudah selesai. Anda …',
    [
      'Menolak dengan sopan dan menjelaskan bahwa layanan tidak boleh disertai imbalan',
      'Menolak dan menyarankan ucapan terima kasih cukup disampaikan lewat survei kepuasan',
      'Menerima lalu membagikannya kepada semua rekan',
      'Menerima karena layanan sudah selesai',
      'Menerima dan berjanji mempercepat urusannya yang lain',
    ],
  ],
  [
    'Anda ditempatkan di {t} yang warganya berbahasa daerah yang belum Anda kuasai. Anda …',
    [
      'Belajar ungkapan sehari-hari bahasa setempat sambil tetap melayani dengan Bahasa Indonesia yang sederhana',
      'Meminta bantuan rekan setempat ketika ada kesulitan komunikasi',
      'Melayani dengan Bahasa Indonesia saja tanpa usaha tambahan',
      'Meminta warga membawa penerjemah',
      'Mengajukan pindah tugas karena merasa tidak cocok',
    ],
  ],
  [
    'Dalam rapat tim di {t}, usulan Anda ditolak dan diganti usulan rekan yang menurut Anda kurang baik. Anda …',
    [
      'Menerima keputusan dan ikut menyukseskannya sambil mencatat risiko untuk dibahas bila perlu',
      'Menerima keputusan dan menjalankan bagian Anda',
      'Menjalankan keputusan dengan setengah hati',
      'Membicarakan kelemahan usulan itu dengan rekan lain di luar rapat',
      'Menolak ikut mengerjakan usulan tersebut',
    ],
  ],
  [
    'Anda menemukan kesalahan data yang Anda buat sendiri pada laporan {t} yang sudah dikirim ke atasan. Anda …',
    [
      'Segera melaporkan kesalahan, menyampaikan perbaikannya, dan memeriksa ulang data lain',
      'Mengirimkan versi perbaikan tanpa penjelasan panjang',
      'Menunggu atasan menyadarinya sendiri',
      'Memperbaiki di arsip pribadi saja',
      'Menyalahkan sistem atas kesalahan tersebut',
    ],
  ],
  [
    'Antrean di {t} memanjang karena sistem daring sedang gangguan. Anda …',
    [
      'Menginformasikan gangguan kepada warga, melayani secara manual sesuai prosedur darurat, dan melapor ke tim TI',
      'Melapor ke tim TI dan meminta warga menunggu dengan tertib',
      'Meminta warga datang lagi besok',
      'Menunggu sistem pulih tanpa memberi informasi',
      'Menutup loket sampai sistem normal',
    ],
  ],
  [
    'Rekan kerja baru di {t} berasal dari daerah dan latar belakang budaya yang berbeda dengan sebagian besar pegawai. Anda …',
    [
      'Mengajaknya berkenalan, mengenalkan cara kerja tim, dan melibatkannya dalam kegiatan bersama',
      'Bersikap ramah ketika dia menyapa lebih dulu',
      'Bersikap biasa saja dan menunggu dia menyesuaikan diri',
      'Menjaga jarak sampai mengenalnya lebih baik',
      'Ikut menertawakan logatnya bersama rekan lain',
    ],
  ],
  [
    'Seorang warga mengunggah keluhan tentang layanan {t} di media sosial dengan nada marah. Anda …',
    [
      'Menanggapi melalui kanal resmi dengan sopan, menanyakan detail masalah, dan menindaklanjutinya',
      'Meneruskan keluhan itu kepada petugas pengaduan',
      'Membiarkan karena bukan tugas Anda',
      'Membalas dengan membela diri di kolom komentar',
      'Meminta rekan ramai-ramai membalas keluhan tersebut',
    ],
  ],
  [
    'Anda diminta menjadi anggota tim lintas unit di {t} bersama orang-orang yang belum Anda kenal. Anda …',
    [
      'Menerima, memperkenalkan diri, dan aktif membangun komunikasi dengan anggota tim',
      'Menerima dan mengikuti arahan ketua tim',
      'Menerima tetapi hanya hadir bila diminta',
      'Meminta orang lain menggantikan Anda',
      'Menolak karena lebih nyaman bekerja dengan tim sendiri',
    ],
  ],
  [
    'Data pribadi warga di {t} diminta oleh seseorang yang mengaku dari lembaga lain tanpa surat resmi. Anda …',
    [
      'Menolak memberikan data, meminta permohonan resmi sesuai prosedur, dan melaporkannya kepada atasan',
      'Menolak dan memintanya mengajukan surat resmi',
      'Menanyakan kepada rekan apakah boleh memberikannya',
      'Memberikan sebagian data yang dianggap tidak penting',
      'Memberikan data karena dia terlihat meyakinkan',
    ],
  ],
  [
    'Target kerja {t} bulan ini sulit tercapai karena anggaran dipotong. Anda …',
    [
      'Mencari cara kerja yang lebih efisien dan mengusulkannya kepada tim',
      'Bekerja lebih keras dengan sumber daya yang ada',
      'Mengerjakan sebisanya dan menerima apa pun hasilnya',
      'Menunggu kebijakan baru dari pimpinan',
      'Mengeluhkan pemotongan anggaran kepada rekan-rekan',
    ],
  ],
  [
    'Anda mendapat kesempatan pelatihan gratis di luar jam kerja yang relevan dengan tugas di {t}. Anda …',
    [
      'Mengikutinya dengan sungguh-sungguh dan membagikan ilmunya kepada rekan',
      'Mengikutinya untuk menambah kemampuan sendiri',
      'Mengikuti bila tidak ada acara lain',
      'Mendaftar tetapi jarang hadir',
      'Menolak karena di luar jam kerja',
    ],
  ],
  [
    'Dua rekan kerja di {t} berselisih sehingga pekerjaan tim terhambat. Anda …',
    [
      'Mengajak keduanya berbicara baik-baik untuk mencari jalan keluar demi pekerjaan tim',
      'Menyarankan keduanya menyelesaikan masalah dengan kepala unit',
      'Mengambil alih pekerjaan yang terhambat tanpa membicarakannya',
      'Tidak ikut campur',
      'Memihak rekan yang lebih dekat dengan Anda',
    ],
  ],
  [
    'Menjelang hari raya salah satu agama, beberapa rekan di {t} meminta pembagian jadwal piket. Anda …',
    [
      'Mengusulkan jadwal bergiliran yang memberi kesempatan setiap rekan merayakan hari rayanya',
      'Bersedia menggantikan piket rekan yang merayakan',
      'Mengikuti jadwal yang ditentukan atasan',
      'Meminta jadwal diundi saja tanpa pertimbangan lain',
      'Menolak piket karena bukan hari raya Anda',
    ],
  ],
  [
    'Anda diminta atasan di {t} menandatangani daftar hadir kegiatan yang tidak Anda ikuti. Anda …',
    [
      'Menolak dengan sopan dan menjelaskan bahwa daftar hadir harus sesuai kenyataan',
      'Menolak dan menawarkan diri mengikuti kegiatan berikutnya',
      'Menanyakan dulu alasannya kepada rekan',
      'Menandatangani karena diminta atasan',
      'Menandatangani dan mengajak rekan lain ikut menandatangani',
    ],
  ],
  [
    'Warga penyandang disabilitas kesulitan menjangkau loket layanan {t} yang berada di lantai dua. Anda …',
    [
      'Turun melayaninya di lantai satu dan mengusulkan loket layanan yang mudah dijangkau',
      'Turun melayaninya di lantai satu',
      'Meminta keluarganya membantu naik ke lantai dua',
      'Memintanya datang lagi bersama pendamping',
      'Menyarankannya mengurus di kantor lain',
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
