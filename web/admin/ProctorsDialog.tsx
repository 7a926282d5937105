// Assign proctors to a session: every proctor account as a checkbox (disabled accounts marked), saved as one list.
import { type FormEvent, useState } from 'react';
import type { SessionView } from '../../functions/schemas/staff.ts';
import { consoleApi, type StaffEntry } from '../api/console.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { useStaffQuery } from './useStaff.ts';

interface Props {
  token: string;
  session: SessionView | null;
  onDone(): void;
  onClose(): void;
  onAuthError(err: unknown): boolean;
}

export function ProctorsDialog({ token, session, onDone, onClose, onAuthError }: Props) {
  const { t } = useI18n();
  return (
    <Dialog
      open={session !== null}
      title={session ? t('admin.proctors.title', { title: session.title }) : ''}
      onClose={onClose}
    >
      {session && (
        <Choice
          key={session.id}
          token={token}
          session={session}
          onDone={onDone}
          onClose={onClose}
          onAuthError={onAuthError}
        />
      )}
    </Dialog>
  );
}

function Choice({ token, session, onDone, onClose, onAuthError }: Props & { session: SessionView }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(() => new Set(session.proctors ?? []));
  const { data: proctors, error: loadError } = useStaffQuery(
    token,
    onAuthError,
    (tok): Promise<StaffEntry[]> =>
      consoleApi.staff(tok).then((r) => r.staff.filter((u) => u.role === 'proctor')),
    [],
  );
  const { busy, error, run } = useAction(onAuthError);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await consoleApi.setProctors(token, session.id, [...chosen]);
      onDone();
    });
  }

  return (
    <form className="form" onSubmit={submit}>
      {proctors === null && !loadError && <p aria-busy="true">{t('common.loading')}</p>}
      {proctors?.length === 0 && <p className="muted">{t('admin.proctors.none')}</p>}
      {proctors && proctors.length > 0 && (
        <fieldset className="checklist">
          <legend>{t('admin.proctors.legend')}</legend>
          {proctors.map((p) => (
            <label key={p.id} className="check">
              <input
                type="checkbox"
                checked={chosen.has(p.id)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(p.id);
                  else next.delete(p.id);
                  setChosen(next);
                }}
              />
              <span>
                {p.name} <span className="mono small">({p.id})</span>
                {p.disabled && <span className="pill">{t('admin.staff.disabled')}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <ErrorAlert error={error ?? loadError} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || proctors === null}>
          {t('admin.proctors.save')}
        </button>
      </div>
    </form>
  );
}
