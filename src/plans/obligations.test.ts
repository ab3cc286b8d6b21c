/**
 * Documents owed, the pure rules (issue 15), on the samples' and the corpus' own sentences: which tasks oblige
 * their leads to issue a document, of what kind and by when; which documents fit; where an obligation stands.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extract } from "../extraction/extract.js";
import { parseDeadline } from "../text/dates.js";
import {
  advisedBodyOf, automaticOnes, bodyNamed, documentTypesOf, dueOnOf, fitsKind, issuedBy, kindsOwed, obligationOf, obligationState,
  stateFromObligations, type ObligingTask,
} from "./obligations-derive.js";

const registryFile = JSON.parse(readFileSync(new URL("../../samples/agencies.json", import.meta.url), "utf8")) as { agencies: { code: string; name: string; aliases?: string[]; kind: string; parent: string | null }[] };
const registry = registryFile.agencies.map((a) => ({ ...a, aliases: a.aliases ?? [] }));
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const tasksOf = (path: string) => extract(read(path), path.split("/").pop()!, registry).tasks;

/** An extracted task as stored: its deadline normalised as tasks.ts does. */
function stored(t: ReturnType<typeof tasksOf>[number]): ObligingTask {
  const d = t.deadline_text ? parseDeadline(t.deadline_text) : null;
  const ok = d && !("error" in d) ? d : null;
  return {
    text: t.text, expectedOutput: t.output, status: "open",
    deadlineKind: ok?.kind ?? "none", deadlineDate: ok?.kind === "date" ? ok.date : null, deadlineYear: ok?.kind === "year" ? ok.year : null,
  };
}
const owedBy = (path: string, words: string) => {
  const task = tasksOf(path).find((t) => t.text.includes(words));
  if (!task) throw new Error(`no task with "${words}" in ${path}`);
  return { task, owed: obligationOf(stored(task)) };
};

describe("what a task obliges its leads to issue", () => {
  it("23/KH-UBND: the departments and districts each owe their own plan, with no due day", () => {
    const { task, owed } = owedBy("samples/seeds/002_157a5e8ea989fa8e.txt", "xây dựng kế hoạch triển khai thực hiện đảm bảo");
    expect(task.lead).toEqual(["Các sở, ban, ngành", "UBND các huyện, thành phố"]);
    expect(owed).toEqual({ docType: "plan", outputText: "kế hoạch triển khai thực hiện đảm bảo các nội dung công việc được giao cụ thể", dueOn: null });
    expect(advisedBodyOf(task.text)).toBeNull(); // each issues its own
  });

  it("letter 000: the programmes' departments owe a scheme, a plan, and programmes or plans drafted for the People's Committee", () => {
    const tasks = tasksOf("samples/seeds/000_246490b670037060.txt");
    const owed = tasks.map((t) => [t.section, obligationOf(stored(t))?.docType ?? null, advisedBodyOf(t.text)]);
    expect(owed.filter(([, kind]) => kind !== null)).toEqual([
      ["1.1", "scheme", null], // "hoàn thành Đề án thí điểm xây dựng cửa khẩu thông minh"
      ["1.4", "plan", null], // "Xây dựng và thực hiện có hiệu quả Kế hoạch triển khai thực hiện Quy hoạch tỉnh"
      ["1.5", "programme", "ubnd tinh"], // "tham mưu UBND tỉnh các chương trình, kế hoạch cụ thể"
    ]);
    const programmes = tasks.find((t) => t.section === "1.5")!;
    expect(programmes.output).toBe("chương trình, kế hoạch cụ thể triển khai thực hiện nhiệm vụ thuộc phạm vi");
    expect(kindsOwed({ docType: "programme", outputText: programmes.output })).toEqual(["programme", "plan"]);
    expect(programmes.lead).toContain("Sở Y tế");
    // Programmes 2 and 3 go on with plans already issued (113/KH-UBND, 198/KH-UBND): nothing new to issue.
    expect(tasks.filter((t) => t.section === "1.2" || t.section === "1.3").map((t) => obligationOf(stored(t)))).toEqual([null, null]);
  });

  it("a deadline gives the due day: a quarter's last day, a year's 31/12; a period or a recurring one none", () => {
    expect(owedBy("test/extraction/corpus/kh-ubnd-do-thi-tuyen-quang.txt", "Tham mưu UBND tỉnh ban hành Chương trình phát triển đô thị").owed)
      .toMatchObject({ docType: "programme", dueOn: "2024-09-30" });
    expect(owedBy("test/extraction/corpus/nq-cp-chuong-trinh-giao-duc.txt", "ban hành kế hoạch thực hiện Chương trình hành động này").owed)
      .toMatchObject({ docType: "plan", dueOn: "2025-03-31" });
    const deadline = (kind: ObligingTask["deadlineKind"], extra: Partial<ObligingTask> = {}) => dueOnOf({ deadlineKind: kind, deadlineDate: null, deadlineYear: null, ...extra });
    expect(deadline("year", { deadlineYear: 2025 })).toBe("2025-12-31");
    expect(deadline("date", { deadlineDate: "2025-06-30" })).toBe("2025-06-30");
    expect([deadline("period"), deadline("yearly"), deadline("ongoing"), deadline("none")]).toEqual([null, null, null, null]);
  });

  it("owes no document for a periodic report (owed upward), a mechanism, a project, or the process of issuing decisions", () => {
    const quarterly = owedBy("test/extraction/corpus/kh-ubnd-xa-cai-cach-hanh-chinh.txt", "báo cáo công tác cải cách hành chính định kỳ hằng quý");
    expect(quarterly.task.output).toMatch(/^báo cáo công tác cải cách hành chính/);
    expect(quarterly.owed).toBeNull();
    expect(owedBy("samples/seeds/002_157a5e8ea989fa8e.txt", "hoàn thiện các cơ chế, chính sách thuộc thẩm quyền").owed).toBeNull();
    const decisions = owedBy("samples/seeds/003_98d507c63ddcba50.txt", "rút ngắn quy trình ban hành quyết định");
    expect(decisions.task.output).toBeNull();
    expect(documentTypesOf("dự án Đường Trì Bình - cảng Dung Quất")).toEqual([]);
    expect(documentTypesOf("quy hoạch tỉnh thời kỳ 2021 - 2030")).toEqual([]);
    expect(obligationOf({ ...stored(decisions.task), expectedOutput: "Kế hoạch", status: "cancelled" })).toBeNull();
  });

  it("reads the kinds an output names in its words' order", () => {
    expect(documentTypesOf("Chương trình/đề án/kế hoạch của UBND tỉnh")).toEqual(["programme", "scheme", "plan"]);
    expect(documentTypesOf("dự thảo Quyết định phê duyệt Đề án")).toEqual(["decision"]);
    expect(documentTypesOf("Thông tư liên tịch hướng dẫn")).toEqual(["joint_circular"]);
    expect(documentTypesOf("Quy chế làm việc của UBND xã nhiệm kỳ 2021 - 2026")).toEqual(["regulation"]);
    expect(documentTypesOf("kế hoạch và triển khai thực hiện theo chức năng")).toEqual(["plan"]);
  });
});

describe("which documents meet an obligation", () => {
  it("fits a document of the kind asked for, or a decision issuing or approving it", () => {
    expect(fitsKind(["plan"], { docType: "plan", title: "Kế hoạch thực hiện Kế hoạch số 23/KH-UBND" })).toBe(true);
    expect(fitsKind(["plan"], { docType: "decision", title: "Quyết định ban hành Kế hoạch triển khai thực hiện Quy hoạch tỉnh" })).toBe(true);
    expect(fitsKind(["scheme"], { docType: "decision", title: "Quyết định phê duyệt Đề án thí điểm xây dựng cửa khẩu thông minh" })).toBe(true);
    expect(fitsKind(["plan"], { docType: "decision", title: "Quyết định giao chỉ tiêu kế hoạch vốn năm 2025" })).toBe(false);
    expect(fitsKind(["plan"], { docType: "report", title: "Báo cáo kết quả thực hiện Kế hoạch" })).toBe(false);
    expect(fitsKind(["programme", "plan"], { docType: "plan", title: "Kế hoạch của Sở Y tế" })).toBe(true);
  });

  it("is the agency's own, or its successor's after a merger, or the body it drafts for", () => {
    const successions = [{ predecessorId: 1, successorId: 2, effectiveDate: "2025-03-01" }];
    expect(issuedBy(1, 1, "2024-05-01", successions)).toBe(true);
    expect(issuedBy(1, 2, "2024-05-01", successions)).toBe(false); // Sở Tài chính was not doing its work yet
    expect(issuedBy(1, 2, "2025-06-01", successions)).toBe(true);
    const bodies = [
      { id: 10, name: "Ủy ban nhân dân tỉnh Lạng Sơn", aliases: ["UBND tỉnh"], parentId: null },
      { id: 11, name: "Sở Y tế", aliases: [], parentId: 10 },
      { id: 20, name: "Ủy ban nhân dân huyện Cao Lộc", aliases: [], parentId: 10 },
      { id: 21, name: "Ủy ban nhân dân huyện Lộc Bình", aliases: [], parentId: 10 },
      { id: 22, name: "Phòng Tài chính - Kế hoạch huyện Lộc Bình", aliases: [], parentId: 21 },
    ];
    expect(bodyNamed("ubnd tinh", bodies, bodies[1])).toBe(10);
    expect(bodyNamed("uy ban nhan dan huyen", bodies, bodies[4])).toBe(21); // of several, the lead's own
    expect(bodyNamed("uy ban nhan dan huyen", bodies, bodies[1])).toBeNull();
    expect(advisedBodyOf("chủ trì tham mưu cho Chủ tịch UBND tỉnh ban hành Quy chế phối hợp")).toBe("ubnd tinh");
    expect(advisedBodyOf("trình HĐND tỉnh ban hành Nghị quyết quy định mức hỗ trợ")).toBe("hdnd tinh");
  });

  it("meets without asking only the one obligation of a plan that a document of a known issuer fits", () => {
    expect(automaticOnes([{ obligationId: 1, planId: 7 }, { obligationId: 2, planId: 8 }, { obligationId: 3, planId: 8 }], true)).toEqual(new Set([1]));
    expect(automaticOnes([{ obligationId: 1, planId: 7 }], false)).toEqual(new Set());
  });
});

describe("where an obligation stands", () => {
  it("issued on time or late against its due day; owed, overdue once the day has passed", () => {
    expect(obligationState("2025-03-31", "2025-03-31", "2026-01-01")).toEqual({ state: "issued_on_time", daysLate: 0 });
    expect(obligationState("2025-03-31", "2025-04-10", "2026-01-01")).toEqual({ state: "issued_late", daysLate: 10 });
    expect(obligationState(null, "2025-04-10", "2026-01-01")).toEqual({ state: "issued_on_time", daysLate: 0 });
    expect(obligationState("2025-03-31", null, "2026-01-01")).toEqual({ state: "issued_on_time", daysLate: 0 }); // a document without a date
    expect(obligationState("2025-03-31", undefined, "2025-04-02")).toEqual({ state: "overdue", daysLate: 2 });
    expect(obligationState("2025-03-31", undefined, "2025-03-31")).toEqual({ state: "not_due", daysLate: 0 });
    expect(obligationState(null, undefined, "2030-01-01")).toEqual({ state: "not_due", daysLate: 0 });
  });

  it("completes a task once every lead has issued it, by the day judged at", () => {
    const onTime = { dueOn: "2025-03-31", issuedOn: "2025-03-01" }, late = { dueOn: "2025-03-31", issuedOn: "2025-05-01" };
    expect(stateFromObligations([onTime, onTime], "2025-12-31")).toBe("completed_on_time");
    expect(stateFromObligations([onTime, late], "2025-12-31")).toBe("completed_late");
    expect(stateFromObligations([onTime, { dueOn: null, issuedOn: undefined }], "2025-12-31")).toBeNull();
    expect(stateFromObligations([onTime, late], "2025-04-30")).toBeNull(); // the late one not issued yet by then
    expect(stateFromObligations([], "2025-12-31")).toBeNull();
  });
});
