// Result slip: header (name, reg. no., session, attempt id, finish time with zone), how it ended, section
// scores (a psych battery: factor scores and Kraepelin measures), pass/fail, receipt hash and its QR code; prints on one A4 page (print CSS in styles.css).
import { useEffect, useState } from 'react';
import type { AttemptBrief, AttemptEnd, ResultView } from '../../functions/schemas/candidate.ts';
import { PageTitle } from '../components/Layout.tsx';
import { useI18n } from '../i18n/I18n.tsx';
import { zoneOf } from '../lib/timezone.ts';
import { PsychSlip } from './psych/PsychSlip.tsx';

interface Props {
  result: ResultView;
  name: string;
  brief: AttemptBrief | null;
  ended: AttemptEnd | null;
}

/** SVG of a QR code of the text; the library loads only here, off the exam page. */
function useQr(text: string): string | null {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qr) => qr.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }))
      .then((s) => {
        if (live) setSvg(s);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [text]);
  return svg;
}

export function ResultSlip({ result, name, brief, ended }: Props) {
  const { t, lang } = useI18n();
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const when = `${new Date(result.submittedAt).toLocaleString(locale, { dateStyle: 'long', timeStyle: 'medium' })} ${zoneOf(result.submittedAt)}`;
  const fmt = (n: number) => n.toLocaleString(locale);
  const qr = useQr(result.receipt);
  return (
    <section className="card result slip" data-testid="result">
      <div className="slip-head">
        <span className="slip-brand" aria-hidden="true">
          Seleksi · CAT ASN
        </span>
        <PageTitle>{t('result.title')}</PageTitle>
        {brief && <p className="slip-exam">{brief.exam.title}</p>}
      </div>
      <EndedNotice ended={ended} />
      <dl className="receipt slip-who">
        <dt>{t('exam.participant')}</dt>
        <dd className="result-name">{name}</dd>
        {brief && (
          <>
            <dt>{t('result.regNo')}</dt>
            <dd className="mono" data-testid="slip-regno">
              {brief.regNo}
            </dd>
            <dt>{t('result.session')}</dt>
            <dd>{brief.sessionTitle}</dd>
          </>
        )}
        <dt>{t('result.attemptId')}</dt>
        <dd className="mono">{result.attemptId}</dd>
        {result.pseudonym && (
          <>
            <dt>{t('result.pseudonym')}</dt>
            <dd className="mono" data-testid="slip-pseudonym">
              {result.pseudonym}
            </dd>
          </>
        )}
        <dt>{t('result.submittedAt')}</dt>
        <dd data-testid="slip-time">{when}</dd>
      </dl>
      {result.passed !== null && (
        <p className={result.passed ? 'badge badge-pass' : 'badge badge-fail'} data-testid="pass-status">
          {t(result.passed ? 'result.passed' : 'result.failed')}
        </p>
      )}
      {result.psych ? (
        <PsychSlip psych={result.psych} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('result.section')}</th>
              <th scope="col" className="num">
                {t('result.score')}
              </th>
              <th scope="col" className="num">
                {t('result.max')}
              </th>
              <th scope="col" className="num">
                {t('result.passingGrade')}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.sections.map((s) => {
              const below = s.passingGrade !== null && s.score < s.passingGrade;
              return (
                <tr key={s.id} className={below ? 'below' : undefined}>
                  <th scope="row">{s.title}</th>
                  <td className="num">{fmt(s.score)}</td>
                  <td className="num">{fmt(s.max)}</td>
                  <td className="num">{s.passingGrade === null ? '—' : fmt(s.passingGrade)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('result.total')}</th>
              <td className="num total" data-testid="total">
                {fmt(result.total)}
              </td>
              <td className="num">{fmt(result.maxTotal)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      )}
      <div className="slip-receipt">
        <div>
          <h2 className="slip-h2">{t('result.receipt')}</h2>
          <code className="hash" data-testid="receipt">
            {result.receipt}
          </code>
          <p className="small muted">{t('result.receiptHelp')}</p>
        </div>
        {qr && (
          <div
            className="qr"
            role="img"
            aria-label={t('result.qr')}
            data-testid="receipt-qr"
            // biome-ignore lint/security/noDangerouslySetInnerHtml: SVG generated locally by the qrcode library from a hex hash
            dangerouslySetInnerHTML={{ __html: qr }}
          />
        )}
      </div>
      <button type="button" className="btn no-print" onClick={() => window.print()}>
        {t('result.print')}
      </button>
    </section>
  );
}

/** Why the exam ended, when not by the candidate: the proctor's reason, or the clock. */
export function EndedNotice({ ended }: { ended: AttemptEnd | null }) {
  const { t } = useI18n();
  return (
    <>
      {ended?.by === 'proctor' && (
        <div className="alert alert-lock" role="status" data-testid="ended">
          <strong>{t('exam.ended.proctor')}</strong>
          {ended.reason && <p>{t('exam.ended.reason', { reason: ended.reason })}</p>}
        </div>
      )}
      {ended?.by === 'system' && (
        <div className="alert alert-lock" role="status" data-testid="ended">
          {t('exam.timeup.auto')}
        </div>
      )}
    </>
  );
}
