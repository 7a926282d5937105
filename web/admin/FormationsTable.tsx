// The formations in force (id, position, agency unit, openings, type) with an edit dialog per formation.
import { type FormEvent, useState } from 'react';
import { consoleApi, type FormationRow } from '../api/console.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { useAction } from '../lib/useAction.ts';
import { DataTable } from './DataTable.tsx';
import { useStaffQuery } from './useStaff.ts';

interface Props {
  token: string;
  version: number;
  onAuthError(err: unknown): boolean;
}

export function FormationsTable({ token, version, onAuthError }: Props) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<FormationRow | null>(null);
  // a new import (version) loads the list again
  const { data, error, reload } = useStaffQuery(
    token,
    onAuthError,
    (tok) => {
      void version;
      return consoleApi.formations(tok);
    },
    [version],
  );
  const rows: FormationRow[] | null = data?.formations ?? null;

  return (
    <section className="card" aria-labelledby="formations-list">
      <h2 id="formations-list">{t('admin.formations.title', { n: rows?.length ?? '…' })}</h2>
      <ErrorAlert error={error} />
      <DataTable
        caption={t('admin.formations.title', { n: rows?.length ?? '…' })}
        testId="formations"
        rows={rows}
        failed={error !== null}
        empty={t('admin.formations.empty')}
        rowKey={(f) => f.id}
        rowAttrs={(f) => ({ 'data-formation': f.id })}
        columns={[
          { header: t('admin.formations.col.id'), className: 'mono', cell: (f) => f.id },
          { header: t('admin.formations.col.position'), cell: (f) => f.position },
          { header: t('admin.formations.col.unit'), cell: (f) => f.agencyUnit },
          { header: t('admin.formations.col.openings'), num: true, cell: (f) => f.openings },
          { header: t('admin.formations.col.type'), cell: (f) => f.formationType },
          {
            header: t('admin.sessions.col.actions'),
            cell: (f) => (
              <div className="actions">
                <button type="button" className="btn btn-small" onClick={() => setEditing(f)}>
                  {t('admin.formations.edit')}
                </button>
                <a className="btn btn-small" href={paths.adminFormationResults(f.id)}>
                  {t('admin.sessions.results')}
                </a>
              </div>
            ),
          },
        ]}
      />
      <Dialog
        open={editing !== null}
        title={editing ? t('admin.formations.editTitle', { id: editing.id }) : ''}
        onClose={() => setEditing(null)}
      >
        {editing && (
          <EditForm
            key={editing.id}
            token={token}
            formation={editing}
            onAuthError={onAuthError}
            onClose={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              reload();
            }}
          />
        )}
      </Dialog>
    </section>
  );
}

function EditForm({
  token,
  formation,
  onDone,
  onClose,
  onAuthError,
}: {
  token: string;
  formation: FormationRow;
  onDone(): void;
  onClose(): void;
  onAuthError(err: unknown): boolean;
}) {
  const { t } = useI18n();
  const [f, setF] = useState({ ...formation, openings: String(formation.openings) });
  const { busy, error, run } = useAction(onAuthError);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await consoleApi.editFormation(token, {
        id: f.id,
        position: f.position.trim(),
        agencyUnit: f.agencyUnit.trim(),
        openings: Number(f.openings),
        formationType: f.formationType.trim(),
      });
      onDone();
    });
  }
  return (
    <form className="form" onSubmit={submit}>
      <label className="field">
        <span>{t('admin.formations.col.position')}</span>
        <input required maxLength={200} value={f.position} onChange={set('position')} />
      </label>
      <label className="field">
        <span>{t('admin.formations.col.unit')}</span>
        <input required maxLength={200} value={f.agencyUnit} onChange={set('agencyUnit')} />
      </label>
      <label className="field">
        <span>{t('admin.formations.col.openings')}</span>
        <input type="number" required min={1} max={100000} value={f.openings} onChange={set('openings')} />
      </label>
      <label className="field">
        <span>{t('admin.formations.col.type')}</span>
        <input
          required
          maxLength={40}
          pattern="[a-z0-9\-]+"
          list="formation-types"
          value={f.formationType}
          onChange={set('formationType')}
          aria-describedby="formation-type-help"
        />
        <datalist id="formation-types">
          {['umum', 'cumlaude', 'diaspora', 'disabilitas', 'putra-putri-papua'].map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
      </label>
      <p id="formation-type-help" className="small muted">
        {t('admin.formations.typeHelp')}
      </p>
      <ErrorAlert error={error} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t('admin.schedule.save')}
        </button>
      </div>
    </form>
  );
}
