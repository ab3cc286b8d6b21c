/**
 * Tasks written as labelled fields, the way many plans set out each piece of work under its heading:
 *
 *   1. Rà soát, đánh giá hiện trạng các điểm du lịch cộng đồng          the work
 *   - Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.                  its lead
 *   - Cơ quan phối hợp: UBND các xã, phường có điểm du lịch.            its partners
 *   - Sản phẩm: Quyết định của UBND tỉnh.                               its output
 *   - Thời gian hoàn thành: Quý II/2026.                                its deadline
 *
 * or on one line ("Đơn vị chủ trì: ...; đơn vị phối hợp: ...; thời gian: năm 2026."), or in brackets after
 * the work ("- Tổ chức tập huấn ... (cơ quan chủ trì: Sở Y tế; thời gian: Quý III/2026)"). This module
 * finds the fields in a folded line; `tasks.ts` groups them with their work.
 */

export type FieldKind = "work" | "lead" | "partners" | "deadline" | "output" | "other";

export interface Field { kind: FieldKind; label: number; start: number; end: number }

/** Who does the work: "Cơ quan chủ trì", "Đơn vị thực hiện", "Cơ quan chịu trách nhiệm", "Chủ trì:", "Trách nhiệm thực hiện:". */
const LEAD = String.raw`(?:(?:co quan|don vi|bo phan)\s+(?:chu tri|thuc hien|chiu trach nhiem|dau moi)(?:\s+thuc hien)?|chu tri(?:\s+thuc hien)?|trach nhiem(?:\s+thuc hien)?)`;
const PARTNERS = String.raw`(?:(?:co quan|don vi|bo phan)\s+)?phoi hop(?:\s+thuc hien)?`;
const DEADLINE = String.raw`(?:thoi (?:gian|han)(?:\s+(?:hoan thanh|thuc hien|trien khai))?|tien do(?:\s+(?:thuc hien|hoan thanh))?)`;
const OUTPUT = String.raw`(?:san pham(?:\s+(?:dau ra|chu yeu))?|ket qua(?:\s+(?:dau ra|san pham))?|hinh thuc(?:\s+(?:van ban|san pham))?)`;
const WORK = String.raw`(?:noi dung(?:\s+(?:thuc hien|nhiem vu|cong viec))?|nhiem vu(?:\s+\d{1,2})?)`;
const OTHER = String.raw`(?:(?:nguon\s+)?kinh phi(?:\s+thuc hien)?|nguon von)`;
const KINDS: FieldKind[] = ["lead", "partners", "deadline", "output", "work", "other"];

/**
 * A label: at the line's start (after a bullet or a letter), after a stop, a colon or an opening bracket, then a colon.
 * (Only there: "các cơ quan phối hợp: ..." inside a sentence is the sentence's own.)
 */
const LABEL = new RegExp(
  String.raw`(?:^(?:[-–+•*]\s*|[a-zđ]\)\s*)?|[;.(:]\s*)(?:(${LEAD})|(${PARTNERS})|(${DEADLINE})|(${OUTPUT})|(${WORK})|(${OTHER}))\s*:\s*`,
  "g",
);
/** What every labelled line has: a cheap test before the pattern. */
const MAY_HAVE_LABEL = /:/;

/**
 * The fields of a line, from its fold (`folded`, offsets from `offset`): each from its label to the next label,
 * its value's trailing stops and closing bracket left out. (Whether they make a task is the caller's: "Kết quả: ..."
 * alone in a report is no task's field.)
 */
export function fieldsIn(folded: string, offset: number): Field[] {
  if (!MAY_HAVE_LABEL.test(folded)) return [];
  const found: { kind: FieldKind; label: number; valueStart: number }[] = [];
  LABEL.lastIndex = 0;
  for (let m; (m = LABEL.exec(folded));) {
    const kind = KINDS[m.slice(1).findIndex((g) => g !== undefined)];
    const label = m.index + m[0].search(/[a-z]/);
    found.push({ kind, label, valueStart: m.index + m[0].length });
  }
  return found.map((f, k) => {
    const next = found[k + 1]?.label ?? folded.length;
    // (The separator before the next label, ";" or "(", is not the value's; trimmed from the end, not by a pattern anchored there.)
    let valueEnd = next;
    while (valueEnd > f.valueStart && " \t;.,)".includes(folded[valueEnd - 1])) valueEnd--;
    return { kind: f.kind, label: offset + f.label, start: offset + f.valueStart, end: offset + Math.max(f.valueStart, valueEnd) };
  });
}

/** Whether a line opens with a field's label (a line of fields, not a line of work that has fields after it). */
export const opensWithField = (fields: Field[], bodyStart: number) => fields.length > 0 && fields[0].label <= bodyStart + 1;
