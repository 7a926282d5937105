// The one catalog of user-facing error messages (Bahasa Indonesia + English), keyed by error code or `CODE.reason`.
// Used by the API (message of every error response) and the web app (error text in the UI language).

export type Lang = 'id' | 'en';
export const LANGS: readonly Lang[] = ['id', 'en'];
export const DEFAULT_LANG: Lang = 'id';

interface Message {
  id: string;
  en: string;
}

const catalog = {
  // Domain error codes: the generic message of each.
  VALIDATION: { id: 'Isian tidak valid.', en: 'Invalid input.' },
  NOT_FOUND: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  UNAUTHENTICATED: {
    id: 'Sesi masuk Anda berakhir. Silakan masuk kembali.',
    en: 'Your login has expired. Please log in again.',
  },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan tindakan ini.', en: 'You are not allowed to do this.' },
  INVALID_CREDENTIALS: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong username or password.' },
  /** A candidate login: one answer for an unknown registration number and a wrong PIN. */
  'INVALID_CREDENTIALS.candidate': {
    id: 'Nomor peserta atau PIN salah.',
    en: 'Wrong registration number or PIN.',
  },
  /** `{wait}` is filled in from the error's details (retryAfterSeconds) by the API. */
  TOO_MANY_ATTEMPTS: {
    id: 'Terlalu banyak percobaan masuk. Coba lagi dalam {wait} detik, atau minta pengawas membuka blokir.',
    en: 'Too many sign-in attempts. Try again in {wait} seconds, or ask the proctor to unlock.',
  },
  UNKNOWN_CANDIDATE: {
    id: 'Nomor peserta tidak terdaftar pada sesi yang aktif.',
    en: 'This registration number is not on an active session.',
  },
  WRONG_PIN: { id: 'PIN salah.', en: 'Wrong PIN.' },
  PINS_NOT_RELEASED: {
    id: 'PIN sesi belum dirilis oleh panitia. Tunggu aba-aba pengawas.',
    en: 'The session PINs have not been released yet. Wait for the proctor.',
  },
  SESSION_NOT_OPEN: {
    id: 'Sesi ujian belum dibuka atau sudah ditutup.',
    en: 'The exam session is not open.',
  },
  ALREADY_STARTED: { id: 'Ujian sudah dimulai.', en: 'The exam has already started.' },
  NOT_STARTED: { id: 'Ujian belum dimulai.', en: 'The exam has not started yet.' },
  ATTEMPT_SUBMITTED: { id: 'Ujian sudah diakhiri.', en: 'The exam has already been submitted.' },
  ATTEMPT_EXPIRED: { id: 'Waktu ujian sudah habis.', en: 'The exam time is over.' },
  ATTEMPT_PAUSED: { id: 'Ujian sedang dijeda oleh pengawas.', en: 'The proctor has paused the exam.' },
  RETIRED_DEVICE: {
    id: 'Perangkat ini sudah dinonaktifkan oleh pengawas. Lanjutkan di perangkat baru.',
    en: 'The proctor has retired this device. Continue on the new device.',
  },
  DEVICE_ACTIVE: {
    id: 'Ujian ini sudah aktif di perangkat lain; hubungi pengawas.',
    en: 'This exam is already active on another device; ask the proctor.',
  },
  CONFLICT: { id: 'Terjadi konflik data. Muat ulang halaman.', en: 'Data conflict. Reload the page.' },
  DUPLICATE: { id: 'Data sudah ada.', en: 'This already exists.' },
  BANK_TOO_SMALL: {
    id: 'Bank soal tidak cukup untuk kisi-kisi ujian.',
    en: 'The item bank is too small for the exam blueprint.',
  },
  INVALID_ITEM: { id: 'Butir soal tidak valid.', en: 'Invalid item.' },
  THROTTLED: {
    id: 'Terlalu banyak permintaan. Coba lagi sebentar.',
    en: 'Too many requests. Try again shortly.',
  },
  STORE_UNAVAILABLE: {
    id: 'Layanan sedang sibuk. Coba lagi sebentar.',
    en: 'The service is busy. Try again shortly.',
  },

  // Specific reasons under a domain code.
  'NOT_FOUND.session': { id: 'Sesi tidak ditemukan.', en: 'Session not found.' },
  'NOT_FOUND.attempt': { id: 'Percobaan ujian tidak ditemukan.', en: 'Attempt not found.' },
  'NOT_FOUND.exam': { id: 'Ujian tidak ditemukan.', en: 'Exam not found.' },
  'NOT_FOUND.speedSheet': {
    id: 'Lembar Kraepelin tidak ada di naskah Anda.',
    en: 'There is no such Kraepelin sheet on your form.',
  },
  'NOT_FOUND.psychReport': {
    id: 'Laporan psikologi tersedia setelah ujian selesai.',
    en: 'The psych report is available once the attempt is finished.',
  },
  'NOT_FOUND.notPsych': { id: 'Ujian ini bukan tes psikologi.', en: 'This exam is not a psych test.' },
  'CONFLICT.windowOverlap': { id: 'Jadwal baru bentrok.', en: 'The new window overlaps.' },
  'CONFLICT.sessionCancelled': { id: 'Sesi sudah dibatalkan.', en: 'The session is cancelled.' },
  'NOT_FOUND.notOnRoster': {
    id: 'Peserta tidak ada di sesi ini.',
    en: 'The candidate is not on this roster.',
  },
  'NOT_FOUND.account': { id: 'Akun tidak ditemukan.', en: 'Account not found.' },
  'CONFLICT.disableSelf': {
    id: 'Anda tidak bisa menonaktifkan akun sendiri.',
    en: 'You cannot disable your own account.',
  },
  'CONFLICT.overCapacity': {
    id: 'Jumlah peserta melebihi kapasitas sesi.',
    en: 'The roster exceeds the session capacity.',
  },
  'CONFLICT.sessionOpened': {
    id: 'Sesi sudah dibuka; jadwalnya tidak bisa diubah.',
    en: 'The session has opened; its schedule can no longer change.',
  },
  'CONFLICT.assignmentRefused': {
    id: 'Penempatan ditolak: kapasitas penuh atau jadwal peserta bentrok.',
    en: 'Assignment refused: over capacity or overlapping sessions.',
  },
  'VALIDATION.windowOrder': {
    id: 'Sesi harus dibuka sebelum ditutup.',
    en: 'A session must open before it closes.',
  },
  'VALIDATION.windowTooShort': {
    id: 'Jendela sesi lebih pendek dari durasi ujian.',
    en: 'The session window is shorter than the exam.',
  },
  'VALIDATION.capacity': { id: 'Kapasitas minimal 1.', en: 'Capacity must be at least 1.' },
  'NOT_FOUND.scoreboard': {
    id: 'Tidak ada papan skor untuk sesi ini.',
    en: 'There is no scoreboard for this session.',
  },
  'CONFLICT.notRunning': { id: 'Ujian tidak sedang berjalan.', en: 'The attempt is not running.' },
  'NOT_FOUND.formation': { id: 'Formasi tidak ditemukan.', en: 'Formation not found.' },
  'NOT_FOUND.bank': { id: 'Bank soal kosong atau tidak ada.', en: 'Bank not found or empty.' },
  'NOT_FOUND.result': {
    id: 'Hasil belum tersedia; ujian belum selesai.',
    en: 'No result yet; the attempt is not finished.',
  },
  'UNAUTHENTICATED.signIn': { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  'UNAUTHENTICATED.token': { id: 'Token tidak valid.', en: 'Invalid token.' },
  'UNAUTHENTICATED.disabled': {
    id: 'Akun ini dinonaktifkan. Hubungi admin.',
    en: 'This account is disabled. Contact an administrator.',
  },
  'UNAUTHENTICATED.expired': {
    id: 'Token kedaluwarsa. Silakan masuk kembali.',
    en: 'Token expired. Please sign in again.',
  },
  'FORBIDDEN.role': { id: 'Peran Anda tidak berhak mengakses ini.', en: 'Your role may not access this.' },
  'FORBIDDEN.notAssigned': {
    id: 'Sesi ini bukan tugas Anda.',
    en: 'This session is not assigned to you.',
  },
  'FORBIDDEN.staffUnlock': {
    id: 'Hanya admin yang dapat membuka blokir login staf.',
    en: 'Only an admin may unlock staff logins.',
  },
  'FORBIDDEN.readOnly': {
    id: 'Sesi sudah ditutup: Anda hanya dapat melihat hasil dan mengajukan sanggahan.',
    en: 'The session has closed: you can only see your result and file an appeal.',
  },
  'CONFLICT.appealNotFinished': {
    id: 'Sanggahan hanya dapat diajukan setelah ujian selesai.',
    en: 'An appeal can be filed only after the exam is finished.',
  },
  'CONFLICT.appealWindowClosed': {
    id: 'Masa pengajuan sanggahan sudah berakhir.',
    en: 'The appeal period has ended.',
  },
  'CONFLICT.appealExists': {
    id: 'Anda sudah mengajukan sanggahan untuk ujian ini.',
    en: 'You have already filed an appeal for this exam.',
  },
  'CONFLICT.appealAnswered': {
    id: 'Sanggahan ini sudah dijawab.',
    en: 'This appeal has already been answered.',
  },
  'NOT_FOUND.appeal': { id: 'Sanggahan tidak ditemukan.', en: 'Appeal not found.' },
  'FORBIDDEN.notYourAttempt': { id: 'Ini bukan ujian Anda.', en: 'This is not your attempt.' },
  'FORBIDDEN.origin': {
    id: 'Akses hanya melalui alamat resmi.',
    en: 'Requests must come through the official address.',
  },
  'FORBIDDEN.console': {
    id: 'Akun ini tidak untuk halaman ini.',
    en: 'This account is not for this console.',
  },
  'VALIDATION.body': { id: 'Isi permintaan tidak valid.', en: 'Invalid request body.' },
  'VALIDATION.query': { id: 'Parameter kueri tidak valid.', en: 'Invalid query parameters.' },
  'VALIDATION.cursor': {
    id: 'Kursor halaman tidak valid; muat halaman pertama lagi.',
    en: 'Invalid page cursor; load the first page again.',
  },
  'CONFLICT.candidatesChanged': {
    id: 'Daftar peserta berganti (ada impor baru); muat halaman pertama lagi.',
    en: 'The candidate list changed (a new import); load the first page again.',
  },
  'VALIDATION.path': { id: 'Alamat tidak valid.', en: 'Invalid path parameters.' },
  'VALIDATION.header': { id: 'Header permintaan tidak valid.', en: 'Invalid request header.' },
  'VALIDATION.fileRefused': {
    id: 'Berkas ditolak; tidak ada yang disimpan. Lihat daftar masalah per baris.',
    en: 'File refused; nothing saved. See the problems listed by line.',
  },
  'VALIDATION.answers': { id: 'Data jawaban tidak valid.', en: 'Invalid answers.' },
  'VALIDATION.normTable': {
    id: 'Tabel norma ditolak: periksa baris yang disebut.',
    en: 'Norm table refused: check the rows named.',
  },
  'VALIDATION.cutoffs': {
    id: 'Batas kategori tidak valid: batas rendah tidak boleh melebihi batas tinggi.',
    en: 'Invalid category cut-offs: the low cut-off must not exceed the high one.',
  },
  'VALIDATION.tooLarge': { id: 'Isi permintaan terlalu besar.', en: 'Request body too large.' },
  'VALIDATION.contentType': {
    id: 'Kirim text/csv atau application/json.',
    en: 'Send text/csv or application/json.',
  },
  'VALIDATION.imageSize': { id: 'Ukuran gambar harus 1 B – 1 MB.', en: 'Image must be 1 B – 1 MB.' },
  'VALIDATION.imageType': {
    id: 'Hanya gambar PNG, JPEG, GIF, WebP.',
    en: 'Only PNG, JPEG, GIF, WebP images.',
  },
  'VALIDATION.sessionsOpen': {
    id: 'Masih ada sesi ujian ini yang belum ditutup; kunci dan rahasia tetap tertutup sampai semua sesi selesai.',
    en: 'A session of this exam has not closed yet; keys and secrets stay sealed until every session has ended.',
  },
  'VALIDATION.psychNotPublished': {
    id: 'Hasil tes psikologi tidak pernah dipublikasikan.',
    en: 'Psychological test results are never published.',
  },
  'VALIDATION.noPublicationKeys': {
    id: 'Kunci publikasi belum dikonfigurasi.',
    en: 'Publication keys are not configured.',
  },
  'FORBIDDEN.personalData': {
    id: 'Paket dengan data pribadi hanya untuk auditor yang ditunjuk.',
    en: 'Bundles with personal data are for named auditors only.',
  },
  'NOT_FOUND.publication': { id: 'Publikasi tidak ditemukan.', en: 'Publication not found.' },
  'NOT_FOUND.pseudonym': {
    id: 'Pseudonim tidak ada dalam publikasi ini.',
    en: 'This pseudonym is not in the publication.',
  },
  'ATTEMPT_SUBMITTED.notScored': {
    id: 'Ujian sudah selesai; jawaban tidak dinilai.',
    en: 'The attempt is finished; answers are not scored.',
  },
  'ATTEMPT_EXPIRED.notScored': {
    id: 'Ujian sudah selesai; jawaban tidak dinilai.',
    en: 'The attempt is finished; answers are not scored.',
  },
  'CONFLICT.busy': {
    id: 'Percobaan ujian sedang diubah; coba lagi.',
    en: 'The attempt is being changed; try again.',
  },
  'THROTTLED.auditLog': { id: 'Log audit sedang sibuk; coba lagi.', en: 'Audit log busy; try again.' },
  'INVALID_ITEM.regradeBank': {
    id: 'Koreksi kunci harus untuk bank soal yang sama.',
    en: 'A key correction must be for the same bank.',
  },
  'INVALID_ITEM.regradeItems': {
    id: 'Koreksi kunci tidak boleh menambah atau menghapus butir soal.',
    en: 'A key correction may not add or remove an item.',
  },
  'INVALID_ITEM.regradeKind': {
    id: 'Koreksi kunci tidak boleh mengubah jenis butir soal.',
    en: 'A key correction may not change an item kind.',
  },
  'INVALID_ITEM.regradeCategory': {
    id: 'Koreksi kunci tidak boleh mengubah kategori butir soal.',
    en: 'A key correction may not change an item category.',
  },
  'INVALID_ITEM.regradeOptions': {
    id: 'Koreksi kunci tidak boleh menambah, menghapus, mengurutkan ulang, atau mengubah teks pilihan jawaban.',
    en: 'A key correction may not add, remove, reorder or reword an option.',
  },
  'INVALID_ITEM.regradeField': {
    id: 'Koreksi kunci hanya boleh mengubah kunci atau bobot.',
    en: 'A key correction may change only keys and weights.',
  },
  'NOT_FOUND.regradeSnapshot': {
    id: 'Snapshot bank soal untuk koreksi tidak ditemukan.',
    en: 'The bank snapshot for the correction was not found.',
  },
  'NOT_FOUND.regradeBank': {
    id: 'Tidak ada hasil ujian ini yang memakai bank soal tersebut.',
    en: 'No result of this exam used that bank.',
  },
  'CONFLICT.seqReused': {
    id: 'Nomor urut jawaban sudah dipakai dengan isi lain; muat ulang.',
    en: 'Sequence already used with other content; reload.',
  },

  // Exams and their versions (services/exams.ts).
  'DUPLICATE.exam': {
    id: 'Kode ujian sudah dipakai. Buat versi baru dari ujian itu, atau pakai kode lain.',
    en: 'This exam id is taken. Make a new version of that exam, or use another id.',
  },
  'NOT_FOUND.examVersion': { id: 'Versi ujian tidak ditemukan.', en: 'Exam version not found.' },
  'NOT_FOUND.snapshot': {
    id: 'Snapshot bank soal tidak ditemukan untuk bank tersebut.',
    en: 'No such snapshot of that bank.',
  },
  'CONFLICT.examVersionLocked': {
    id: 'Versi ujian ini sudah dipakai (ada peserta, atau sesinya segera dibuka) dan tidak dapat diubah. Buat versi baru.',
    en: 'This exam version is in use (it has attempts, or its session opens soon) and cannot change. Make a new version.',
  },
  'CONFLICT.examVersionSuperseded': {
    id: 'Hanya versi terbaru yang dapat diubah langsung. Buat versi baru.',
    en: 'Only the latest version can be edited in place. Make a new version.',
  },
  'CONFLICT.examVersionTaken': {
    id: 'Versi ini baru saja dibuat oleh permintaan lain. Muat ulang lalu coba lagi.',
    en: 'Another request just made this version. Reload and try again.',
  },

  // Raised by the HTTP layer itself.
  MALFORMED_JSON: { id: 'Isi permintaan bukan JSON yang valid.', en: 'Request body is not valid JSON.' },
  ROUTE_NOT_FOUND: { id: 'Alamat tidak ditemukan.', en: 'Route not found.' },
  PAYLOAD_TOO_LARGE: { id: 'Isi permintaan terlalu besar.', en: 'Request body too large.' },
  HTTP_ERROR: { id: 'Permintaan tidak dapat diproses.', en: 'The request could not be processed.' },
  INTERNAL: { id: 'Terjadi kesalahan pada server.', en: 'Internal server error.' },

  // Raised by the web client.
  NETWORK: {
    id: 'Tidak dapat terhubung ke server. Periksa jaringan.',
    en: 'Cannot reach the server. Check the network.',
  },
  BAD_RESPONSE: { id: 'Jawaban server tidak dikenali.', en: 'Unrecognised server response.' },
  UNKNOWN: { id: 'Terjadi kesalahan.', en: 'Something went wrong.' },
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof catalog;
export const messages: Readonly<Record<MessageKey, Message>> = catalog;

export const isMessageKey = (k: unknown): k is MessageKey =>
  typeof k === 'string' && Object.hasOwn(catalog, k);

/** The message of a key (or of the code before its first dot), in the given language; undefined when unknown. */
export const messageOf = (keyOrCode: string, lang: Lang): string | undefined => {
  if (isMessageKey(keyOrCode)) return messages[keyOrCode][lang];
  const code = keyOrCode.split('.')[0];
  return isMessageKey(code) ? messages[code][lang] : undefined;
};

/** The preferred language of an Accept-Language header among id and en (q-values honoured); default id. */
export const negotiateLang = (acceptLanguage: string | undefined | null): Lang => {
  if (!acceptLanguage) return DEFAULT_LANG;
  const ranked = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), i };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const hit = ranked.find((r) => r.lang === 'id' || r.lang === 'en');
  return (hit?.lang as Lang | undefined) ?? DEFAULT_LANG;
};
