/** Small pieces every key-project screen shows the same way: a project's state as a light with its words, a share as a bar beside its figures. */
import type { ProjectState } from "../api";
import { formatOf, formatShare } from "../format";
import { useLanguage } from "../i18n";

export const PROJECT_STATE_ORDER: ProjectState[] = ["behind", "stalled", "on_schedule", "completed", "no_data"];

/** A state as a coloured light and its name: the colour never says it alone. */
export function StateLight({ state }: { state: string }) {
  const { t } = useLanguage();
  return <span className={`light project-${state}`} data-project-state={state}>{t.projectStates[state] ?? state}</span>;
}

/** A share drawn as a bar (0-100 %), hidden from screen readers: the figures beside it say the same in words. */
export function ShareBar({ share }: { share: number | null }) {
  if (share === null) return null;
  return <span className="share-bar" aria-hidden="true"><span style={{ width: `${Math.max(0, Math.min(100, share))}%` }} /></span>;
}

/** A figure of its total with the bar of its share: "490,1/1.288,123 tỷ đồng (38,05%)". */
export function ShareFigure({ value, of, unit, share }: { value: number; of: number | null; unit: string; share: number | null }) {
  return (
    <span className="share-figure">
      <ShareBar share={share} />
      {/* Wraps between the figure and its share, never within either. */}
      <span><span className="nowrap">{formatOf(value, of, unit)}</span>{share !== null && <> <span className="nowrap">({formatShare(share)})</span></>}</span>
    </span>
  );
}
