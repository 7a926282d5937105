// The exam picker of a console screen that works on one exam (SKB, regrade): a labelled select over
// useExamChoice's list and choice.
import type { ExamSummary } from '../api/console.ts';
import { useI18n } from '../i18n/I18n.tsx';

export function ExamSelect(props: {
  exams: readonly ExamSummary[];
  examId: string;
  onChange: (examId: string) => void;
  /** Beside a page title rather than in a form grid. */
  inline?: boolean;
}) {
  const { t } = useI18n();
  return (
    <label className={props.inline ? 'field field-inline' : 'field'}>
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
