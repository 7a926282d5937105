// The exam a console screen works on (SKB, regrade): the exam list through useStaffQuery and the one chosen,
// at first the first listed that `prefer` accepts, else the first listed.
import { useState } from 'react';
import { consoleApi, type ExamSummary } from '../api/console.ts';
import { useStaffQuery } from './useStaff.ts';

const NO_EXAMS: ExamSummary[] = [];
const any = () => true;

/** `prefer` must keep its identity between renders (a module-level function). */
export function useExamChoice(
  token: string,
  onAuthError: (err: unknown) => boolean,
  prefer: (exam: ExamSummary) => boolean = any,
) {
  const [examId, setExamId] = useState('');
  const query = useStaffQuery(
    token,
    onAuthError,
    (tok) =>
      consoleApi.exams(tok).then((r) => {
        setExamId((id) => id || (r.exams.find(prefer) ?? r.exams[0])?.id || '');
        return r;
      }),
    [prefer],
  );
  return { ...query, exams: query.data?.exams ?? NO_EXAMS, examId, setExamId };
}
