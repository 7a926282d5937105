// Per-process cache of exam content (definition + bank items) and of attempt forms: read once, used by every request.

import type { Exam } from '../domain/exam.ts';
import { buildForm, type Form, type PreparedBank, prepareBank } from '../domain/form.ts';
import type { Item } from '../domain/items.ts';
import { kindOf } from '../domain/kinds/registry.ts';
import { type WireForm, wireForm } from '../domain/wire.ts';
import type { Store } from '../store/types.ts';
import { userError } from './errors.ts';
import { encodeFormPieces, type FormPieces } from './form-json.ts';
import { IMAGE_REF_PREFIX } from './images.ts';

export interface ExamContent {
  exam: Exam;
  items: Item[];
  itemsById: Map<string, Item>;
}

const EXAM_TTL_MS = 60_000;
const FORM_CACHE_MAX = 10_000;

export interface ContentCache {
  exam(examId: string): Promise<ExamContent>;
  /** The attempt's form: a pure function of (exam version, seed), memoized per attempt. */
  form(attemptId: string, content: ExamContent, seed: string): Form;
  /** The form's wire ids (both ways), for mapping saved choices and views without a store read. */
  wire(attemptId: string, content: ExamContent, seed: string): WireForm;
  /**
   * Per-item JSON pieces of the content's public form, encoded once; undefined when an item refers to a stored
   * image (its presigned URL is resolved per request).
   */
  formPieces(content: ExamContent): FormPieces | undefined;
  clear(): void;
}

export const createContentCache = (store: Store, now: () => number): ContentCache => {
  const exams = new Map<string, { at: number; value: Promise<ExamContent> }>();
  const forms = new Map<string, { version: number; form: Form; wire: WireForm }>();
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

  const load = async (examId: string): Promise<ExamContent> => {
    const exam = await store.exams.get(examId);
    if (!exam) throw userError('NOT_FOUND.exam');
    const bankIds = [...new Set(exam.sections.map((s) => s.bankId))];
    const items = (await Promise.all(bankIds.map((b) => store.banks.list(b)))).flat();
    return { exam, items, itemsById: new Map(items.map((i) => [i.id, i])) };
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
    if (hit && hit.version === content.exam.version) return hit;
    const form = buildForm(content.exam, preparedOf(content), seed);
    const wire = wireForm(form, content.itemsById);
    if (forms.size >= FORM_CACHE_MAX) forms.delete(forms.keys().next().value as string);
    const value = { version: content.exam.version, form, wire };
    forms.set(attemptId, value);
    return value;
  };

  return {
    exam(examId) {
      const hit = exams.get(examId);
      if (hit && now() - hit.at < EXAM_TTL_MS) return hit.value;
      const value = load(examId);
      exams.set(examId, { at: now(), value });
      value.catch(() => exams.delete(examId));
      return value;
    },
    form: (attemptId, content, seed) => entry(attemptId, content, seed).form,
    wire: (attemptId, content, seed) => entry(attemptId, content, seed).wire,
    formPieces,
    clear() {
      exams.clear();
      forms.clear();
    },
  };
};
