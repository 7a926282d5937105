// SKB and final ranking of an SKD exam: settings (mode, component and final weights, tie-breaks), the SKB score
// CSV import (every bad row shown), the final ranking as it would be published, and its publication.
import { type FormEvent, useState } from 'react';
import { ImportRefused } from '../api/admin-io.ts';
import type { ExamSummary } from '../api/console.ts';
import { type SkbReport, skbApi, uploadSkbScores } from '../api/skb.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { DataTable } from './DataTable.tsx';
import { ExamSelect } from './ExamSelect.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { PublicationStateLine, publishedNotice } from './RankingPublicationCard.tsx';
import { SkbSettingsForm } from './SkbSettingsForm.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useExamChoice } from './useExamChoice.ts';
import { useStaff, useStaffQuery } from './useStaff.ts';

type Problems = ImportRefused['problems'];
const isSkd = (e: ExamSummary) => e.id.startsWith('skd');

export function SkbPage() {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const token = staff?.token ?? '';
  // the exam list's query holds the page's errors of the actions; each read keeps its own
  const { exams, examId, setExamId, error, setError, fail } = useExamChoice(token, handleAuthError, isSkd);
  // each answer says which exam it is for: one for an exam chosen before is never shown as this one's
  const stored = useStaffQuery(
    token,
    handleAuthError,
    (tok) => (examId ? skbApi.get(tok, examId).then((r) => ({ examId, settings: r.settings })) : null),
    [examId],
    { clear: true },
  );
  const final = useStaffQuery(
    token,
    handleAuthError,
    (tok) => (examId ? skbApi.final(tok, examId).then((r) => ({ examId, ...r })) : null),
    [examId],
  );
  const settings = stored.data?.examId === examId ? stored.data.settings : null;
  const ranking = final.data?.examId === examId ? final.data : null;
  const rows = ranking?.rows ?? null;
  const published = ranking?.publication ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems>([]);
  const [file, setFile] = useState<File | null>(null);

  if (!staff) return null;

  async function upload(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setNotice(null);
    setError(null);
    setProblems([]);
    try {
      const r: SkbReport = await uploadSkbScores(token, examId, file);
      setNotice(
        r.changed
          ? t('admin.skb.imported', { n: r.rows, skipped: r.notAdvanced })
          : t('admin.skb.unchanged', { n: r.rows }),
      );
      final.reload();
    } catch (err) {
      if (err instanceof ImportRefused) setProblems(err.problems);
      else fail(err);
    }
  }

  async function publish() {
    setNotice(null);
    setError(null);
    try {
      const { publication } = await skbApi.publish(token, examId);
      setNotice(publishedNotice(t, publication));
      final.reload();
    } catch (err) {
      fail(err);
    }
  }

  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.skb.title')}</PageTitle>
        <ExamSelect exams={exams} examId={examId} onChange={setExamId} className="field field-inline" />
      </div>
      <ErrorAlert error={error ?? stored.error ?? final.error} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {examId && (
        <SkbSettingsForm
          key={examId}
          token={token}
          examId={examId}
          stored={settings}
          onAuthError={handleAuthError}
          onSaved={(saved) => {
            setNotice(t('admin.skb.saved'));
            stored.setData({ examId, settings: saved });
            final.reload();
          }}
        />
      )}
      <section className="card" aria-labelledby="skb-import">
        <h2 id="skb-import">{t('admin.skb.import')}</h2>
        <p className="small muted" id="skb-import-help">
          {t('admin.skb.importHelp')}
        </p>
        <form onSubmit={upload} className="form-row">
          <label htmlFor="skb-file">{t('admin.registry.file')}</label>
          <input
            id="skb-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="skb-import-help"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <button type="submit" className="btn btn-primary" disabled={!file}>
            {t('admin.registry.upload')}
          </button>
        </form>
        <ImportProblems problems={problems} testId="skb-problems" />
      </section>
      <section className="card" aria-labelledby="skb-final">
        <div className="page-head">
          <h2 id="skb-final">{t('admin.skb.preview')}</h2>
          <div>
            <button
              type="button"
              className="btn btn-primary"
              onClick={publish}
              disabled={!rows?.length || published?.upToDate === true}
            >
              {t('admin.skb.publish')}
            </button>{' '}
            <a className="btn" href={paths.ranking(`${examId}.final`)}>
              {t('admin.skb.publicPage')}
            </a>
          </div>
        </div>
        {published && <PublicationStateLine status={published} />}
        <DataTable
          caption={t('admin.skb.preview')}
          compact
          testId="skb-final"
          rows={rows}
          failed={final.error !== null}
          empty={t('admin.skb.empty')}
          rowKey={(r) => r.pseudonym}
          rowHeader={2}
          columns={[
            { header: t('admin.skb.col.formation'), className: 'mono', cell: (r) => r.formationId },
            { header: t('admin.skb.col.rank'), num: true, cell: (r) => r.rank ?? '–' },
            { header: t('admin.skb.col.regNo'), className: 'mono', cell: (r) => r.regNo },
            { header: t('admin.skb.col.pseudonym'), className: 'mono', cell: (r) => r.pseudonym },
            { header: 'SKD', num: true, cell: (r) => r.total },
            { header: 'SKB', num: true, cell: (r) => r.skb?.toFixed(3) ?? '–' },
            { header: t('admin.skb.col.final'), num: true, cell: (r) => r.final?.toFixed(3) ?? '–' },
            {
              header: t('admin.skb.col.passes'),
              cell: (r) => (r.advances ? t('admin.skb.yes') : t('admin.skb.no')),
            },
          ]}
        />
      </section>
    </StaffLayout>
  );
}
