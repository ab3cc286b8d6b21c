/**
 * The urging letter, checked by opening the .docx it writes: the letter's own parts in the XML
 * (blank number, subject, addressees, the table of late agencies, the new deadline, recipients)
 * and the reading order through mammoth; and the working-day arithmetic of the new deadline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import mammoth from "mammoth";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { checkZip } from "../extraction/zip.js";
import { addWorkingDays, urgingLetter, urgingLetterOfRound, type UrgingLetterInput } from "./urging-letter.js";
import { rounds } from "./schema.js";

const documentXml = (docx: Buffer) =>
  checkZip(docx, { totalBytes: 50e6, entryBytes: 20e6, entries: 100 }, (n) => n === "word/document.xml").get("word/document.xml")!.toString("utf8");

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The text of each paragraph (`<w:p>` or `<w:p ...>`, not `<w:pPr>`). */
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)]
  .map(([p]) => decode([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")));

/** The rows of every table, as the texts of their cells. */
const tableRows = (xml: string) => [...xml.matchAll(/<w:tr(?: [^>]*)?>([\s\S]*?)<\/w:tr>/g)]
  .map(([row]) => [...row.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map(([c]) => paragraphs(c).join("\n")));

const input: UrgingLetterInput = {
  province: "Lạng Sơn",
  issuer: "Sở Tài chính",
  symbolSuffix: "STC-KH",
  date: "2026-11-23", // a Monday
  // A round's title as rounds are named by default: the letter's subject does not repeat it.
  round: { title: "Báo cáo kết quả thực hiện 23/KH-UBND, 52-CTr/TU năm 2026", period: "năm 2026", dueOn: "2026-11-15" },
  plans: [
    { symbol: "23/KH-UBND", title: "thực hiện Nghị quyết số 11-NQ/TW của Bộ Chính trị", issuedOn: "2023-01-26" },
    { symbol: "52-CTr/TU", title: "về phát triển kinh tế cửa khẩu", issuedOn: "2022-03-05" },
  ],
  late: [
    { agencyName: "Sở Xây dựng", status: "missing", tasksOwed: 12, indicatorsOwed: 3, daysLate: 8 },
    { agencyName: "Sở Y tế", status: "returned", tasksOwed: 4, indicatorsOwed: 0, daysLate: 2 },
    { agencyName: "UBND thành phố Lạng Sơn", status: "draft", tasksOwed: 7, indicatorsOwed: 5, daysLate: 8 },
  ],
  signer: { authority: ["KT. Giám đốc", "Phó Giám đốc"], name: "Nguyễn Thị Bình" },
};

const docx = await urgingLetter(input);
const xml = documentXml(docx);
const texts = paragraphs(xml);

describe("addWorkingDays", () => {
  it("skips Saturdays and Sundays", () => {
    expect(addWorkingDays("2026-11-23", 5)).toBe("2026-11-30"); // Monday → next Monday
    expect(addWorkingDays("2026-11-27", 5)).toBe("2026-12-04"); // Friday → next Friday
    expect(addWorkingDays("2026-11-27", 1)).toBe("2026-11-30"); // Friday → Monday
    expect(addWorkingDays("2026-11-28", 5)).toBe("2026-12-04"); // Saturday: counting starts on Monday
    expect(addWorkingDays("2026-11-29", 5)).toBe("2026-12-04"); // Sunday too
    expect(addWorkingDays("2026-12-31", 5)).toBe("2027-01-07"); // across the year (2027-01-02/03 a weekend)
    expect(addWorkingDays("2028-02-25", 3)).toBe("2028-03-01"); // across 29 February (Fri → Tue 29 → Wed)
    expect(addWorkingDays("2026-11-23", 0)).toBe("2026-11-23");
  });

  it("refuses what is not a date", () => {
    expect(() => addWorkingDays("2026-02-30", 5)).toThrow(RangeError);
    expect(() => addWorkingDays("23/11/2026", 5)).toThrow(RangeError);
  });
});

describe("urgingLetter", () => {
  it("is a letter on the official page: A4, the Decree's margins, Times New Roman, no page number on page 1", () => {
    const sectPr = xml.match(/<w:sectPr[\s\S]*?<\/w:sectPr>/)![0];
    expect(sectPr).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    expect(sectPr).toMatch(/<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/);
    expect(sectPr).toContain("<w:titlePg/>");
    expect(new Set([...xml.matchAll(/<w:rFonts w:ascii="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set(["Times New Roman"]));
  });

  it("heads the letter with the province's and the issuer's names, the motto, a blank number, the subject and the date", () => {
    expect(tableRows(xml).slice(0, 2)).toEqual([
      ["UBND TỈNH LẠNG SƠN\nSỞ TÀI CHÍNH\n", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"],
      ["Số:      /STC-KH\nV/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 23/KH-UBND và Chương trình số 52-CTr/TU năm 2026", "Lạng Sơn, ngày 23 tháng 11 năm 2026"],
    ]);
    expect(texts).not.toContain("BÁO CÁO"); // a letter has no title
  });

  it("is addressed to the late agencies, one a line", () => {
    const at = texts.indexOf("Kính gửi:\t- Sở Xây dựng;");
    expect(at).toBeGreaterThan(0);
    expect(texts.slice(at + 1, at + 3)).toEqual(["- Sở Y tế;", "- UBND thành phố Lạng Sơn."]);
  });

  it("cites the plans, states the deadline passed, lists each late agency with what it owes", () => {
    expect(texts).toContain(
      "Thực hiện Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh thực hiện Nghị quyết số 11-NQ/TW của Bộ Chính trị; "
      + "Chương trình số 52-CTr/TU ngày 05/03/2022 của Tỉnh ủy về phát triển kinh tế cửa khẩu, các cơ quan, đơn vị có trách nhiệm "
      + "báo cáo kết quả thực hiện năm 2026 về Sở Tài chính để tổng hợp, báo cáo UBND tỉnh; hạn gửi báo cáo là ngày 15/11/2026.");
    expect(texts).toContain("Tuy nhiên, đến ngày 23/11/2026, các cơ quan, đơn vị dưới đây chưa gửi báo cáo "
      + "(hoặc báo cáo đã được trả lại để hoàn thiện nhưng chưa gửi lại):");
    const rows = tableRows(xml);
    const header = rows.findIndex((r) => r[0] === "STT");
    expect(rows.slice(header)).toEqual([
      ["STT", "Cơ quan", "Tình trạng", "Số nhiệm vụ phải báo cáo", "Số chỉ tiêu phải báo cáo", "Số ngày chậm"],
      ["1", "Sở Xây dựng", "Chưa gửi", "12", "3", "8"],
      ["2", "Sở Y tế", "Đã trả lại để hoàn thiện", "4", "0", "2"],
      ["3", "UBND thành phố Lạng Sơn", "Đang soạn, chưa gửi", "7", "5", "8"],
      // then the closing table: Nơi nhận and the signature
      ["Nơi nhận:\n- Như trên;\n- UBND tỉnh (b/c);\n- Lưu: VT, KH.", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Thị Bình"],
    ]);
  });

  it("past the due date, says it has passed and sets a new deadline five working days on, through theodoi; closes in the issuer's name", () => {
    expect(texts).toContain("Để kịp thời tổng hợp, báo cáo UBND tỉnh, Sở Tài chính đề nghị các cơ quan, đơn vị nêu trên khẩn trương "
      + "hoàn thành báo cáo kết quả thực hiện năm 2026, đã quá hạn ngày 15/11/2026; đề nghị gửi báo cáo qua Hệ thống theo dõi thực hiện "
      + "văn bản chỉ đạo (theodoi) trước ngày 30/11/2026.");
    expect(texts).toContain("Sở Tài chính đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.");
  });

  it("before the due date, keeps it: no later deadline, nothing said to be overdue", async () => {
    const early = paragraphs(documentXml(await urgingLetter({ ...input, date: "2026-11-12" })));
    expect(early).toContain("Để kịp thời tổng hợp, báo cáo UBND tỉnh, Sở Tài chính đề nghị các cơ quan, đơn vị nêu trên khẩn trương hoàn thành, "
      + "gửi báo cáo kết quả thực hiện năm 2026 qua Hệ thống theo dõi thực hiện văn bản chỉ đạo (theodoi) đúng hạn, trước ngày 15/11/2026.");
    expect(early.join("\n")).not.toContain("quá hạn");
    // On the due date itself the date still stands.
    expect(paragraphs(documentXml(await urgingLetter({ ...input, date: "2026-11-15" }))).join("\n")).toContain("đúng hạn, trước ngày 15/11/2026.");
  });

  it("names each plan once in the subject, with the period's year, whatever the round is titled", async () => {
    const subject = async (over: Partial<UrgingLetterInput>) =>
      paragraphs(documentXml(await urgingLetter({ ...input, ...over }))).find((t) => t.startsWith("V/v "));
    expect(await subject({ plans: [input.plans[0]], round: { ...input.round, title: "Đợt báo cáo tùy đặt tên" } }))
      .toBe("V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 23/KH-UBND năm 2026");
    expect(await subject({ plans: [{ symbol: null, title: "Phát triển đô thị", issuedOn: null }], round: { ...input.round, period: "quý III năm 2026" } }))
      .toBe("V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch phát triển đô thị quý III năm 2026");
  });

  it("writes a placeholder the officer sees where the province is not configured", async () => {
    const rows = tableRows(documentXml(await urgingLetter({ ...input, province: null })));
    expect(rows[0][0]).toBe("UBND TỈNH [TÊN TỈNH]\nSỞ TÀI CHÍNH\n");
    expect(rows[1][1]).toBe("[Địa danh], ngày 23 tháng 11 năm 2026");
  });

  it("leaves out the returned-report clause when no report was returned, and names a city's bodies as such", async () => {
    const city = paragraphs(documentXml(await urgingLetter({
      ...input, province: "Đà Nẵng", symbolSuffix: "STC", plans: [{ symbol: null, title: "phát triển đô thị", issuedOn: null }],
      late: [input.late[0]], signer: { authority: ["Giám đốc"], name: null },
    })));
    expect(city).toContain("UBND THÀNH PHỐ ĐÀ NẴNG");
    expect(city).toContain("Đà Nẵng, ngày 23 tháng 11 năm 2026");
    expect(city).toContain("Tuy nhiên, đến ngày 23/11/2026, các cơ quan, đơn vị dưới đây chưa gửi báo cáo:");
    expect(city.some((t) => t.startsWith("Thực hiện Kế hoạch phát triển đô thị, các cơ quan"))).toBe(true);
    expect(city).toContain("Kính gửi:\tSở Xây dựng"); // a single addressee: no dash
    expect(city).toContain("- UBND thành phố (b/c);");
    expect(city).toContain("- Lưu: VT.");
    await expect(urgingLetter({ ...input, late: [] })).rejects.toThrow(RangeError);
  });

  it("reads in the order of the form: header, addressees, body, table, Nơi nhận, signer", async () => {
    const { value: text } = await mammoth.extractRawText({ buffer: docx });
    const order = [
      "SỞ TÀI CHÍNH", "Độc lập - Tự do - Hạnh phúc", "Số:", "V/v đôn đốc", "Kính gửi:", "Thực hiện Kế hoạch số 23/KH-UBND",
      "Sở Y tế\n\nĐã trả lại để hoàn thiện", "trước ngày 30/11/2026", "phối hợp thực hiện./.", "Nơi nhận:", "Nguyễn Thị Bình",
    ].map((s) => text.indexOf(s));
    expect(order.every((at) => at >= 0), JSON.stringify(order)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});

describe("urgingLetterOfRound", () => {
  let t: TestDatabase;
  beforeAll(async () => { t = await openTestDatabase({ samples: true }); }, 120_000);
  afterAll(async () => { await t?.drop(); });

  it("on the sample round (titled 'Báo cáo kết quả thực hiện 23/KH-UBND năm 2026', period '2026'): subject once, with 'năm', and the due date passed said so", async () => {
    const [round] = await t.store.db.select().from(rounds);
    expect(round.title).toMatch(/^Báo cáo kết quả thực hiện/);
    const letter = paragraphs(documentXml(await urgingLetterOfRound(t.store.db, round.id, new Date("2026-12-21T03:00:00Z"))));
    expect(letter).toContain("V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 23/KH-UBND năm 2026");
    expect(letter.filter((p) => /Báo cáo kết quả thực hiện/i.test(p) && /báo cáo kết quả thực hiện .*báo cáo kết quả thực hiện/i.test(p))).toEqual([]);
    expect(letter.some((p) => p.includes("có trách nhiệm báo cáo kết quả thực hiện năm 2026 về Sở Tài chính"))).toBe(true);
    expect(letter.some((p) => p.includes("đã quá hạn ngày 15/12/2026; đề nghị gửi báo cáo") && p.endsWith("trước ngày 28/12/2026."))).toBe(true);
    // The plan's title continues the citation in lower case.
    expect(letter.some((p) => p.startsWith("Thực hiện Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh thực hiện Nghị quyết 96/NQ-CP"))).toBe(true);
  }, 60_000);
});
