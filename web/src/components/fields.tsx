/** Form pieces shared by the forms that report figures: a number field read the Vietnamese way, and the id of an API field's control. */
import { useState } from "react";
import { formatNumber, readNumber, type TypedNumber } from "../format";

/** The id of the control of an API field ("tasks.12.status"), so that a gap's link can focus it. */
export const controlId = (field: string) => `field-${field.replace(/\./g, "-")}`;

/**
 * A number typed the Vietnamese way ("95,5", "8.650"). What is typed stays as typed; `onRead` gets
 * what it reads as (a number, empty, or the problem), and the form decides what to save and say.
 */
export function NumberInput({ id, label, value, range, problem, onRead }: {
  id: string; label: string; value: number | null; range?: { min: number; max: number }; problem: string | null; onRead(read: TypedNumber, typed: string): void;
}) {
  const [typed, setTyped] = useState(() => formatNumber(value));
  return (
    <div className="number-field">
      <label>{label}
        <input id={id} inputMode="decimal" value={typed} aria-invalid={!!problem} aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => { setTyped(e.target.value); onRead(readNumber(e.target.value, range), e.target.value.trim()); }} />
      </label>
      {problem && <span id={`${id}-problem`} className="field-error">{problem}</span>}
    </div>
  );
}
