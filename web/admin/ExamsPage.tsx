// Exams (admin): the list with each exam's latest version, and creating one from a preset (SKD, PPPK, psych battery)
// or by hand; either way pinned to bank snapshots, with the blueprint checked against them by the API.
import { type FormEvent, useState } from 'react';
import type { ExamPresetName } from '../../functions/schemas/exams.ts';
import { type BankSummary, examsApi } from '../api/exams.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { navigate, paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';
import { DataTable } from './DataTable.tsx';
import { blankDefinition, ExamDefinitionForm, FieldErrors } from './ExamDefinitionForm.tsx';
import { formatDateTime } from './format.ts';
import { StaffLayout } from './StaffLayout.tsx';
import { useStaff, useStaffQuery } from './useStaff.ts';

const PRESETS: readonly ExamPresetName[] = ['SKD', 'PPPK', 'PSYCH'];
const NO_BANKS: BankSummary[] = [];

export function ExamsPage() {
  const { t, lang } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const [mode, setMode] = useState<'preset' | 'manual'>('preset');
  const token = staff?.token ?? '';
  const { data, error } = useStaffQuery(
    token,
    handleAuthError,
    (tok) => Promise.all([examsApi.list(tok), examsApi.banks(tok)]),
    [],
  );
  const exams = data?.[0].exams ?? null;
  const banks = data?.[1].banks ?? NO_BANKS;

  if (!staff) return null;
  const created = (id: string) => navigate(paths.adminExam(id));
  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.exams.title')}</PageTitle>
      </div>
      <ErrorAlert error={error} />
      <DataTable
        caption={t('admin.exams.title')}
        testId="exams"
        rows={exams}
        failed={error !== null}
        empty={t('admin.exams.none')}
        rowKey={(e) => e.id}
        rowAttrs={(e) => ({ 'data-exam': e.id })}
        columns={[
          {
            header: t('admin.exams.col.id'),
            className: 'mono',
            cell: (e) => <a href={paths.adminExam(e.id)}>{e.id}</a>,
          },
          { header: t('admin.exams.field.title'), cell: (e) => e.title },
          { header: t('admin.exams.field.scheme'), cell: (e) => e.scheme },
          { header: t('admin.exams.col.version'), num: true, cell: (e) => e.version },
          {
            header: t('admin.exams.col.updated'),
            cell: (e) => (e.updatedAt ? formatDateTime(e.updatedAt, lang) : '—'),
          },
        ]}
      />

      <section className="card" aria-labelledby="exam-create">
        <h2 id="exam-create">{t('admin.exams.createTitle')}</h2>
        <fieldset className="segmented">
          <legend>{t('admin.exams.source')}</legend>
          {(['preset', 'manual'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="exam-source" checked={mode === m} onChange={() => setMode(m)} />
              <span>{t(`admin.exams.source.${m}`)}</span>
            </label>
          ))}
        </fieldset>
        {mode === 'preset' ? (
          <PresetForm token={token} banks={banks} onAuthError={handleAuthError} onDone={created} />
        ) : data ? (
          // its first section starts on the first bank: the form opens once the banks are loaded
          <ManualForm token={token} banks={banks} onAuthError={handleAuthError} onDone={created} />
        ) : (
          !error && <p aria-busy="true">{t('common.loading')}</p>
        )}
      </section>
    </StaffLayout>
  );
}

interface FormProps {
  token: string;
  banks: BankSummary[];
  onAuthError(err: unknown): boolean;
  onDone(id: string): void;
}

function PresetForm({ token, banks, onAuthError, onDone }: FormProps) {
  const { t } = useI18n();
  const [f, setF] = useState({
    id: '',
    preset: 'SKD' as ExamPresetName,
    bankId: '',
    title: '',
    duration: '',
  });
  const { busy, error, run } = useAction(onAuthError);
  const bankId = f.bankId || banks[0]?.bankId || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const { exam } = await examsApi.create(token, {
        source: 'preset',
        id: f.id.trim(),
        preset: f.preset,
        bankId,
        ...(f.title.trim() ? { title: f.title.trim() } : {}),
        ...(f.duration ? { durationMinutes: Number(f.duration) } : {}),
      });
      onDone(exam.id);
    });
  }

  return (
    <form className="form form-grid" onSubmit={submit} data-testid="exam-preset-form">
      <label className="field">
        <span>{t('admin.exams.col.id')}</span>
        <input
          required
          maxLength={64}
          pattern="[A-Za-z0-9._\-]+"
          autoComplete="off"
          value={f.id}
          onChange={(e) => setF({ ...f, id: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('admin.exams.preset')}</span>
        <select value={f.preset} onChange={(e) => setF({ ...f, preset: e.target.value as ExamPresetName })}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`admin.exams.preset.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.exams.field.bank')}</span>
        <select value={bankId} onChange={(e) => setF({ ...f, bankId: e.target.value })}>
          {banks.map((b) => (
            <option key={b.bankId} value={b.bankId}>
              {b.bankId}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.exams.titleOptional')}</span>
        <input maxLength={160} value={f.title} onChange={(e) => setF({ ...f, title: e.target.value })} />
      </label>
      <label className="field">
        <span>{t('admin.exams.durationOptional')}</span>
        <input
          type="number"
          min={1}
          max={600}
          value={f.duration}
          onChange={(e) => setF({ ...f, duration: e.target.value })}
        />
      </label>
      <div className="field-wide">
        <p className="muted small">{t('admin.exams.presetHelp')}</p>
        <FieldErrors error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy || !bankId}>
          {t('admin.exams.create')}
        </button>
      </div>
    </form>
  );
}

function ManualForm({ token, banks, onAuthError, onDone }: FormProps) {
  const { t } = useI18n();
  const [id, setId] = useState('');
  return (
    <div data-testid="exam-manual-form">
      <label className="field">
        <span>{t('admin.exams.col.id')}</span>
        <input
          required
          maxLength={64}
          pattern="[A-Za-z0-9._\-]+"
          autoComplete="off"
          value={id}
          onChange={(e) => setId(e.target.value)}
        />
      </label>
      <ExamDefinitionForm
        idPrefix="create"
        token={token}
        initial={blankDefinition(banks[0]?.bankId ?? '')}
        submitLabel={t('admin.exams.create')}
        onAuthError={onAuthError}
        onSubmit={async (definition) => {
          const { exam } = await examsApi.create(token, { source: 'manual', id: id.trim(), definition });
          onDone(exam.id);
        }}
      />
    </div>
  );
}
