// Section switcher (TWK / TIU / TKP …) with per-section answered counts; current section marked. One tab
// stop (the current section, or where the arrows moved to); ←/→/Home/End move inside, Enter opens.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { PublicForm } from '../../functions/schemas/candidate.ts';
import { useI18n } from '../i18n/I18n.tsx';
import { nextCell } from './roving.ts';

interface Props {
  sections: PublicForm['sections'];
  items: PublicForm['items'];
  answers: Record<string, string | null>;
  currentSection: string;
  onSelect(sectionId: string): void;
}

export function SectionTabs({ sections, items, answers, currentSection, onSelect }: Props) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const [active, setActive] = useState(currentSection);
  useEffect(() => setActive(currentSection), [currentSection]);

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const tabs = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button.section-tab') ?? [])];
    const from = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (from < 0 || e.key === 'ArrowUp' || e.key === 'ArrowDown') return;
    // One row: the tabs' order is their position.
    const to = nextCell(
      e.key,
      from,
      tabs.map((_, i) => ({ x: i, y: 0 })),
    );
    if (to === null) return;
    e.preventDefault();
    e.stopPropagation();
    const tab = tabs[to];
    if (!tab) return;
    setActive(tab.dataset.section ?? currentSection);
    tab.focus();
  }

  return (
    <nav className="section-tabs" aria-label={t('exam.sections')} ref={ref} onKeyDown={onKeyDown}>
      {sections.map((s) => {
        const inSection = items.filter((i) => i.sectionId === s.id);
        const done = inSection.filter((i) => answers[i.itemId] != null).length;
        const current = s.id === currentSection;
        return (
          <button
            key={s.id}
            type="button"
            data-section={s.id}
            tabIndex={s.id === active ? 0 : -1}
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
