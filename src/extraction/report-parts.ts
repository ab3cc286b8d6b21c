/**
 * A report's parts: its results, then the work ahead ("Phần thứ hai" / "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027", "B. NHIỆM VỤ ...",
 * "III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", a heading in capitals after the opening). The tasks stage reads work only in the
 * work ahead; the indicators stage reads the figures there as targets, of the year its heading names.
 */
import { foldPhrase } from "../text/fold.js";
import type { Line } from "./segment.js";

const WORK_AHEAD = /nhiem vu|giai phap|phuong huong|thoi gian toi|to chuc thuc hien|de xuat|kien nghi/;
/**
 * A part of a report about what was done: its title opens so ("TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2025" names tasks, and "CÔNG TÁC
 * LÃNH ĐẠO, CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN" the carrying out, but both are about results).
 */
const RESULTS = /^(?:ket qua|tinh hinh|danh gia|thuc trang|(?:cong tac )?(?:lanh dao|chi dao)\b)/;
/** A report's part: "Phần thứ hai", "PHẦN II", "Phần 2:", "B." (then its title, on the line or the next). */
const PART_HEADING = /^(?:(?:Phần|PHẦN)\s+(?:(?:thứ|THỨ)\s+(?:nhất|hai|ba|tư|năm|NHẤT|HAI|BA|TƯ|NĂM)|[IVX]+|\d+)(?![\p{L}\d])\s*[.:\-–]?\s*|[A-Đ]\.\s+(?=\p{Lu}))/u;
const YEAR = /(?:^|\D)((?:19|20)\d\d)(?!\d)/g;

export class ReportParts {
  /** Whether the part read now is the work ahead. */
  ahead: boolean;
  /** The last year the work ahead's heading names ("NĂM 2027"), null in the results or where it names none. */
  year: number | null = null;
  /** A paragraph in small letters has been read: the header and title, in capitals, are behind. */
  private seenProse = false;

  /** `ahead` at the start: a plan is all work ahead, a report starts with its results. */
  constructor(kind: "plan" | "report") {
    this.ahead = kind === "plan";
  }

  /**
   * Reads a paragraph's first line (`report`: whether the document is a report; a plan has no parts). True when the line
   * opens a part, where the sections of the part before end.
   */
  open(line: Line, report: boolean): boolean {
    if (!report) return false;
    if (line.kind === "roman") { const folded = foldPhrase(line.body); this.set(!RESULTS.test(folded) && WORK_AHEAD.test(folded), line.body); return false; }
    if (line.kind !== "text") return false;
    const part = PART_HEADING.exec(line.text);
    if (part || (this.seenProse && !/\p{Ll}/u.test(line.text) && line.text.length < 160)) {
      const title = line.text.slice(part ? part[0].length : 0);
      const folded = foldPhrase(title);
      if (RESULTS.test(folded)) this.set(false, title);
      else if (WORK_AHEAD.test(folded)) this.set(true, title);
      else if (part) this.set(false, title);
      else return false;
      return true;
    }
    if (/\p{Ll}/u.test(line.text)) this.seenProse = true;
    return false;
  }

  private set(ahead: boolean, title: string): void {
    this.ahead = ahead;
    let year: number | null = null;
    if (ahead) for (const m of title.matchAll(YEAR)) year = Number(m[1]);
    this.year = year;
  }
}
