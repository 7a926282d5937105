// A psych report (id/en): five factors and the Kraepelin work curve as uPlot charts and
// tables, printable on A4. Confidential: shown to the candidate (own), admins and auditors only, never published.
import { useEffect, useMemo, useState } from 'react';
import type { NormedView, PsychReportView } from '../../../functions/schemas/psych.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useI18n } from '../../i18n/I18n.tsx';
import type { MessageKey } from '../../i18n/id.ts';
import { PsychChart } from './charts.tsx';
import './psych.css';

const fmt = (n: number | null | undefined, digits = 1) =>
  n === null || n === undefined ? '–' : n.toFixed(digits);

interface Props {
  /** Fetches the report (the candidate's own, or through the admin/auditor API); called once per mount. */
  load(): Promise<PsychReportView>;
  /** The candidate's name when known (their own result page); staff see the registration number. */
  name?: string;
}

/** The candidate's result page (token in memory) and the staff screen both render this, each with its loader. */
export function PsychReport({ load, name }: Props) {
  const { t } = useI18n();
  const [report, setReport] = useState<PsychReportView | null>(null);
  const [error, setError] = useState<unknown>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the loader is fixed for the page's lifetime
  useEffect(() => {
    load().then(setReport, setError);
  }, []);

  return (
    <section className="card psych-report" aria-labelledby="psych-report-title">
      <h2 id="psych-report-title">{t('psych.report.title')}</h2>
      <p className="confidential">{t('psych.report.confidential')}</p>
      {name && <p>{name}</p>}
      <ErrorAlert error={error} />
      {report ? <ReportBody report={report} /> : !error && <p aria-busy="true">{t('common.loading')}</p>}
      <p className="no-print">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t('psych.report.print')}
        </button>
      </p>
      <p className="psych-attribution">{t('psych.attribution')}</p>
    </section>
  );
}

function ReportBody({ report }: { report: PsychReportView }) {
  const { t } = useI18n();
  const factorName = (f: string) => t(`psych.factor.${f}` as MessageKey);
  const cat = (n: NormedView | null | undefined) =>
    n ? t(`psych.report.cat.${n.category}` as MessageKey) : '–';
  const factorLabels = useMemo(
    () => report.factors.map((f) => t(`psych.factor.${f.factor}` as MessageKey)),
    [report, t],
  );
  const factorValues = useMemo(() => report.factors.map((f) => f.pomp), [report]);
  const speed = report.speed[0];
  const curveLabels = useMemo(() => (speed ? speed.curve.map((_, i) => String(i + 1)) : []), [speed]);
  const curveValues = useMemo(() => speed?.curve ?? [], [speed]);
  return (
    <>
      <dl className="receipt psych-who">
        <dt>{t('result.regNo')}</dt>
        <dd className="mono" data-testid="psych-regno">
          {report.regNo}
        </dd>
        <dt>{t('psych.report.exam')}</dt>
        <dd>{report.examTitle}</dd>
        <dt>{t('result.attemptId')}</dt>
        <dd className="mono">{report.attemptId}</dd>
      </dl>
      <p data-testid="norm-group">
        {report.normGroup === null
          ? t('psych.report.noNorm')
          : report.normGroup.kind === 'table' || report.normGroup.n === null
            ? t('psych.report.normTable', { description: report.normGroup.description })
            : t('psych.report.normGroup', {
                description: report.normGroup.description,
                n: report.normGroup.n,
              })}{' '}
        {t('psych.report.cutoffs', { low: report.cutoffs.lowBelow, high: report.cutoffs.highAbove })}
      </p>
      <h3>{t('psych.report.factors')}</h3>
      <PsychChart
        label={t('psych.report.chartFactors')}
        xLabels={factorLabels}
        values={factorValues}
        yLabel={t('psych.report.pomp')}
        yMax={100}
        bars
      />
      <table>
        <thead>
          <tr>
            <th scope="col">{t('psych.report.factor')}</th>
            <th scope="col">{t('psych.report.raw')}</th>
            <th scope="col">{t('psych.report.pomp')}</th>
            <th scope="col">{t('psych.report.t')}</th>
            <th scope="col">{t('psych.report.percentile')}</th>
            <th scope="col">{t('psych.report.category')}</th>
          </tr>
        </thead>
        <tbody>
          {report.factors.map((f) =>
            f.status === 'valid' ? (
              <tr key={f.factor}>
                <th scope="row">{factorName(f.factor)}</th>
                <td>{fmt(f.raw)}</td>
                <td>{fmt(f.pomp)}</td>
                <td>{fmt(f.norm?.t)}</td>
                <td>{fmt(f.norm?.percentile, 0)}</td>
                <td>{cat(f.norm)}</td>
              </tr>
            ) : (
              <tr key={f.factor}>
                <th scope="row">{factorName(f.factor)}</th>
                <td colSpan={5}>{t('psych.report.invalid', { blanks: f.blanks })}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {speed && (
        <>
          <h3>{t('psych.report.kraepelin')}</h3>
          <PsychChart
            label={t('psych.report.chartCurve')}
            xLabels={curveLabels}
            values={curveValues}
            yLabel={t('psych.report.curve')}
          />
          <table>
            <tbody>
              <tr>
                <th scope="row">{t('psych.report.panker')}</th>
                <td>{fmt(speed.panker, 2)}</td>
                <td>{cat(speed.norms.panker)}</td>
              </tr>
              <tr>
                <th scope="row">{t('psych.report.tianker')}</th>
                <td>{speed.tianker}</td>
                <td>{cat(speed.norms.tianker)}</td>
              </tr>
              <tr>
                <th scope="row">{t('psych.report.janker')}</th>
                <td>
                  {speed.jankerRange} / {fmt(speed.jankerMad, 2)}
                </td>
                <td>{cat(speed.norms.jankerMad)}</td>
              </tr>
              <tr>
                <th scope="row">{t('psych.report.hanker')}</th>
                <td>{fmt(speed.hanker, 3)}</td>
                <td>{cat(speed.norms.hanker)}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
