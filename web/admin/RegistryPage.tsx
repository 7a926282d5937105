// Formations and candidates: CSV imports (all or nothing, every bad row shown), with the candidate import's progress.
import { type FormEvent, useState } from 'react';
import { ImportRefused, uploadCandidates, uploadFormations } from '../api/admin-io.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Layout, PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { StaffHeader } from './StaffHeader.tsx';
import { useStaff } from './useStaff.ts';

type Problems = ImportRefused['problems'];

export function RegistryPage() {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  if (!staff) return null;
  return (
    <Layout header={<StaffHeader staff={staff} onLogout={logout} />} wide>
      <div className="page-head">
        <PageTitle>{t('admin.registry.title')}</PageTitle>
        <a className="btn" href={paths.adminSessions}>
          {t('admin.nav.sessions')}
        </a>
      </div>
      <ImportForm
        id="formations"
        title={t('admin.registry.formations')}
        help={t('admin.registry.formationsHelp')}
        run={async (file) => {
          const r = await uploadFormations(staff.token, file);
          return t('admin.registry.formationsDone', { n: r.imported });
        }}
        onAuthError={handleAuthError}
      />
      <ImportForm
        id="candidates"
        title={t('admin.registry.candidates')}
        help={t('admin.registry.candidatesHelp')}
        progress
        run={async (file, onProgress) => {
          const r = await uploadCandidates(staff.token, file, onProgress);
          return r.changed
            ? t('admin.registry.candidatesDone', { n: r.rows, id: r.importId })
            : t('admin.registry.unchanged');
        }}
        onAuthError={handleAuthError}
      />
    </Layout>
  );
}

interface FormProps {
  id: string;
  title: string;
  help: string;
  progress?: boolean;
  run(file: File, onProgress: (written: number, total: number) => void): Promise<string>;
  onAuthError(err: unknown): boolean;
}

function ImportForm({ id, title, help, progress, run, onAuthError }: FormProps) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems>([]);
  const [error, setError] = useState<unknown>(null);
  const [step, setStep] = useState<{ written: number; total: number } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setDone(null);
    setProblems([]);
    setError(null);
    setStep(null);
    try {
      setDone(await run(file, (written, total) => setStep({ written, total })));
    } catch (err) {
      if (err instanceof ImportRefused) setProblems(err.problems);
      else if (!onAuthError(err)) setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid={`import-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="small muted" id={`${id}-help`}>
        {help}
      </p>
      <form onSubmit={submit} className="form-row">
        <label htmlFor={`${id}-file`}>{t('admin.registry.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={`${id}-help`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" className="btn btn-primary" disabled={!file || busy}>
          {t('admin.registry.upload')}
        </button>
      </form>
      {progress && step && (
        <p>
          <label htmlFor={`${id}-progress`}>{t('admin.registry.progress', step)}</label>{' '}
          <progress id={`${id}-progress`} max={step.total} value={step.written} />
        </p>
      )}
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorAlert error={error} />
      {problems.length > 0 && (
        <div role="alert" className="table-wrap">
          <h3>{t('admin.registry.problems')}</h3>
          <table className="table" data-testid={`problems-${id}`}>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('admin.registry.col.line')}
                </th>
                <th scope="col">{t('admin.registry.col.column')}</th>
                <th scope="col">{t('admin.registry.col.message')}</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((p) => (
                <tr key={`${p.line}-${p.column ?? ''}-${p.message}`}>
                  <td className="num">{p.line}</td>
                  <td className="mono">{p.column ?? ''}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
