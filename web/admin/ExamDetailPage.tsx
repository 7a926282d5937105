// One exam (admin): every version with its sessions, attempts and lock; a version's sections, blueprint, passing
// grades and pinned snapshots; a new version (always possible) or an in-place edit of the latest while unlocked.
import { useState } from 'react';
import type { ExamDefinition } from '../../functions/schemas/exams.ts';
import { type ExamRecord, type ExamVersion, examsApi } from '../api/exams.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { ExamDefinitionForm } from './ExamDefinitionForm.tsx';
import { formatDateTime } from './format.ts';
import { RankingPublicationCard } from './RankingPublicationCard.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

const definitionOf = (e: ExamRecord): ExamDefinition => ({
  title: e.title,
  scheme: e.scheme,
  durationMinutes: e.durationMinutes,
  sections: e.sections,
  passingGrades: e.passingGrades,
  ...(e.bankSnapshots ? { bankSnapshots: e.bankSnapshots } : {}),
});

export function ExamDetailPage({ examId }: { examId: string }) {
  const { t, lang } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const [shown, setShown] = useState<number | null>(null);
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const token = staff?.token ?? '';
  const { data, error, reload } = useStaffQuery(
    token,
    handleAuthError,
    (tok) =>
      examsApi.view(tok, examId).then((r) => {
        setShown((s) => s ?? r.exam.version);
        return r;
      }),
    [examId],
  );
  const versions: ExamVersion[] | null = data?.versions ?? null;

  if (!staff) return null;
  const latest = versions?.at(-1);
  const current = versions?.find((v) => v.exam.version === shown) ?? latest;
  const done = (message: string, version: number) => {
    setEditing(null);
    setNotice(message);
    setShown(version);
    reload();
  };
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <p className="no-print">
        <a href={paths.adminExams}>{t('admin.exams.back')}</a>
      </p>
      <div className="page-head">
        <PageTitle>{t('admin.exams.detailTitle', { id: examId })}</PageTitle>
      </div>
      <ErrorAlert error={error} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {versions && (
        <div className="table-wrap">
          <table className="table" data-testid="exam-versions">
            <caption className="sr-only">{t('admin.exams.versions')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('admin.exams.col.version')}
                </th>
                <th scope="col">{t('admin.exams.field.title')}</th>
                <th scope="col">{t('admin.exams.col.created')}</th>
                <th scope="col">{t('admin.exams.col.sessions')}</th>
                <th scope="col" className="num">
                  {t('admin.exams.col.attempts')}
                </th>
                <th scope="col">{t('admin.staff.col.state')}</th>
                <th scope="col">
                  <span className="sr-only">{t('admin.sessions.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.exam.version} data-version={v.exam.version}>
                  <th scope="row" className="num">
                    {v.exam.version}
                  </th>
                  <td>{v.exam.title}</td>
                  <td>
                    {v.createdAt ? formatDateTime(v.createdAt, lang) : '—'}
                    {v.createdBy ? ` · ${v.createdBy}` : ''}
                  </td>
                  <td>
                    {v.use.sessions.length === 0
                      ? '—'
                      : v.use.sessions.map((s) => (
                          <a key={s.id} className="mono session-link" href={paths.adminAttempts(s.id)}>
                            {s.id}
                          </a>
                        ))}
                  </td>
                  <td className="num">{v.use.attempts}</td>
                  <td>
                    <span className={v.use.locked ? 'pill pill-expired' : 'pill pill-ok'}>
                      {v.use.locked
                        ? t(
                            v.use.lockedBecause === 'attempts'
                              ? 'admin.exams.lockedAttempts'
                              : 'admin.exams.lockedSoon',
                          )
                        : t('admin.exams.editable')}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-pressed={current?.exam.version === v.exam.version}
                      onClick={() => setShown(v.exam.version)}
                    >
                      {t('admin.exams.show', { n: v.exam.version })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {latest && (
        <div className="actions-bar">
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => setEditing(editing === 'new' ? null : 'new')}
          >
            {t('admin.exams.newVersion', { n: latest.exam.version + 1 })}
          </button>
          {!latest.use.locked && (
            <button
              type="button"
              className="btn"
              onClick={() => setEditing(editing === 'edit' ? null : 'edit')}
            >
              {t('admin.exams.editLatest', { n: latest.exam.version })}
            </button>
          )}
        </div>
      )}
      {latest && editing && (
        <section className="card" aria-labelledby="exam-edit">
          <h2 id="exam-edit">
            {editing === 'new'
              ? t('admin.exams.newVersionTitle', { n: latest.exam.version + 1 })
              : t('admin.exams.editTitle', { n: latest.exam.version })}
          </h2>
          <p className="muted small">
            {t(editing === 'new' ? 'admin.exams.newVersionHelp' : 'admin.exams.editHelp')}
          </p>
          <ExamDefinitionForm
            key={editing}
            idPrefix={editing}
            token={token}
            initial={definitionOf(latest.exam)}
            submitLabel={t(editing === 'new' ? 'admin.exams.saveNew' : 'admin.exams.saveEdit')}
            onAuthError={handleAuthError}
            onSubmit={async (def) => {
              if (editing === 'new') {
                const { exam } = await examsApi.newVersion(token, examId, def);
                done(t('admin.exams.versionMade', { n: exam.version }), exam.version);
              } else {
                const { exam } = await examsApi.edit(token, examId, latest.exam.version, def);
                done(t('admin.exams.versionEdited', { n: exam.version }), exam.version);
              }
            }}
          />
        </section>
      )}
      {data && data.exam.scheme !== 'PSYCH' && (
        <RankingPublicationCard examId={examId} token={token} onAuthError={handleAuthError} />
      )}
      {current && <VersionDetails version={current} />}
    </StaffLayout>
  );
}

function VersionDetails({ version }: { version: ExamVersion }) {
  const { t } = useI18n();
  const e = version.exam;
  const total = e.sections.reduce((n, s) => n + s.draws.reduce((m, d) => m + d.count, 0), 0);
  return (
    <section className="card version-details" aria-labelledby="version-details" data-testid="version-details">
      <h2 id="version-details">{t('admin.exams.versionTitle', { n: e.version, title: e.title })}</h2>
      <p>{t('admin.exams.summary', { scheme: e.scheme, minutes: e.durationMinutes, items: total })}</p>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption>{t('admin.exams.sections')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.exams.field.sectionId')}</th>
              <th scope="col">{t('admin.exams.field.sectionTitle')}</th>
              <th scope="col">{t('admin.exams.field.bank')}</th>
              <th scope="col">{t('admin.exams.blueprint')}</th>
              <th scope="col" className="num">
                {t('admin.exams.field.points')}
              </th>
            </tr>
          </thead>
          <tbody>
            {e.sections.map((s) => (
              <tr key={s.id}>
                <th scope="row" className="mono">
                  {s.id}
                </th>
                <td>{s.title}</td>
                <td className="mono">{s.bankId}</td>
                <td>
                  {s.draws
                    .map(
                      (d) =>
                        `${d.category}${d.difficulty ? ` (${t(`admin.exams.difficulty.${d.difficulty}`)})` : ''} × ${d.count}`,
                    )
                    .join(', ')}
                </td>
                <td className="num">{s.correctPoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="table table-compact">
          <caption>{t('admin.exams.passingGrades')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.exams.field.formationType')}</th>
              <th scope="col">{t('admin.exams.field.label')}</th>
              <th scope="col">{t('admin.exams.minimums')}</th>
              <th scope="col" className="num">
                {t('admin.exams.field.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {e.passingGrades.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {t('admin.exams.noPassingGrades')}
                </td>
              </tr>
            )}
            {e.passingGrades.map((g) => (
              <tr key={g.formationType}>
                <th scope="row" className="mono">
                  {g.formationType}
                </th>
                <td>{g.label}</td>
                <td>
                  {Object.entries(g.sections)
                    .map(([s, v]) => `${s} ≥ ${v}`)
                    .join(', ') || '—'}
                </td>
                <td className="num">{g.total ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('admin.exams.pins')}</h3>
      <ul>
        {Object.entries(e.bankSnapshots ?? {}).map(([bank, snap]) => (
          <li key={bank}>
            <span className="mono">{bank}</span>: <code title={snap}>{snap.slice(0, 16)}…</code>{' '}
            <a href={paths.adminBankPreview(bank, snap)}>{t('admin.banks.preview')}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}
