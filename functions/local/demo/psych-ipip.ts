// Demo psych content: the 50 IPIP Big-Five factor markers (public domain; English + own Indonesian) and a Kraepelin sheet.
import type { LikertItem, SpeedItem } from '../../domain/items.ts';

/**
 * Source: International Personality Item Pool (https://ipip.ori.org/), "50-item IPIP representation of the
 * Goldberg (1992) markers for the Big-Five factor structure" — public domain. Goldberg, L. R. (1992). The
 * development of markers for the Big-Five factor structure. Psychological Assessment, 4(1), 26–42.
 * English texts as on the IPIP site; the Bahasa Indonesia texts are this project's own translation.
 */
export const IPIP_ATTRIBUTION =
  'International Personality Item Pool (ipip.ori.org), 50-item IPIP Big-Five factor markers (Goldberg, 1992); public domain.';

export const BIG_FIVE_FACTORS = [
  'extraversion',
  'agreeableness',
  'conscientiousness',
  'emotionalStability',
  'intellect',
] as const;
export type BigFiveFactor = (typeof BIG_FIVE_FACTORS)[number];

export interface IpipMarker {
  /** Position in the IPIP questionnaire format, 1..50. */
  n: number;
  factor: BigFiveFactor;
  /** Negatively keyed: scored 6 − x. */
  reverse: boolean;
  en: string;
  id: string;
}

const E = 'extraversion';
const A = 'agreeableness';
const C = 'conscientiousness';
const S = 'emotionalStability';
const I = 'intellect';

/** [factor, reverse, English, Bahasa Indonesia], in the order of the IPIP questionnaire format. */
const ROWS: ReadonlyArray<readonly [BigFiveFactor, boolean, string, string]> = [
  [E, false, 'Am the life of the party.', 'Saya menghidupkan suasana dalam sebuah pesta.'],
  [A, true, 'Feel little concern for others.', 'Saya kurang peduli terhadap orang lain.'],
  [C, false, 'Am always prepared.', 'Saya selalu siap.'],
  [S, true, 'Get stressed out easily.', 'Saya mudah merasa stres.'],
  [I, false, 'Have a rich vocabulary.', 'Perbendaharaan kata saya kaya.'],
  [E, true, "Don't talk a lot.", 'Saya tidak banyak bicara.'],
  [A, false, 'Am interested in people.', 'Saya tertarik pada orang lain.'],
  [C, true, 'Leave my belongings around.', 'Saya meninggalkan barang-barang saya di sembarang tempat.'],
  [S, false, 'Am relaxed most of the time.', 'Saya merasa santai hampir sepanjang waktu.'],
  [I, true, 'Have difficulty understanding abstract ideas.', 'Saya kesulitan memahami gagasan yang abstrak.'],
  [E, false, 'Feel comfortable around people.', 'Saya merasa nyaman berada di antara orang-orang.'],
  [A, true, 'Insult people.', 'Saya menghina orang lain.'],
  [C, false, 'Pay attention to details.', 'Saya memperhatikan hal-hal yang rinci.'],
  [S, true, 'Worry about things.', 'Saya mengkhawatirkan banyak hal.'],
  [I, false, 'Have a vivid imagination.', 'Imajinasi saya hidup.'],
  [E, true, 'Keep in the background.', 'Saya memilih tetap berada di belakang.'],
  [A, false, "Sympathize with others' feelings.", 'Saya bersimpati pada perasaan orang lain.'],
  [C, true, 'Make a mess of things.', 'Saya membuat segala sesuatu berantakan.'],
  [S, false, 'Seldom feel blue.', 'Saya jarang merasa murung.'],
  [I, true, 'Am not interested in abstract ideas.', 'Saya tidak tertarik pada gagasan yang abstrak.'],
  [E, false, 'Start conversations.', 'Saya memulai percakapan.'],
  [A, true, "Am not interested in other people's problems.", 'Saya tidak tertarik pada masalah orang lain.'],
  [C, false, 'Get chores done right away.', 'Saya segera menyelesaikan tugas sehari-hari.'],
  [S, true, 'Am easily disturbed.', 'Saya mudah terganggu.'],
  [I, false, 'Have excellent ideas.', 'Saya mempunyai gagasan-gagasan yang sangat baik.'],
  [E, true, 'Have little to say.', 'Saya hanya punya sedikit hal untuk dibicarakan.'],
  [A, false, 'Have a soft heart.', 'Saya berhati lembut.'],
  [
    C,
    true,
    'Often forget to put things back in their proper place.',
    'Saya sering lupa mengembalikan barang ke tempatnya.',
  ],
  [S, true, 'Get upset easily.', 'Saya mudah merasa kesal.'],
  [I, true, 'Do not have a good imagination.', 'Imajinasi saya kurang baik.'],
  [
    E,
    false,
    'Talk to a lot of different people at parties.',
    'Di sebuah pesta saya berbicara dengan banyak orang yang berbeda.',
  ],
  [A, true, 'Am not really interested in others.', 'Saya tidak terlalu tertarik pada orang lain.'],
  [C, false, 'Like order.', 'Saya menyukai keteraturan.'],
  [S, true, 'Change my mood a lot.', 'Suasana hati saya sering berganti.'],
  [I, false, 'Am quick to understand things.', 'Saya cepat memahami sesuatu.'],
  [E, true, "Don't like to draw attention to myself.", 'Saya tidak suka menarik perhatian pada diri saya.'],
  [A, false, 'Take time out for others.', 'Saya meluangkan waktu untuk orang lain.'],
  [C, true, 'Shirk my duties.', 'Saya melalaikan kewajiban saya.'],
  [S, true, 'Have frequent mood swings.', 'Suasana hati saya sering naik turun.'],
  [I, false, 'Use difficult words.', 'Saya menggunakan kata-kata yang sulit.'],
  [E, false, "Don't mind being the center of attention.", 'Saya tidak keberatan menjadi pusat perhatian.'],
  [A, false, "Feel others' emotions.", 'Saya ikut merasakan emosi orang lain.'],
  [C, false, 'Follow a schedule.', 'Saya mengikuti jadwal.'],
  [S, true, 'Get irritated easily.', 'Saya mudah jengkel.'],
  [I, false, 'Spend time reflecting on things.', 'Saya meluangkan waktu untuk merenungkan berbagai hal.'],
  [E, true, 'Am quiet around strangers.', 'Saya pendiam di hadapan orang yang belum saya kenal.'],
  [A, false, 'Make people feel at ease.', 'Saya membuat orang lain merasa nyaman.'],
  [C, false, 'Am exacting in my work.', 'Saya teliti dan menuntut kecermatan dalam pekerjaan saya.'],
  [S, true, 'Often feel blue.', 'Saya sering merasa murung.'],
  [I, false, 'Am full of ideas.', 'Saya penuh dengan gagasan.'],
];

export const IPIP_MARKERS: readonly IpipMarker[] = ROWS.map(([factor, reverse, en, id], i) => ({
  n: i + 1,
  factor,
  reverse,
  en,
  id,
}));

/** Category of the inventory items in a bank, and of the speed item. */
export const BIG5_CATEGORY = 'BIG5';
export const KRAEPELIN_CATEGORY = 'KRAEPELIN';

/** The inventory as likert items: stem in Bahasa Indonesia (the exam language), trait = factor. */
export const ipipItems = (bankId: string): LikertItem[] =>
  IPIP_MARKERS.map((m) => ({
    id: `ipip-${String(m.n).padStart(2, '0')}`,
    bankId,
    category: BIG5_CATEGORY,
    kind: 'likert',
    stem: m.id,
    trait: m.factor,
    reverse: m.reverse,
  }));

/** One Kraepelin sheet: 10 columns of 21 digits (20 additions), 15 s per column — a short demo version. */
export const kraepelinItem = (bankId: string): SpeedItem => ({
  id: 'kraepelin-1',
  bankId,
  category: KRAEPELIN_CATEGORY,
  kind: 'speed',
  stem: 'Jumlahkan dua angka yang berdekatan dan ketik angka terakhir hasilnya.',
  columns: 10,
  rows: 21,
  columnSeconds: 15,
});

export const psychBank = (bankId: string): Array<LikertItem | SpeedItem> => [
  ...ipipItems(bankId),
  kraepelinItem(bankId),
];
