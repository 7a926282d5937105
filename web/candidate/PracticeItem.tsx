// One practice question on the start screen: same look and keys as the exam, never sent or stored.
import { useState } from 'react';
import { useI18n } from '../i18n/I18n.tsx';
import { letterAt } from './letters.ts';

const OPTIONS = ['a', 'b', 'c', 'd', 'e'] as const;

export function PracticeItem() {
  const { t } = useI18n();
  const [choice, setChoice] = useState<number | null>(null);
  return (
    <section className="practice" aria-labelledby="practice-title">
      <h2 id="practice-title" className="practice-title">
        {t('exam.practice.title')}
      </h2>
      <p className="question-stem">{t('exam.practice.stem')}</p>
      <fieldset className="options">
        <legend className="sr-only">{t('exam.options')}</legend>
        {OPTIONS.map((o, i) => (
          <label key={o} className={choice === i ? 'option selected' : 'option'}>
            <input
              type="radio"
              name="practice"
              value={o}
              checked={choice === i}
              onChange={() => setChoice(i)}
            />
            <span className="option-letter" aria-hidden="true">
              {letterAt(i)}
            </span>
            <span className="sr-only">{letterAt(i)}.</span>
            <span className="option-text">{t(`exam.practice.${o}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="small muted" aria-live="polite">
        {choice !== null ? t('exam.practice.chosen', { letter: letterAt(choice) }) : ''}
      </p>
    </section>
  );
}
