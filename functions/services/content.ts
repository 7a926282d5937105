// Per-process cache of exam content (definition + pinned bank snapshots) and of attempt forms: read once, used by every request.

import type { Exam, ScoringCorrections } from '../domain/exam.ts';
import { buildForm, type Form, type PreparedBank, prepareBank } from '../domain/form.ts';
import type { Item } from '../domain/items.ts';
import { kindOf } from '../domain/kinds/registry.ts';
import { type BankSnapshot, pinsKey, type SnapshotPins, snapshotOf } from '../domain/snapshot.ts';
import { type WireForm, wireForm } from '../domain/wire.ts';
import type { Store } from '../store/types.ts';
import { userError } from './errors.ts';
import { encodeFormPieces, type FormPieces } from './form-json.ts';
import { IMAGE_REF_PREFIX } from './images.ts';

export interface ExamContent {
  exam: Exam;
  items: Item[];
  itemsById: Map<string, Item>;
  /** The bank snapshots the items come from (bankId -> snapshot id). */
  pins: SnapshotPins;
  /** `${examId}|${version}|${pinsKey}`: equal keys, equal content. */
  key: string;
}

const EXAM_TTL_MS = 60_000;

/** A cached read: `at` = when it was issued; `refreshing` = a background re-read is under way. */
interface Timed<T> {
  at: number;
  value: Promise<T>;
  refreshing?: boolean;
}
const FORM_CACHE_MAX = 10_000;
const SNAPSHOT_CACHE_MAX = 64;

/** An exam version as sessions and attempts name it; a bare exam id means its latest version. */
export type ExamRef = string | { readonly examId: string; readonly examVersion: number };

export interface ContentCache {
  /**
   * The exam version with its items. `pins` (an attempt's recorded snapshots) give exactly those items,
   * whatever happened to the banks since; without pins: the exam version's own pins, else each bank's
   * current snapshot (made from the bank's items if it has none yet) — what a starting attempt records.
   * Pass the session or attempt (its examId + examVersion): a newer version of the exam never changes it.
   */
  exam(ref: ExamRef, pins?: SnapshotPins): Promise<ExamContent>;
  /** The attempt's form: a pure function of (exam version, seed), memoized per attempt. */
  form(attemptId: string, content: ExamContent, seed: string): Form;
  /** The form's wire ids (both ways), for mapping saved choices and views without a store read. */
  wire(attemptId: string, content: ExamContent, seed: string): WireForm;
  /**
   * Per-item JSON pieces of the content's public form, encoded once; undefined when an item refers to a stored
   * image (its presigned URL is resolved per request).
   */
  formPieces(content: ExamContent): FormPieces | undefined;
  /** The exam's scoring corrections (regrades), from the definition read at most a minute ago. */
  corrections(examId: string): Promise<ScoringCorrections | undefined>;
  clear(): void;
}

export const createContentCache = (store: Store, now: () => number): ContentCache => {
  const exams = new Map<string, Timed<ExamContent>>();
  const definitions = new Map<string, Timed<Exam>>();
  /** Snapshots are immutable: cached until evicted, never refreshed. */
  const snapshots = new Map<string, Promise<BankSnapshot>>();
  /** One ExamContent object per key, so per-content memos (prepared bank, JSON pieces) are built once. */
  const contents = new Map<string, ExamContent>();
  const forms = new Map<string, { key: string; form: Form; wire: WireForm }>();
  /** The bank indexed once per loaded content (not at load: a bad bank fails at form time, as before). */
  const prepared = new WeakMap<ExamContent, PreparedBank>();
  const preparedOf = (content: ExamContent): PreparedBank => {
    let bank = prepared.get(content);
    if (!bank) {
      bank = prepareBank(content.items);
      prepared.set(content, bank);
    }
    return bank;
  };

  /**
   * Served while younger than EXAM_TTL_MS (counted from when its read was issued), never later. Past half that
   * age, a hit also starts one background read that replaces the entry when it lands: requests that keep
   * coming (every save reads the definition) never wait for a reload, where they used to queue behind one
   * read per minute.
   */
  const ttlCached = <T>(cache: Map<string, Timed<T>>, key: string, make: () => Promise<T>): Promise<T> => {
    const t = now();
    const hit = cache.get(key);
    if (hit && t - hit.at < EXAM_TTL_MS) {
      if (!hit.refreshing && t - hit.at >= EXAM_TTL_MS / 2) {
        hit.refreshing = true;
        const next = make();
        next.then(
          () => {
            // Only if nothing replaced the entry meanwhile (clear() after an edit, or a newer read).
            if (cache.get(key) === hit) cache.set(key, { at: t, value: next });
          },
          () => {
            hit.refreshing = false;
          },
        );
      }
      return hit.value;
    }
    const value = make();
    cache.set(key, { at: t, value });
    value.catch(() => {
      if (cache.get(key)?.value === value) cache.delete(key);
    });
    return value;
  };

  const refKey = (ref: ExamRef): string =>
    typeof ref === 'string' ? ref : `${ref.examId}@${ref.examVersion}`;
  const definition = (ref: ExamRef): Promise<Exam> =>
    ttlCached(definitions, refKey(ref), async () => {
      const exam =
        typeof ref === 'string'
          ? await store.exams.get(ref)
          : await store.exams.get(ref.examId, ref.examVersion);
      if (!exam) throw userError('NOT_FOUND.exam');
      return exam;
    });

  const snapshot = (snapshotId: string): Promise<BankSnapshot> => {
    let hit = snapshots.get(snapshotId);
    if (!hit) {
      hit = store.banks.getSnapshot(snapshotId).then((s) => {
        if (!s) throw userError('NOT_FOUND.bank');
        return s;
      });
      if (snapshots.size >= SNAPSHOT_CACHE_MAX) snapshots.delete(snapshots.keys().next().value as string);
      snapshots.set(snapshotId, hit);
      hit.catch(() => snapshots.delete(snapshotId));
    }
    return hit;
  };

  /** The bank's current snapshot; a bank that never had one gets one made from its items now. */
  const currentSnapshot = async (bankId: string): Promise<string> => {
    const head = await store.banks.head(bankId);
    if (head) return head;
    const made = snapshotOf(bankId, await store.banks.list(bankId));
    await store.banks.putSnapshot(made, { createdAt: now(), origin: 'initial' });
    await store.banks.setHead(bankId, made.id, now());
    return made.id;
  };

  const contentOf = async (exam: Exam, pins: SnapshotPins): Promise<ExamContent> => {
    const key = `${exam.id}|${exam.version}|${pinsKey(pins)}`;
    const hit = contents.get(key);
    if (hit) return hit;
    const bankIds = [...new Set(exam.sections.map((s) => s.bankId))];
    const items = (
      await Promise.all(
        bankIds.map(async (b) => {
          const id = pins[b];
          if (!id) throw userError('NOT_FOUND.bank');
          return (await snapshot(id)).items;
        }),
      )
    ).flat();
    const content = contents.get(key) ?? {
      exam,
      items,
      itemsById: new Map(items.map((i) => [i.id, i])),
      pins,
      key,
    };
    contents.set(key, content);
    return content;
  };

  const load = async (ref: ExamRef): Promise<ExamContent> => {
    const exam = await definition(ref);
    const bankIds = [...new Set(exam.sections.map((s) => s.bankId))];
    const pins: Record<string, string> = {};
    for (const b of bankIds) pins[b] = exam.bankSnapshots?.[b] ?? (await currentSnapshot(b));
    return contentOf(exam, pins);
  };

  const pieces = new WeakMap<ExamContent, FormPieces | null>();
  const stored = (ref?: string) => ref?.startsWith(IMAGE_REF_PREFIX) ?? false;
  const formPieces = (content: ExamContent): FormPieces | undefined => {
    let p = pieces.get(content);
    if (p === undefined) {
      const hasStoredImages = content.items.some(
        (i) => stored(i.image) || (kindOf(i).shown(i) ?? []).some((o) => stored(o.image)),
      );
      p = hasStoredImages ? null : encodeFormPieces(content.items);
      pieces.set(content, p);
    }
    return p ?? undefined;
  };

  const entry = (attemptId: string, content: ExamContent, seed: string) => {
    const hit = forms.get(attemptId);
    if (hit && hit.key === content.key) return hit;
    const form = buildForm(content.exam, preparedOf(content), seed);
    const wire = wireForm(form, content.itemsById);
    if (forms.size >= FORM_CACHE_MAX) forms.delete(forms.keys().next().value as string);
    const value = { key: content.key, form, wire };
    forms.set(attemptId, value);
    return value;
  };

  return {
    async exam(ref, pins) {
      if (!pins) return ttlCached(exams, refKey(ref), () => load(ref));
      return contentOf(await definition(ref), pins);
    },
    form: (attemptId, content, seed) => entry(attemptId, content, seed).form,
    wire: (attemptId, content, seed) => entry(attemptId, content, seed).wire,
    formPieces,
    corrections: async (examId) => (await definition(examId)).scoringCorrections,
    clear() {
      exams.clear();
      definitions.clear();
      snapshots.clear();
      contents.clear();
      forms.clear();
    },
  };
};
