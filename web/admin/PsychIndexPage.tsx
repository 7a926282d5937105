// Staff psych reports (admins and auditors): each psych exam's finished candidates, each linking to the report;
// admins also set the exam's norm settings here.
import type { PsychAttemptsView, PsychExamsView } from '../../functions/schemas/psych.ts';
import { staffPsychApi } from '../api/psych.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { formatDateTime } from './format.ts';
import { PsychNormsForm } from './PsychNormsForm.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

type Exam = PsychExamsView['exams'][number] & { attempts: PsychAttemptsView['attempts'] };

export function PsychIndexPage() {
  const { t, lang } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  // Proctors are sent to the admin routes too: the server refuses them (403), the page says so.
  const role = staff?.role === 'auditor' ? 'auditor' : 'admin';
  const { data: exams, error } = useStaffQuery(
    staff?.token ?? '',
    handleAuthError,
    async (token): Promise<Exam[]> => {
      const api = staffPsychApi(role, token);
      const { exams } = await api.exams();
      return Promise.all(exams.map(async (e) => ({ ...e, attempts: (await api.attempts(e.id)).attempts })));
    },
    [role],
  );

  if (!staff) return null;
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <section className="card">
        <PageTitle>{t('psych.staff.title')}</PageTitle>
        <p className="confidential">{t('psych.staff.intro')}</p>
        <ErrorAlert error={error} />
        {exams === null && !error && <p aria-busy="true">{t('common.loading')}</p>}
        {exams?.length === 0 && <p>{t('psych.staff.noExams')}</p>}
        {exams?.map((e) => (
          <section key={e.id} aria-labelledby={`psych-exam-${e.id}`}>
            <h2 id={`psych-exam-${e.id}`}>{e.title}</h2>
            {staff.role === 'admin' && (
              <PsychNormsForm token={staff.token} examId={e.id} onAuthError={handleAuthError} />
            )}
            {e.attempts.length === 0 ? (
              <p>{t('psych.staff.none')}</p>
            ) : (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('psych.staff.regNo')}</th>
                    <th scope="col">{t('psych.staff.session')}</th>
                    <th scope="col">{t('psych.staff.finishedAt')}</th>
                    <th scope="col">
                      <span className="sr-only">{t('psych.staff.title')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {e.attempts.map((a) => (
                    <tr key={a.attemptId}>
                      <th scope="row" className="mono">
                        {a.regNo}
                      </th>
                      <td>{a.sessionTitle}</td>
                      <td>
                        {a.submittedAt === null ? '–' : formatDateTime(a.submittedAt, lang)} (
                        {t(`psych.staff.state.${a.state}`)})
                      </td>
                      <td>
                        <a href={paths.psychReport(a.attemptId)}>
                          {t('psych.staff.open', { regNo: a.regNo })}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </section>
    </StaffLayout>
  );
}
