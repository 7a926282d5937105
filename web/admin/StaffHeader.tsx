// Header content for staff pages: name, role and logout.
import { useI18n } from '../i18n/I18n.tsx';
import type { StaffAuth } from '../lib/auth.ts';

export function StaffHeader({ staff, onLogout }: { staff: StaffAuth; onLogout(): void }) {
  const { t } = useI18n();
  return (
    <div className="exam-header">
      <span className="who">
        {staff.name} <span className="role-tag">{staff.role}</span>
      </span>
      <button type="button" className="btn btn-small" onClick={onLogout}>
        {t('common.logout')}
      </button>
    </div>
  );
}
