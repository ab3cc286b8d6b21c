/** One occurrence of a report owed upward as read: its period, due date, state and days. */
import type { OccurrenceStatus } from "../../../src/reporting/upward";
import { formatDate } from "../format";
import { useLanguage } from "../i18n";

/** "năm 2024" in Vietnamese (as the server names it), "2024" in English; "Một lần" for a report due once. */
export function usePeriodText() {
  const { t, lang } = useLanguage();
  return (o: Pick<OccurrenceStatus, "period" | "periodName">) => (o.period === "once" ? t.upwardOnce : lang === "vi" && o.periodName ? o.periodName : o.period);
}

/** The urgency class the cards share with the inbox: late, soon, later, done. */
export const urgencyOf = (o: Pick<OccurrenceStatus, "state">) =>
  o.state === "overdue" ? "late" : o.state === "due_soon" ? "soon" : o.state === "upcoming" ? "later" : "done";

export function OccurrenceState({ o }: { o: OccurrenceStatus }) {
  const { t } = useLanguage();
  // The state with its days in one word group: "Quá hạn 736 ngày", "Đã gửi muộn 3 ngày"; "Sắp đến hạn · còn 5 ngày".
  const label = o.state === "overdue" ? t.upwardOverdueBy(o.daysLate) : o.state === "sent_late" ? t.upwardSentLateBy(o.daysLate) : t.upwardStates[o.state];
  const left = o.state === "due_soon" || o.state === "upcoming" ? t.upwardDaysLeft(o.daysLeft) : null;
  return (
    <span className="upward-state">
      <span className={`tag upward-${o.state}`} data-state={o.state}>{label}</span>
      {left && <strong className={urgencyOf(o)}> {left}</strong>}
      <span className="muted"> · {t.dueOn} {formatDate(o.dueOn)}</span>
      {o.send && <span className="muted"> · {t.upwardSentAs(o.send.symbol, formatDate(o.send.sentOn))}</span>}
    </span>
  );
}
