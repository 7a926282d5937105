// An SKD exam's SKB settings form (admins): SKB mode, component weights, final weights and tie-breaks, edited
// as typed over the stored settings (useDraft: a late load never overwrites the admin's edit).
import { type FormEvent, useId } from 'react';
import type { SkbSettingsBody } from '../../functions/schemas/skb.ts';
import { type SkbSettings, skbApi } from '../api/skb.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { useAction } from '../lib/useAction.ts';
import { useDraft } from '../lib/useDraft.ts';
import { FieldErrors } from './ExamDefinitionForm.tsx';

const COMPONENTS = ['CAT', 'WAWANCARA', 'LAINNYA', 'PSIKOTES'] as const;
const FINALS = ['skd', 'skb', 'skdMax'] as const;

/** The form's fields as typed (numbers as text, so a field can be emptied and retyped; tie-breaks as one line). */
interface Fields {
  mode: SkbSettings['mode'];
  weights: Record<(typeof COMPONENTS)[number], string>;
  final: Record<(typeof FINALS)[number], string>;
  tieBreaks: string;
}

const toFields = (s: SkbSettings): Fields => ({
  mode: s.mode,
  weights: Object.fromEntries(
    COMPONENTS.map((c) => [c, String(s.componentWeights[c] ?? 0)]),
  ) as Fields['weights'],
  final: { skd: String(s.final.skd), skb: String(s.final.skb), skdMax: String(s.final.skdMax) },
  tieBreaks: s.tieBreaks.join(', '),
});

/** What the API reads: an empty number field goes as null and is refused by name (never a silent 0). */
const toBody = (f: Fields): SkbSettingsBody =>
  ({
    mode: f.mode,
    componentWeights: Object.fromEntries(COMPONENTS.map((c) => [c, num(f.weights[c])])),
    final: { skd: num(f.final.skd), skb: num(f.final.skb), skdMax: num(f.final.skdMax) },
    tieBreaks: f.tieBreaks
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  }) as SkbSettingsBody;
const num = (v: string) => (v.trim() === '' ? null : Number(v));

interface Props {
  token: string;
  examId: string;
  /** The exam's stored settings; null while they load (the form then shows a loading line). */
  stored: SkbSettings | null;
  onSaved(settings: SkbSettings): void;
  onAuthError(err: unknown): boolean;
}

export function SkbSettingsForm({ token, examId, stored, onSaved, onAuthError }: Props) {
  const { t } = useI18n();
  const uid = useId();
  const { draft, change, dirty, discard } = useDraft(stored && toFields(stored), examId);
  const { busy, error, run } = useAction(onAuthError);

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!draft) return;
    await run(async () => {
      const { settings } = await skbApi.saveSettings(token, examId, toBody(draft));
      onSaved(settings);
      discard();
    });
  }

  return (
    <section className="card" aria-labelledby={`${uid}-h`} aria-busy={draft === null}>
      <h2 id={`${uid}-h`}>{t('admin.skb.settings')}</h2>
      <p className="small muted">{t('admin.skb.settingsHelp')}</p>
      {draft === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <form onSubmit={save} className="form-grid skb-settings" data-testid="skb-settings">
          <fieldset>
            <legend>{t('admin.skb.mode')}</legend>
            {(['components', 'score'] as const).map((m) => (
              <label key={m} className="field-inline">
                <input
                  type="radio"
                  name={`${uid}-mode`}
                  checked={draft.mode === m}
                  onChange={() => change({ ...draft, mode: m })}
                />{' '}
                {t(`admin.skb.mode.${m}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('admin.skb.weights')}</legend>
            {COMPONENTS.map((c) => (
              <label key={c} className="field field-inline">
                <span>{t(`admin.skb.component.${c}`)} (%)</span>
                <input
                  type="number"
                  min={0}
                  max={100}
                  step={1}
                  value={draft.weights[c]}
                  onChange={(e) => change({ ...draft, weights: { ...draft.weights, [c]: e.target.value } })}
                />
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('admin.skb.final')}</legend>
            {FINALS.map((k) => (
              <label key={k} className="field field-inline">
                <span>{t(`admin.skb.final.${k}`)}</span>
                <input
                  type="number"
                  min={k === 'skdMax' ? 1 : 0}
                  max={k === 'skdMax' ? 10000 : 100}
                  value={draft.final[k]}
                  onChange={(e) => change({ ...draft, final: { ...draft.final, [k]: e.target.value } })}
                />
              </label>
            ))}
            <label className="field field-inline">
              <span>{t('admin.skb.tieBreaks')}</span>
              <input
                value={draft.tieBreaks}
                onChange={(e) => change({ ...draft, tieBreaks: e.target.value })}
              />
            </label>
          </fieldset>
          <div className="field-wide">
            <FieldErrors error={error} />
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('admin.skb.save')}
            </button>{' '}
            {dirty && (
              <button type="button" className="btn" onClick={discard} disabled={busy}>
                {t('admin.skb.discard')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
