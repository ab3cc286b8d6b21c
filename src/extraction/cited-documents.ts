/**
 * What a text says about the documents it cites: what each is about ("Nghị quyết số 13-NQ/TW ...
 * về xây dựng kết cấu hạ tầng đồng bộ ...") and which cited document carries out which ("Chương
 * trình hành động số 52-CTr/TU ... thực hiện Nghị quyết số 11-NQ/TW"), so that the chain of
 * documents above an imported plan can be drawn although only the plan itself was uploaded.
 */
import { foldVietnamese } from "../text/fold.js";
import type { Citation } from "./citations.js";

export interface CitedDocument {
  symbol: string;
  /** What it is about, as the citing text puts it ("xây dựng kết cấu hạ tầng đồng bộ ..."). */
  subject: string | null;
}
export interface ImplementationLink { from: string; to: string }

/** Between a citation and the next: "... thực hiện (Nghị quyết số)" right before the next symbol. */
const CARRIES_OUT = /(?:^|\s)thuc hien\s+(?:(?:nghi quyet|ket luan|chi thi|chuong trinh(?: hanh dong)?|ke hoach|quyet dinh|thong bao|de an|van ban|nghi dinh|thong tu|luat)(?:\s+[a-z]+){0,3}\s+)?(?:so\s*)?$/;
/** After a citation, its date and issuer: "về <subject>" up to the end of the clause. */
const SUBJECT = /^[^;.()]{0,140}?\svề\s+([^;.()]{8,240}?)(?=\s*(?:[;.()]|,\s*(?:ngày|số)\s|$))/u;

/** A subject that runs into the next citation loses the words naming it ("... thực hiện Nghị quyết số"). */
const NEXT_CITATION = /\s*(?:thực hiện\s+)?(?:Nghị quyết|Kết luận|Chỉ thị|Chương trình(?: hành động)?|Kế hoạch|Quyết định|Thông báo|Đề án|Nghị định|Thông tư|Luật)(?:\s+số)?\s*$/iu;

function subjectIn(after: string): string | null {
  const subject = SUBJECT.exec(after)?.[1].replace(NEXT_CITATION, "").trim();
  return subject && subject.length >= 8 ? subject : null;
}

export function describeCitations(text: string, citations: Citation[]): { documents: CitedDocument[]; links: ImplementationLink[] } {
  const ordered = [...citations].sort((a, b) => a.start - b.start);
  const subjects = new Map<string, string | null>();
  const links: ImplementationLink[] = [];
  for (const [i, c] of ordered.entries()) {
    const next = ordered[i + 1];
    const until = next ? next.start : Math.min(text.length, c.end + 400);
    const after = text.slice(c.end, until);
    if (!subjects.get(c.symbol)) subjects.set(c.symbol, subjectIn(after));
    // Within one sentence of one line: a title and the opening clause under it are not one statement.
    if (next && next.key !== c.key && after.length < 300 && !/[;.]\s|\n/.test(after) && CARRIES_OUT.test(foldVietnamese(after).trimEnd() + " ")) {
      if (!links.some((l) => l.from === c.symbol && l.to === next.symbol)) links.push({ from: c.symbol, to: next.symbol });
    }
  }
  return { documents: [...subjects].map(([symbol, subject]) => ({ symbol, subject })), links };
}
