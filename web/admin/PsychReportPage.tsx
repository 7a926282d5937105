// One candidate's psych report for admins and auditors: the candidate's own report component (uPlot factor
// chart and Kraepelin work curve, tables), printable on A4 without the console around it. Never published.
import { useMemo } from 'react';
import { staffPsychApi } from '../api/psych.ts';
import { PsychReport } from '../candidate/psych/PsychReport.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff } from './useStaff.ts';

export function PsychReportPage({ attemptId }: { attemptId: string }) {
  const { t } = useI18n();
  const { staff, logout } = useStaff();
  const load = useMemo(() => {
    if (!staff) return null;
    // Proctors are sent to the admin route too: the server refuses them (403), the report shows that error.
    const api = staffPsychApi(staff.role === 'auditor' ? 'auditor' : 'admin', staff.token);
    return () => api.report(attemptId);
  }, [staff, attemptId]);

  if (!staff || !load) return null;
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <p className="no-print">
        <a href={paths.psychIndex}>← {t('psych.staff.back')}</a>
      </p>
      <PageTitle>{t('psych.staff.title')}</PageTitle>
      <div className="psych-staff-report">
        <PsychReport load={load} />
      </div>
    </StaffLayout>
  );
}
