// Item banks (admin): the banks with their current snapshot, each bank's snapshots, import of a CSV or JSON file
// (all or nothing: every bad row and why), export, and links to preview a snapshot as a candidate sees it.
import { type FormEvent, useState } from 'react';
import { downloadFile } from '../api/console.ts';
import {
  BankImportRefused,
  type BankImportResult,
  type BankProblem,
  type BankSummary,
  examsApi,
  importBank,
} from '../api/exams.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';
import { DataTable } from './DataTable.tsx';
import { formatDateTime } from './format.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

const short = (id: string) => `${id.slice(0, 12)}…`;

export function BanksPage() {
  const { t, lang } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const [open, setOpen] = useState<string | null>(null);
  const token = staff?.token ?? '';
  const { data, error, reload } = useStaffQuery(token, handleAuthError, (tok) => examsApi.banks(tok), []);
  const banks = data?.banks ?? null;

  const exporting = useAction(handleAuthError);
  const download = (bankId: string, format: 'csv' | 'json') =>
    exporting.run(() =>
      downloadFile(
        token,
        `/api/admin/banks/${encodeURIComponent(bankId)}/items?format=${format}`,
        `${bankId}.${format}`,
      ),
    );

  if (!staff) return null;
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.banks.title')}</PageTitle>
      </div>
      <ErrorAlert error={exporting.error ?? error} />
      <DataTable
        caption={t('admin.banks.title')}
        testId="banks"
        rows={banks}
        failed={error !== null}
        rowKey={(b) => b.bankId}
        rowAttrs={(b) => ({ 'data-bank': b.bankId })}
        columns={[
          { header: t('admin.banks.col.bank'), className: 'mono', cell: (b) => b.bankId },
          { header: t('admin.banks.col.head'), cell: (b) => <code title={b.head}>{short(b.head)}</code> },
          {
            header: t('admin.exams.col.updated'),
            cell: (b) => (b.updatedAt ? formatDateTime(b.updatedAt, lang) : '—'),
          },
          {
            header: t('admin.sessions.col.actions'),
            cell: (b) => (
              <div className="actions">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-expanded={open === b.bankId}
                  onClick={() => setOpen(open === b.bankId ? null : b.bankId)}
                >
                  {t('admin.banks.snapshotsOf', { bank: b.bankId })}
                </button>
                <a className="btn btn-small" href={paths.adminBankPreview(b.bankId)}>
                  {t('admin.banks.previewOf', { bank: b.bankId })}
                </a>
                <button type="button" className="btn btn-small" onClick={() => download(b.bankId, 'csv')}>
                  {t('admin.banks.exportCsv')}
                </button>
                <button type="button" className="btn btn-small" onClick={() => download(b.bankId, 'json')}>
                  {t('admin.banks.exportJson')}
                </button>
              </div>
            ),
          },
        ]}
      />
      {open && <Snapshots key={open} token={token} bankId={open} onAuthError={handleAuthError} />}
      <ImportForm
        token={token}
        banks={banks ?? []}
        onAuthError={handleAuthError}
        onDone={(r) => {
          setOpen(r.bankId);
          reload();
        }}
      />
    </StaffLayout>
  );
}

function Snapshots({
  token,
  bankId,
  onAuthError,
}: {
  token: string;
  bankId: string;
  onAuthError(err: unknown): boolean;
}) {
  const { t, lang } = useI18n();
  const { data, error } = useStaffQuery(token, onAuthError, (tok) => examsApi.snapshots(tok, bankId), [
    bankId,
  ]);
  return (
    <section className="card" aria-labelledby="snapshots-title" data-testid="snapshots">
      <h2 id="snapshots-title">{t('admin.banks.snapshotsTitle', { bank: bankId })}</h2>
      <p className="muted small">{t('admin.banks.snapshotsHelp')}</p>
      <ErrorAlert error={error} />
      <DataTable
        caption={t('admin.banks.snapshotsTitle', { bank: bankId })}
        compact
        rows={data && [...data.snapshots].reverse()}
        failed={error !== null}
        rowKey={(s) => s.snapshotId}
        columns={[
          {
            header: t('admin.banks.col.snapshot'),
            cell: (s) => (
              <>
                <code title={s.snapshotId}>{short(s.snapshotId)}</code>{' '}
                {s.snapshotId === data?.head && (
                  <span className="pill pill-ok">{t('admin.banks.current')}</span>
                )}
              </>
            ),
          },
          {
            header: t('admin.exams.col.created'),
            cell: (s) => (s.createdAt ? formatDateTime(s.createdAt, lang) : '—'),
          },
          {
            header: t('admin.banks.col.origin'),
            cell: (s) =>
              s.origin ? t(`admin.banks.origin.${s.origin}` as 'admin.banks.origin.import') : '—',
          },
          { header: t('admin.banks.col.items'), num: true, cell: (s) => s.itemCount },
          {
            header: t('admin.banks.col.categories'),
            cell: (s) =>
              Object.entries(s.byCategory)
                .map(([c, n]) => `${c} ${n}`)
                .join(', '),
          },
          {
            header: t('admin.sessions.col.actions'),
            cell: (s) => (
              <a href={paths.adminBankPreview(bankId, s.snapshotId)}>
                {t('admin.banks.previewSnapshot', { id: s.snapshotId.slice(0, 8) })}
              </a>
            ),
          },
        ]}
      />
    </section>
  );
}

function ImportForm({
  token,
  banks,
  onAuthError,
  onDone,
}: {
  token: string;
  banks: BankSummary[];
  onAuthError(err: unknown): boolean;
  onDone(r: BankImportResult): void;
}) {
  const { t } = useI18n();
  const [bankId, setBankId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [problems, setProblems] = useState<BankProblem[]>([]);
  const { busy, error, run } = useAction((err) => {
    if (!(err instanceof BankImportRefused)) return onAuthError(err);
    setProblems(err.problems);
    return true;
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!file) return;
    setDone(null);
    setProblems([]);
    await run(async () => {
      const r = await importBank(token, bankId.trim(), file);
      setDone(t('admin.banks.imported', { n: r.imported, bank: r.bankId, id: r.snapshotId.slice(0, 12) }));
      onDone(r);
    });
  }

  return (
    <section className="card" aria-labelledby="bank-import" data-testid="bank-import">
      <h2 id="bank-import">{t('admin.banks.importTitle')}</h2>
      <p className="small muted" id="bank-import-help">
        {t('admin.banks.importHelp')}
      </p>
      <form onSubmit={submit} className="form form-grid">
        <label className="field">
          <span>{t('admin.banks.col.bank')}</span>
          <input
            required
            list="bank-ids"
            maxLength={64}
            pattern="[A-Za-z0-9._\-]+"
            autoComplete="off"
            value={bankId}
            onChange={(e) => setBankId(e.target.value)}
          />
          <datalist id="bank-ids">
            {banks.map((b) => (
              <option key={b.bankId} value={b.bankId} />
            ))}
          </datalist>
        </label>
        <label className="field">
          <span>{t('admin.banks.file')}</span>
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby="bank-import-help"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <div className="field-wide">
          <button type="submit" className="btn btn-primary" disabled={!file || !bankId.trim() || busy}>
            {t('admin.registry.upload')}
          </button>
        </div>
      </form>
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      <ErrorAlert error={error} />
      <ImportProblems
        problems={problems.map((p) => ({ line: p.row, message: p.reason }))}
        testId="bank-problems"
        unit="row"
      />
    </section>
  );
}
