// SKB and final ranking of an SKD exam: settings (mode, component and final weights, tie-breaks), the SKB score
// CSV import (every bad row shown), the final ranking as it would be published, and its publication.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { ImportRefused } from '../api/admin-io.ts';
import type { ExamSummary } from '../api/console.ts';
import type { PublicationStatus } from '../api/exams.ts';
import { type FinalRow, type SkbReport, type SkbSettings, skbApi, uploadSkbScores } from '../api/skb.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { paths } from '../lib/router.ts';
import { ImportProblems } from './ImportProblems.tsx';
import { PublicationStateLine, publishedNotice } from './RankingPublicationCard.tsx';
import { StaffLayout } from './StaffLayout.tsx';
import { useExamChoice } from './useExamChoice.ts';
import { useStaff } from './useStaff.ts';

const COMPONENTS = ['CAT', 'WAWANCARA', 'LAINNYA', 'PSIKOTES'] as const;
type Problems = ImportRefused['problems'];
const isSkd = (e: ExamSummary) => e.id.startsWith('skd');

export function SkbPage() {
  const { t } = useI18n();
  const { staff, handleAuthError, logout } = useStaff();
  const token = staff?.token ?? '';
  // the exam list's query holds the page's one error: its own, the SKB reads' and the actions'
  const { exams, examId, setExamId, error, setError, fail } = useExamChoice(token, handleAuthError, isSkd);
  const [settings, setSettings] = useState<SkbSettings | null>(null);
  const [rows, setRows] = useState<FinalRow[] | null>(null);
  const [published, setPublished] = useState<PublicationStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problems>([]);
  const [file, setFile] = useState<File | null>(null);

  const load = useCallback(() => {
    if (!token || !examId) return;
    setError(null);
    skbApi
      .get(token, examId)
      .then((r) => setSettings(r.settings))
      .catch(fail);
    skbApi
      .final(token, examId)
      .then((r) => {
        setRows(r.rows);
        setPublished(r.publication);
      })
      .catch((err) => {
        setRows(null);
        setPublished(null);
        fail(err);
      });
  }, [token, examId, fail, setError]);
  useEffect(load, [load]);

  if (!staff) return null;

  const setWeight = (c: string, v: number) =>
    settings && setSettings({ ...settings, componentWeights: { ...settings.componentWeights, [c]: v } });
  const setFinal = (k: 'skd' | 'skb' | 'skdMax', v: number) =>
    settings && setSettings({ ...settings, final: { ...settings.final, [k]: v } });

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!settings) return;
    setNotice(null);
    setError(null);
    try {
      await skbApi.saveSettings(token, examId, settings as Parameters<typeof skbApi.saveSettings>[2]);
      setNotice(t('admin.skb.saved'));
      load();
    } catch (err) {
      fail(err);
    }
  }

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
      load();
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
      load();
    } catch (err) {
      fail(err);
    }
  }

  return (
    <StaffLayout staff={staff} onLogout={logout}>
      <div className="page-head">
        <PageTitle>{t('admin.skb.title')}</PageTitle>
        <label className="field field-inline">
          <span>{t('admin.skb.exam')}</span>
          <select value={examId} onChange={(e) => setExamId(e.target.value)}>
            {exams.map((x) => (
              <option key={x.id} value={x.id}>
                {x.title} ({x.id})
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorAlert error={error} />
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {settings && (
        <section className="card" aria-labelledby="skb-settings">
          <h2 id="skb-settings">{t('admin.skb.settings')}</h2>
          <p className="small muted">{t('admin.skb.settingsHelp')}</p>
          <form onSubmit={save} className="form-grid skb-settings">
            <fieldset>
              <legend>{t('admin.skb.mode')}</legend>
              {(['components', 'score'] as const).map((m) => (
                <label key={m} className="field-inline">
                  <input
                    type="radio"
                    name="skb-mode"
                    checked={settings.mode === m}
                    onChange={() => setSettings({ ...settings, mode: m })}
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
                    value={settings.componentWeights[c] ?? 0}
                    onChange={(e) => setWeight(c, Number(e.target.value))}
                  />
                </label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('admin.skb.final')}</legend>
              {(['skd', 'skb', 'skdMax'] as const).map((k) => (
                <label key={k} className="field field-inline">
                  <span>{t(`admin.skb.final.${k}`)}</span>
                  <input
                    type="number"
                    min={k === 'skdMax' ? 1 : 0}
                    max={k === 'skdMax' ? 10000 : 100}
                    value={settings.final[k]}
                    onChange={(e) => setFinal(k, Number(e.target.value))}
                  />
                </label>
              ))}
              <label className="field field-inline">
                <span>{t('admin.skb.tieBreaks')}</span>
                <input
                  value={settings.tieBreaks.join(', ')}
                  onChange={(e) =>
                    setSettings({
                      ...settings,
                      tieBreaks: e.target.value
                        .split(',')
                        .map((s) => s.trim())
                        .filter(Boolean),
                    })
                  }
                />
              </label>
            </fieldset>
            <button type="submit" className="btn btn-primary">
              {t('admin.skb.save')}
            </button>
          </form>
        </section>
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
        {rows && rows.length === 0 && <p className="muted">{t('admin.skb.empty')}</p>}
        {rows && rows.length > 0 && (
          <div className="table-wrap">
            <table className="table table-compact" data-testid="skb-final">
              <thead>
                <tr>
                  <th scope="col">{t('admin.skb.col.formation')}</th>
                  <th scope="col" className="num">
                    {t('admin.skb.col.rank')}
                  </th>
                  <th scope="col">{t('admin.skb.col.regNo')}</th>
                  <th scope="col">{t('admin.skb.col.pseudonym')}</th>
                  <th scope="col" className="num">
                    SKD
                  </th>
                  <th scope="col" className="num">
                    SKB
                  </th>
                  <th scope="col" className="num">
                    {t('admin.skb.col.final')}
                  </th>
                  <th scope="col">{t('admin.skb.col.passes')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.pseudonym}>
                    <td className="mono">{r.formationId}</td>
                    <td className="num">{r.rank ?? '–'}</td>
                    <th scope="row" className="mono">
                      {r.regNo}
                    </th>
                    <td className="mono">{r.pseudonym}</td>
                    <td className="num">{r.total}</td>
                    <td className="num">{r.skb?.toFixed(3) ?? '–'}</td>
                    <td className="num">{r.final?.toFixed(3) ?? '–'}</td>
                    <td>{r.advances ? t('admin.skb.yes') : t('admin.skb.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </StaffLayout>
  );
}
