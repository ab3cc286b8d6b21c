/**
 * A wide table's own scrolling box: on a narrow screen the table scrolls sideways within it, not the page.
 * The box takes the keyboard's focus (a table of figures may hold nothing else that does) and is named.
 */
import type { ReactNode } from "react";

export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>{children}</div>;
}
