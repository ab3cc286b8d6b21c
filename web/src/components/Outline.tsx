/** A document's outline as nested lists, each section with the number of tasks placed in it or below. */
import type { DocumentDetail, Task } from "../api";
import { useLanguage } from "../i18n";

type Section = DocumentDetail["sections"][number];

export function Outline({ sections, tasks }: { sections: Section[]; tasks: Task[] }) {
  const { t } = useLanguage();
  const children = new Map<number | null, Section[]>();
  for (const s of sections) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s]);
  const direct = new Map<number, number>();
  for (const task of tasks) if (task.sectionId !== null) direct.set(task.sectionId, (direct.get(task.sectionId) ?? 0) + 1);
  const count = (s: Section): number => (direct.get(s.id) ?? 0) + (children.get(s.id) ?? []).reduce((n, c) => n + count(c), 0);
  const list = (parent: number | null) => {
    const items = children.get(parent);
    if (!items?.length) return null;
    return (
      <ul className="outline">
        {items.map((s) => {
          const n = count(s);
          return (
            <li key={s.id}>
              <strong>{s.number}.</strong> {s.title}
              {n > 0 && <span className="muted"> · {t.tabTasks(n)}</span>}
              {list(s.id)}
            </li>
          );
        })}
      </ul>
    );
  };
  return list(null);
}
