// Section switcher (TWK / TIU / TKP …) with per-section answered counts; current section marked.
import type { PublicForm } from '../../functions/schemas/candidate.ts';
import { useI18n } from '../i18n/I18n.tsx';

interface Props {
  sections: PublicForm['sections'];
  items: PublicForm['items'];
  answers: Record<string, string | null>;
  currentSection: string;
  onSelect(sectionId: string): void;
}

export function SectionTabs({ sections, items, answers, currentSection, onSelect }: Props) {
  const { t } = useI18n();
  return (
    <nav className="section-tabs" aria-label={t('exam.sections')}>
      {sections.map((s) => {
        const inSection = items.filter((i) => i.sectionId === s.id);
        const done = inSection.filter((i) => answers[i.itemId] != null).length;
        const current = s.id === currentSection;
        return (
          <button
            key={s.id}
            type="button"
            className={current ? 'section-tab current' : 'section-tab'}
            aria-current={current ? 'true' : undefined}
            onClick={() => onSelect(s.id)}
          >
            <span className="section-tab-title">{s.title}</span>
            <span className="section-tab-count">
              {done}/{inSection.length}
            </span>
          </button>
        );
      })}
    </nav>
  );
}
