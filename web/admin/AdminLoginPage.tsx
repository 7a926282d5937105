// Staff login (admin, proctor): the shared staff sign-in form, then the sessions list.
import { adminApi } from '../api/admin.ts';
import { StaffLoginForm } from '../components/StaffLoginForm.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { navigate, paths } from '../lib/router.ts';

export function AdminLoginPage() {
  const { t } = useI18n();
  return (
    <StaffLoginForm
      title={t('admin.login.title')}
      login={adminApi.login}
      onIn={() => navigate(paths.adminSessions)}
      footer={
        <p className="small">
          <a href={paths.candidateLogin}>{t('admin.login.candidateLink')}</a>
        </p>
      }
    />
  );
}
