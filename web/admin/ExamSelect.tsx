// The exam picker of a console screen that works on one exam (SKB, regrade): a labelled select over
// useExamChoice's list and choice.
import type { ExamSummary } from '../api/console.ts';
import { useI18n } from '../i18n/I18n.tsx';

export function ExamSelect(props: {
  exams: readonly ExamSummary[];
  examId: string;
  onChange: (examId: string) => void;
  /** The label's class: 'field' (default), or with field-inline beside a page title, field-wide across a grid. */
  className?: string;
}) {
  const { t } = useI18n();
  return (
    <label className={props.className ?? 'field'}>
      <span>{t('admin.skb.exam')}</span>
      <select value={props.examId} onChange={(e) => props.onChange(e.target.value)}>
        {props.exams.map((x) => (
          <option key={x.id} value={x.id}>
            {x.title} ({x.id})
          </option>
        ))}
      </select>
    </label>
  );
}
