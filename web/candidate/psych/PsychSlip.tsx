// A psych battery's part of the result slip: raw and percent-of-maximum per factor and the Kraepelin
// measures, instead of section points (likert sums are not a psych score). No chart: the report has them.
import type { ResultView } from '../../../functions/schemas/candidate.ts';
import { useI18n } from '../../i18n/I18n.tsx';
import type { MessageKey } from '../../i18n/id.ts';

type PsychPart = NonNullable<ResultView['psych']>;

export function PsychSlip({ psych }: { psych: PsychPart }) {
  const { t, lang } = useI18n();
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  const fmt = (n: number | null, digits = 1) =>
    n === null
      ? '–'
      : n.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (
    <div className="psych-slip" data-testid="psych-slip">
      <h2 className="slip-h2">{t('psych.slip.title')}</h2>
      <p className="small muted">{t('psych.slip.note')}</p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('psych.report.factor')}</th>
            <th scope="col" className="num">
              {t('psych.report.raw')}
            </th>
            <th scope="col" className="num">
              {t('psych.report.pomp')}
            </th>
          </tr>
        </thead>
        <tbody>
          {psych.factors.map((f) => (
            <tr key={f.factor}>
              <th scope="row">{t(`psych.factor.${f.factor}` as MessageKey)}</th>
              {f.status === 'valid' ? (
                <>
                  <td className="num">{fmt(f.raw)}</td>
                  <td className="num">{fmt(f.pomp)}</td>
                </>
              ) : (
                <td colSpan={2}>{t('psych.slip.invalid')}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {psych.speed.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one sheet per speed item, in form order
        <table className="table" key={i}>
          <thead>
            <tr>
              <th scope="col">{t('psych.slip.measure')}</th>
              <th scope="col" className="num">
                {t('psych.slip.value')}
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('psych.report.panker')}</th>
              <td className="num">{fmt(s.panker, 2)}</td>
            </tr>
            <tr>
              <th scope="row">{t('psych.report.tianker')}</th>
              <td className="num">{fmt(s.tianker, 0)}</td>
            </tr>
            <tr>
              <th scope="row">{t('psych.report.janker')}</th>
              <td className="num">
                {fmt(s.jankerRange, 0)} / {fmt(s.jankerMad, 2)}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('psych.report.hanker')}</th>
              <td className="num">{fmt(s.hanker, 3)}</td>
            </tr>
          </tbody>
        </table>
      ))}
    </div>
  );
}
