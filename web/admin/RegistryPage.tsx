// Formations and candidates: CSV imports (all or nothing, every bad row shown, the candidate import's phases and
// progress), the formations table with edits, the candidates in force, and rosters from the import or by capacity.
import { type FormEvent, useCallback, useState } from 'react';
import { type ImportProgress, ImportRefused, uploadCandidates, uploadFormations } from '../api/admin-io.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { CandidatesTable } from './CandidatesTable.tsx';
import { FormationsTable } from './FormationsTable.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { RosterTools } from './RosterTools.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff } from './useStaff.ts';

type Problems = ImportRefused['problems'];
/** A file with thousands of bad rows: the first ones are listed, the rest counted (the page stays responsive). */

export function RegistryPage() {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  // bumped after an import so the tables below read the data in force again
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  if (!staff) return null;
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.registry.title')}</PageTitle>
      </div>
      <ImportForm
        id="formations"
        title={t('admin.registry.formations')}
        help={t('admin.registry.formationsHelp')}
        run={async (file) => {
          const r = await uploadFormations(staff.token, file);
          bump();
          return t('admin.registry.formationsDone', { n: r.imported });
        }}
        onAuthError={handleAuthError}
      />
      <FormationsTable token={staff.token} version={version} onAuthError={handleAuthError} />
      <ImportForm
        id="candidates"
        title={t('admin.registry.candidates')}
        help={t('admin.registry.candidatesHelp')}
        run={async (file, onProgress) => {
          const r = await uploadCandidates(staff.token, file, onProgress);
          bump();
          return r.changed
            ? t('admin.registry.candidatesDone', { n: r.rows, id: r.importId })
            : t('admin.registry.unchanged');
        }}
        onAuthError={handleAuthError}
      />
      <RosterTools token={staff.token} onAuthError={handleAuthError} onDone={bump} />
      <CandidatesTable token={staff.token} version={version} onAuthError={handleAuthError} />
    </StaffLayout>
  );
}

interface FormProps {
  id: string;
  title: string;
  help: string;
  run(file: File, onProgress: (p: ImportProgress) => void): Promise<string>;
  onAuthError(err: unknown): boolean;
}

function ImportForm({ id, title, help, run, onAuthError }: FormProps) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems>([]);
  const [step, setStep] = useState<ImportProgress | null>(null);
  const {
    busy,
    error,
    run: act,
  } = useAction((err) => {
    if (!(err instanceof ImportRefused)) return onAuthError(err);
    setProblems(err.problems);
    return true;
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setDone(null);
    setProblems([]);
    setStep(null);
    await act(async () => setDone(await run(file, setStep)));
    setStep(null);
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
      {step && <Progress id={id} step={step} />}
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorAlert error={error} />
      <ImportProblems problems={problems} testId={`problems-${id}`} />
    </section>
  );
}

/** The three phases in order, the current one with its own measure (bytes, or rows written). */
function Progress({ id, step }: { id: string; step: ImportProgress }) {
  const { t } = useI18n();
  const order = ['upload', 'validate', 'write'] as const;
  const at = order.indexOf(step.phase);
  const label =
    step.phase === 'upload'
      ? t('admin.registry.phase.uploading', {
          pct: Math.round((100 * step.loaded) / Math.max(1, step.total)),
        })
      : step.phase === 'validate'
        ? t('admin.registry.phase.validating')
        : t('admin.registry.progress', { written: step.written, total: step.total });
  return (
    <div className="import-progress" data-testid={`progress-${id}`}>
      <ol className="phases">
        {order.map((p, i) => (
          <li
            key={p}
            className={i < at ? 'done' : i === at ? 'current' : undefined}
            aria-current={i === at ? 'step' : undefined}
          >
            {t(`admin.registry.phase.${p}`)}
          </li>
        ))}
      </ol>
      <p aria-live="polite">
        <label htmlFor={`${id}-progress`}>{label}</label>{' '}
        {step.phase === 'validate' ? (
          <progress id={`${id}-progress`} />
        ) : (
          <progress
            id={`${id}-progress`}
            max={step.total || 1}
            value={step.phase === 'upload' ? step.loaded : step.written}
          />
        )}
      </p>
    </div>
  );
}
