// The auditor's read-only view of appeals and their answers (the filing and the answer are also in the audit log).
import { useEffect, useState } from 'react';
import type { AppealView } from '../../functions/schemas/appeals.ts';
import { auditorApi } from '../api/auditor.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';

export function AuditorAppeals({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [list, setList] = useState<AppealView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    auditorApi.appeals(token).then((r) => setList(r.appeals), setError);
  }, [token]);
  const when = (ms: number) => new Date(ms).toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB');
  return (
    <section className="card" aria-labelledby="auditor-appeals">
      <h2 id="auditor-appeals">{t('auditor.appeals.title')}</h2>
      <ErrorAlert error={error} />
      {list?.length === 0 && <p className="muted">{t('admin.appeals.empty')}</p>}
      {list && list.length > 0 && (
        <div className="table-wrap">
          <table className="table" data-testid="auditor-appeals">
            <thead>
              <tr>
                <th scope="col">{t('admin.attempts.col.regNo')}</th>
                <th scope="col">{t('admin.appeals.col.filed')}</th>
                <th scope="col">{t('admin.appeals.col.text')}</th>
                <th scope="col">{t('admin.appeals.col.status')}</th>
                <th scope="col">{t('admin.appeals.col.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.attemptId}>
                  <th scope="row" className="mono">
                    {a.regNo}
                  </th>
                  <td>{when(a.filedAt)}</td>
                  <td className="appeal-text">{a.text}</td>
                  <td>
                    <span className={`pill pill-appeal-${a.status}`}>{t(`appeal.status.${a.status}`)}</span>
                  </td>
                  <td>
                    {a.resolution
                      ? `${a.resolution.reason} (${a.resolution.by}, ${when(a.resolution.at)}${a.resolution.late ? `, ${t('admin.appeals.late')}` : ''})`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
