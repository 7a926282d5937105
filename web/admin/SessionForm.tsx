// Schedule or edit a session: exam, title, site, room, time zone (every time entered and shown in it), window, capacity.
import { type FormEvent, useId, useState } from 'react';
import { TIME_ZONES, type TimeZoneCode } from '../../functions/domain/schedule.ts';
import type { SessionView } from '../../functions/schemas/staff.ts';
import { consoleApi, type ExamSummary } from '../api/console.ts';
import { Dialog } from '../components/Dialog.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { RefusalAlert } from './Refusals.tsx';
import { fromZoneInput, toZoneInput, ZONES } from './zone.ts';

interface Props {
  token: string;
  /** The session to edit; null schedules a new one. */
  editing: SessionView | null;
  open: boolean;
  /** The exams to choose from (each at its version in force). */
  exams: readonly ExamSummary[];
  onDone(s: SessionView): void;
  onClose(): void;
  onAuthError(err: unknown): boolean;
}

const HOUR = 3_600_000;

export function SessionForm(props: Props) {
  // a fresh form (state) per opened dialog
  const { t } = useI18n();
  const title = props.editing
    ? t('admin.schedule.editTitle', { id: props.editing.id })
    : t('admin.schedule.title');
  return (
    <Dialog open={props.open} title={title} onClose={props.onClose}>
      <Fields key={props.editing?.id ?? 'new'} {...props} />
    </Dialog>
  );
}

function Fields({ token, editing, exams, onDone, onClose, onAuthError }: Props) {
  const { t } = useI18n();
  const listId = useId();
  const zone0: TimeZoneCode = editing?.timeZone ?? 'WIB';
  // a new session defaults to tomorrow 08:00–12:00 in the zone
  const start = editing?.opensAt ?? nextMorning(zone0);
  const [f, setF] = useState({
    id: '',
    // empty: the first exam listed (the list may load after the form opens; the select shows that one)
    examId: editing?.examId ?? '',
    title: editing?.title ?? '',
    site: editing?.site ?? '',
    room: editing?.room ?? '',
    timeZone: zone0,
    opens: toZoneInput(start, zone0),
    closes: toZoneInput(editing?.closesAt ?? start + 4 * HOUR, zone0),
    capacity: String(editing?.capacity ?? 40),
  });
  const { busy, error, run } = useAction(onAuthError);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) =>
    setF({ ...f, [k]: e.target.value });
  const examId = f.examId || exams[0]?.id || '';
  const opensAt = fromZoneInput(f.opens, f.timeZone);
  const closesAt = fromZoneInput(f.closes, f.timeZone);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const common = {
      title: f.title.trim(),
      site: f.site.trim(),
      room: f.room.trim(),
      timeZone: f.timeZone,
      opensAt,
      closesAt,
      capacity: Number(f.capacity),
    };
    await run(async () => {
      const { session } = editing
        ? await consoleApi.editSession(token, editing.id, common)
        : await consoleApi.schedule(token, {
            ...common,
            examId,
            ...(f.id.trim() ? { id: f.id.trim() } : {}),
          });
      onDone(session);
    });
  }

  return (
    <form className="form form-grid" onSubmit={submit} data-testid="session-form">
      {!editing && (
        <>
          <label className="field field-span-2">
            <span>{t('admin.schedule.exam')}</span>
            <select required value={examId} onChange={set('examId')} aria-describedby={`${listId}-help`}>
              {exams.map((x) => (
                <option key={x.id} value={x.id}>
                  {t('admin.schedule.examOption', { title: x.title, id: x.id, version: x.version })}
                </option>
              ))}
            </select>
            <span id={`${listId}-help`} className="small muted">
              {t('admin.schedule.examHelp')}
            </span>
          </label>
          <label className="field">
            <span>{t('admin.schedule.id')}</span>
            <input value={f.id} onChange={set('id')} pattern="[A-Za-z0-9._\-]+" maxLength={64} />
          </label>
        </>
      )}
      <label className="field field-wide">
        <span>{t('admin.schedule.name')}</span>
        <input required maxLength={120} value={f.title} onChange={set('title')} />
      </label>
      <label className="field">
        <span>{t('admin.schedule.site')}</span>
        <input required maxLength={120} value={f.site} onChange={set('site')} />
      </label>
      <label className="field">
        <span>{t('admin.schedule.room')}</span>
        <input required maxLength={60} value={f.room} onChange={set('room')} />
      </label>
      <label className="field">
        <span>{t('admin.schedule.zone')}</span>
        <select
          value={f.timeZone}
          onChange={(e) => {
            // the wall-clock times stay as typed: they are read in the newly chosen zone
            setF({ ...f, timeZone: e.target.value as TimeZoneCode });
          }}
        >
          {ZONES.map((z) => (
            <option key={z} value={z}>
              {t(`admin.zone.${z}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.schedule.capacity')}</span>
        <input type="number" required min={1} max={5000} value={f.capacity} onChange={set('capacity')} />
      </label>
      <label className="field">
        <span>{t('admin.schedule.opens', { zone: f.timeZone })}</span>
        <input type="datetime-local" required value={f.opens} onChange={set('opens')} />
      </label>
      <label className="field">
        <span>{t('admin.schedule.closes', { zone: f.timeZone })}</span>
        <input type="datetime-local" required value={f.closes} onChange={set('closes')} />
      </label>
      <p className="small muted field-wide">{t('admin.schedule.zoneHelp', { zone: f.timeZone })}</p>
      <div className="field-wide">
        <RefusalAlert error={error} />
      </div>
      <div className="dialog-actions field-wide">
        <button type="button" className="btn" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy || (!editing && !examId) || Number.isNaN(opensAt) || Number.isNaN(closesAt)}
        >
          {editing ? t('admin.schedule.save') : t('admin.schedule.submit')}
        </button>
      </div>
    </form>
  );
}

/** Tomorrow 08:00 wall clock in the zone. */
function nextMorning(zone: TimeZoneCode): number {
  const off = TIME_ZONES[zone].offsetMinutes * 60_000;
  const local = new Date(Date.now() + off + 24 * HOUR);
  local.setUTCHours(8, 0, 0, 0);
  return local.getTime() - off;
}
