/**
 * The extractor end to end on documents written for these tests in the genre (another province,
 * a department's plan, other wording), not on the samples it was developed against.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extract, MAX_FIGURES, MAX_NUMBERS, MAX_TASKS, type Extraction } from "./extract.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const fixture = (name: string) => readFileSync(new URL(`../../test/extraction/fixtures/${name}`, import.meta.url), "utf8");

describe("a department's plan from another province", () => {
  const result = extract(fixture("qd-so-tai-chinh.txt"), "qd-so-tai-chinh.txt");

  it("reads its metadata", () => {
    expect(result.document).toMatchObject({
      symbol: "0815/KH-STC", type: "Kế hoạch", issued: "2025-03-05", signer: "Nguyễn Thị Minh Hạnh",
      title: "Triển khai Kế hoạch số 47/KH-UBND ngày 12/02/2025 của UBND tỉnh về thực hành tiết kiệm, chống lãng phí năm 2025",
    });
  });

  it("tells what it implements from its opening clause, not from its legal bases", () => {
    expect(result.implements.map((c) => c.symbol)).toEqual(["47/KH-UBND", "05/CT-TTg"]);
  });

  it("lists every other cited document once, with a truncated symbol repaired", () => {
    expect(result.references.map((c) => c.symbol).sort()).toEqual(["1290/QĐ-UBND", "15-CTr/TU", "27-NQ/TU", "84/2014/NĐ-CP"].sort());
  });

  it("reads its reporting rules", () => {
    expect(result.reporting.map(({ from, to, deadline_text, frequency }) => ({ from, to, deadline_text, frequency }))).toEqual([
      { from: "Các phòng, đơn vị thuộc Sở", to: "Văn phòng Sở", deadline_text: "trước ngày 20/11 hằng năm", frequency: "annual" },
      { from: "Văn phòng Sở", to: "Giám đốc Sở", deadline_text: null, frequency: "annual" },
      { from: "Văn phòng Sở", to: "UBND tỉnh", deadline_text: null, frequency: "periodic" },
      { from: "Các phòng, đơn vị", to: "Văn phòng Sở", deadline_text: null, frequency: "ad hoc" },
    ]);
  });
});

describe("a draft letter", () => {
  it("has no symbol and keeps the month of a date whose day is blank", () => {
    const text = "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\n\nSố: /UBND-TH\n\nCao Bằng, ngày    tháng 9 năm 2024\n\nV/v báo cáo kết quả\nthực hiện Nghị quyết\n\nKính gửi: Các sở, ban, ngành.\n\nThực hiện Công văn số 12/BKHĐT-TH ngày 03/9/2024 của Bộ Kế hoạch và Đầu tư, UBND tỉnh đề nghị:\n\nCHỦ TỊCH\nĐinh Văn Tâm";
    const r = extract(text);
    expect(r.document).toMatchObject({ symbol: null, type: "Công văn", issued: null, issued_text: "tháng 9 năm 2024", issuer: "UBND tỉnh Cao Bằng", signer: "Đinh Văn Tâm", title: "V/v báo cáo kết quả thực hiện Nghị quyết" });
    expect(r.implements.map((c) => c.symbol)).toEqual(["12/BKHĐT-TH"]);
  });
});

describe("a document generated to exhaust the server", () => {
  const plan = (body: string) => `ỦY BAN NHÂN DÂN TỈNH X\nSố: 9/KH-UBND\nKẾ HOẠCH\nII. NHIỆM VỤ\n${body}`;
  const task = (i: number) => `${i}. Sở Tư pháp chủ trì rà soát các văn bản về lĩnh vực số ${i}, hoàn thành trước ngày 30/6/2025.`;

  it(`reads ${MAX_TASKS} tasks, and refuses one more, saying to split the document`, () => {
    expect(extract(plan(Array.from({ length: MAX_TASKS }, (_, i) => task(i + 1)).join("\n"))).tasks).toHaveLength(MAX_TASKS);
    expect(() => extract(plan(Array.from({ length: MAX_TASKS + 1 }, (_, i) => task(i + 1)).join("\n")))).toThrow(
      expect.objectContaining({ reason: "too_many_items", messages: { vi: expect.stringMatching(/hơn 5\.000 nhiệm vụ.*hãy tách văn bản/), en: expect.stringMatching(/more than 5,000 tasks/) } }));
  });

  it("refuses more figures than any document states, as soon as the count is crossed", () => {
    expect(() => extract(plan(`Phấn đấu ${"đạt 50%, ".repeat(MAX_FIGURES + 1)}`))).toThrow(expect.objectContaining({ reason: "too_many_items" }));
    // A flood of numbers is refused before anything is read.
    expect(() => extract(plan("1 ".repeat(MAX_NUMBERS + 1)))).toThrow(expect.objectContaining({ reason: "too_many_items", message: expect.stringMatching(/hơn 100\.000 con số/) }));
  });
});

describe("a Government resolution with its action programme attached after the signature", () => {
  const result = extract(fixture("nq-cp-chuong-trinh.txt"), "nq-cp-chuong-trinh.txt");

  it("names the Government as its issuer and implements what its title carries out", () => {
    expect(result.document).toMatchObject({ symbol: "142/NQ-CP", type: "Nghị quyết", issuer: "Chính phủ", issued: "2025-09-15", signer: "Phạm Minh Chính" });
    expect(result.implements.map((c) => c.symbol)).toEqual(["57-NQ/TW"]);
  });

  it("reads the programme's tasks, ministries leading them, with their own deadlines", () => {
    expect(result.tasks.map((t) => [t.section, t.lead.join("; "), t.deadline_text])).toEqual(expect.arrayContaining([
      ["1", "Bộ Khoa học và Công nghệ", "trong Quý IV năm 2025"],
      ["2", "Bộ Tài chính", "hằng năm"],
      ["3", "Bộ Nội vụ", "hoàn thành trước ngày 31/12/2025"],
    ]));
  });
});

describe("openings", () => {
  const implementedBy = (opening: string) => extract(`KẾ HOẠCH\nTổ chức phong trào thi đua năm 2025\n${opening}\nI. MỤC ĐÍCH\n`).implements.map((c) => c.symbol);

  it("keeps every document an opening implements, and none a cited title names", () => {
    expect(implementedBy("Thực hiện Chỉ thị số 19/CT-TTg ngày 10/5/2023 của Thủ tướng Chính phủ và Kế hoạch số 16/KH-HĐTĐKT ngày 02/6/2023 của Hội đồng Thi đua - Khen thưởng Trung ương, UBND tỉnh ban hành Kế hoạch thực hiện như sau:"))
      .toEqual(["19/CT-TTg", "16/KH-HĐTĐKT"]);
    expect(implementedBy("Thực hiện Kế hoạch số 268-KH/BKTTW ngày 23/9/2024 của Ban Kinh tế Trung ương về giám sát việc thể chế hóa Nghị quyết số 11-NQ/TW và Kế hoạch số 23/KH-UBND ngày 26/01/2023, Ban Thường vụ báo cáo như sau:"))
      .toEqual(["268-KH/BKTTW"]);
    // A first document's subject that cites nothing ends before the second ("... về đột phá ... quốc gia và Kế hoạch số ...").
    expect(implementedBy("Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia và Kế hoạch số 02-KH/BCĐTW ngày 19/6/2025 của Ban Chỉ đạo Trung ương, UBND tỉnh ban hành Kế hoạch như sau:"))
      .toEqual(["57-NQ/TW", "02-KH/BCĐTW"]);
  });

  it("reads an opening whose cited title goes on through thousands of 'và Kế hoạch số ...' in linear time", () => {
    // (Each part was read from the first document's end, the text after it folded again at every part: 8,000 parts took 7 s.)
    const parts = Array.from({ length: 8_000 }, (_, k) => ` và Kế hoạch số ${k + 3}/KH-UBND`).join("");
    const started = performance.now();
    expect(implementedBy(`Thực hiện Nghị quyết số 1/NQ-CP ngày 01/01/2024 của Chính phủ về thể chế hóa Nghị quyết số 2-NQ/TW${parts}, UBND tỉnh ban hành Kế hoạch như sau:`))
      .toEqual(["1/NQ-CP"]);
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("takes no proposal a 'Căn cứ' line runs into for a document carried out", () => {
    const text = "QUYẾT ĐỊNH\nBan hành Kế hoạch thời gian năm học\nCăn cứ Quyết định số 2045/QĐ-BGDĐT ngày 01/8/2024 của Bộ trưởng Bộ Giáo dục và Đào tạo về khung kế hoạch thời gian năm học; Theo đề nghị của Giám đốc Sở Giáo dục và Đào tạo tại Tờ trình số 107/TTr-SGDĐT ngày 05/8/2024.\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n";
    expect(extract(text).implements.map((c) => c.symbol)).toEqual(["2045/QĐ-BGDĐT"]);
  });

  it("reads an instruction or a conclusion the opening carries out", () => {
    expect(implementedBy("Thực hiện ý kiến chỉ đạo của Chủ tịch UBND tỉnh tại Văn bản số 123/UBND-KT ngày 10/01/2026, Sở Tài chính xây dựng Kế hoạch như sau:")).toEqual(["123/UBND-KT"]);
    expect(implementedBy("Thực hiện Thông báo kết luận số 78/TB-UBND ngày 12/3/2026 của UBND tỉnh, Sở Xây dựng ban hành Kế hoạch như sau:")).toEqual(["78/TB-UBND"]);
  });

  it("reads a directive's 'Triển khai ...' opening as what it carries out, not work that begins with 'Triển khai'", () => {
    expect(implementedBy("Triển khai Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, thời gian qua các cơ quan đã đạt kết quả bước đầu.")).toEqual(["57-NQ/TW"]);
    expect(implementedBy("Triển khai thực hiện Kết luận số 72-KL/TW ngày 23/02/2024 của Bộ Chính trị, UBND tỉnh ban hành Kế hoạch như sau:")).toEqual(["72-KL/TW"]);
    expect(implementedBy("Triển khai kịp thời việc tuyên truyền Kết luận số 72-KL/TW ngày 23/02/2024 của Bộ Chính trị.")).toEqual([]);
  });

  it("reads every 'Thực hiện' clause before the first heading: the line under the title and the opening", () => {
    const text = "KẾ HOẠCH\nThực hiện Chương trình hành động số 45-CTr/TU ngày 15/6/2022 của Ban Thường vụ Tỉnh ủy về phát triển đô thị\n"
      + "Thực hiện Nghị quyết số 148/NQ-CP ngày 11/11/2022 của Chính phủ và Chương trình hành động số 45-CTr/TU ngày 15/6/2022 của Ban Thường vụ Tỉnh ủy, UBND tỉnh ban hành Kế hoạch như sau:\n"
      + "I. MỤC ĐÍCH\n1. Thực hiện Kế hoạch số 12/KH-UBND ngày 02/01/2024 về chuyển đổi số.\n";
    const result = extract(text);
    expect(result.implements.map((c) => c.symbol)).toEqual(["45-CTr/TU", "148/NQ-CP"]);
    // A clause under a heading carries out work; it names no document the plan implements.
    expect(result.references.map((c) => c.symbol)).toEqual(["12/KH-UBND"]);
    // The line under the type line is the title though it opens with "Thực hiện"; the opening sentence after it is not.
    expect(result.document.title).toBe("Thực hiện Chương trình hành động số 45-CTr/TU ngày 15/6/2022 của Ban Thường vụ Tỉnh ủy về phát triển đô thị");
    expect(extract("KẾ HOẠCH\nThực hiện Nghị quyết số 148/NQ-CP ngày 11/11/2022 của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n").document.title).toBeNull();
    // (Nor an opening sentence a PDF wrapped, going on in small letters.)
    expect(extract("BÁO CÁO\nThực hiện Công văn số 123/UBND-KT của UBND tỉnh về việc báo cáo tình hình\nthực hiện chương trình, UBND xã báo cáo như sau:\nI. KẾT QUẢ\n").document.title).toBeNull();
  });

  it("takes every document its title carries out, not one the title of a cited document names", () => {
    const implementedByTitle = (title: string) => extract(`KẾ HOẠCH\n${title}\nCăn cứ Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ;\nI. MỤC ĐÍCH\n`).implements.map((c) => c.symbol);
    expect(implementedByTitle("Chuyển đổi số năm 2025 thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị và Nghị quyết số 03/NQ-CP của Chính phủ"))
      .toEqual(["57-NQ/TW", "03/NQ-CP"]);
    expect(implementedByTitle("Chương trình hành động thực hiện Kết luận số 91-KL/TW của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 29-NQ/TW và Nghị quyết số 19-NQ/TW"))
      .toEqual(["91-KL/TW"]);
    // A title that changes a document: what it carries out is the changed document's ("... thực hiện" after it describes it). A title
    // that only opens with such a word changes no document.
    const titleOnly = (title: string) => extract(`KẾ HOẠCH\n${title}\nI. MỤC ĐÍCH\n`).implements.map((c) => c.symbol);
    expect(titleOnly("Sửa đổi, bổ sung một số nội dung của Kế hoạch số 23/KH-UBND ngày 26/01/2023 của UBND tỉnh thực hiện Chương trình hành động số 52-CTr/TU"))
      .toEqual([]);
    expect(titleOnly("Điều chỉnh cơ cấu kinh tế theo Quyết định số 10/QĐ-UBND năm 2026 thực hiện Nghị quyết số 57-NQ/TW")).toEqual(["57-NQ/TW"]);
  });

  it("reads the opening's second document though a line under the title named the first with its subject", () => {
    const text = "CHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học\n"
      + "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị và Kế hoạch số 01-KH/BCĐTW ngày 15/01/2025 của Ban Chỉ đạo Trung ương, Ban Thường vụ Tỉnh ủy ban hành Chương trình như sau:\n"
      + "I- MỤC ĐÍCH\n";
    expect(extract(text).implements.map((c) => c.symbol)).toEqual(["57-NQ/TW", "01-KH/BCĐTW"]);
  });

  it("takes the policy documents of an opening of 'Căn cứ' lines only, not its legal bases", () => {
    expect(implementedBy("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\nCăn cứ Kết luận số 72-KL/TW ngày 23/02/2024 của Bộ Chính trị;"))
      .toEqual(["72-KL/TW"]);
  });

  it("names a body under its committee and place set on three header lines, not the committee", () => {
    const issuer = (header: string) => extract(`${header}\nSố: 45/TB-VPUBND\nHà Nam, ngày 18 tháng 3 năm 2026\nTHÔNG BÁO\nKết luận\n`).document.issuer;
    expect(issuer("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nVĂN PHÒNG")).toBe("Văn phòng UBND tỉnh Hà Nam");
    expect(issuer("ỦY BAN NHÂN DÂN\nTỈNH THÁI NGUYÊN\nSỞ Y TẾ")).toBe("Sở Y tế");
    expect(issuer("ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM")).toBe("UBND tỉnh Hà Nam");
  });

  it("reads a conclusion notice of the committee's office: its issuer, the assignments after their topics, not its closing", () => {
    const text = "UBND TỈNH ĐỒNG THÁP\nVĂN PHÒNG\nSố: 215/TB-VPUBND\nĐồng Tháp, ngày 14 tháng 11 năm 2025\nTHÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh\n"
      + "Chủ tịch UBND tỉnh kết luận như sau:\n"
      + "1. Đối với công tác giải phóng mặt bằng: Giao UBND xã Mỹ An chủ trì, phối hợp với Sở Nông nghiệp và Môi trường hoàn thành bàn giao mặt bằng trước ngày 15/12/2025.\n"
      + "2. Về đề xuất điều chỉnh dự án: Giao Sở Xây dựng thẩm định, trình UBND tỉnh trong tháng 12/2025.\n"
      + "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./.\n";
    const result = extract(text);
    expect(result.document.issuer).toBe("Văn phòng UBND tỉnh Đồng Tháp");
    expect(result.tasks.map((t) => [t.section, t.lead, t.coordinating, t.deadline_text])).toEqual([
      ["1", ["UBND xã Mỹ An"], ["Sở Nông nghiệp và Môi trường"], "trước ngày 15/12/2025"],
      ["2", ["Sở Xây dựng"], [], "trong tháng 12/2025"],
    ]);
  });

  it("reads a commune Party committee's plan: its issuer, and the committee as a lead", () => {
    const text = "ĐẢNG BỘ TỈNH NGHỆ AN\nĐẢNG ỦY XÃ YÊN THÀNH\n*\nSố 05-KH/ĐU\nĐẢNG CỘNG SẢN VIỆT NAM\nYên Thành, ngày 20 tháng 8 năm 2025\nKẾ HOẠCH\n"
      + "thực hiện Nghị quyết Đại hội Đảng bộ xã\nII- NHIỆM VỤ\n1- Đảng ủy xã lãnh đạo UBND xã xây dựng kế hoạch phát triển kinh tế - xã hội 5 năm, hoàn thành trong Quý IV/2025.\n"
      + "T/M ĐẢNG ỦY\nBÍ THƯ\n\nNguyễn Văn Hùng\n";
    const result = extract(text);
    expect(result.document.issuer).toBe("Đảng ủy xã Yên Thành");
    expect(result.tasks.map((t) => [t.lead, t.deadline_text])).toEqual([[["Đảng ủy xã"], "hoàn thành trong Quý IV/2025"]]);
  });

  it("reads a number with a stop typed after it", () => {
    expect(extract("ỦY BAN NHÂN DÂN\nTỈNH X\nSố: 1234/QĐ-UBND.\nQUYẾT ĐỊNH\nX\n").document.symbol).toBe("1234/QĐ-UBND");
  });

  it("reads a signer without the title written before the name", () => {
    const signer = (name: string) => extract(`UBND TỈNH THÁI NGUYÊN\nSỞ Y TẾ\nSố: 15/KH-SYT\nKẾ HOẠCH\nX\nI. NHIỆM VỤ\n1. Phòng Nghiệp vụ Y kiểm tra.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n${name}\n`).document.signer;
    expect([signer("TS. Nguyễn Văn An"), signer("BS.CKII Trần Thị Hòa"), signer("PGS.TS. Lê Văn Bình"), signer("Lê Văn Tám")])
      .toEqual(["Nguyễn Văn An", "Trần Thị Hòa", "Lê Văn Bình", "Lê Văn Tám"]);
    // Under the titles of the Prime Minister and of a minister.
    const central = (title: string) => extract(`THỦ TƯỚNG CHÍNH PHỦ\nSố: 18/CT-TTg\nCHỈ THỊ\nX\n1. Bộ trưởng Bộ Tài chính bố trí kinh phí dự phòng.\nNơi nhận:\n- Lưu: VT.\n${title}\nPhạm Minh Chính\n`).document.signer;
    expect([central("THỦ TƯỚNG"), central("KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG"), central("BỘ TRƯỞNG")]).toEqual(["Phạm Minh Chính", "Phạm Minh Chính", "Phạm Minh Chính"]);
  });

  it("reads a header and a signature block typed with tabs", () => {
    const text = "ỦY BAN NHÂN DÂN\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BẮC NINH\t\tĐộc lập - Tự do - Hạnh phúc\n"
      + "Số: 45/KH-UBND\t\tBắc Ninh, ngày 12 tháng 3 năm 2025\nKẾ HOẠCH\nPhát triển du lịch năm 2025\nI. NHIỆM VỤ\n"
      + "1. Sở Tài chính chủ trì bố trí kinh phí tổ chức Năm Du lịch quốc gia.\n"
      + "Nơi nhận:\t\t\tTM. ỦY BAN NHÂN DÂN\n- Như trên;\t\t\tKT. CHỦ TỊCH\n- TT Tỉnh ủy;\t\t\tPHÓ CHỦ TỊCH\n- Lưu: VT.\n\t\t\t\tNguyễn Văn An\n";
    expect(extract(text).document).toMatchObject({ symbol: "45/KH-UBND", issuer: "UBND tỉnh Bắc Ninh", issued: "2025-03-12", signer: "Nguyễn Văn An" });
  });

  it("takes none of the issuer's own earlier acts its 'Căn cứ' lines stand on", () => {
    const resolution = (cited: string) => extract("HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 68/NQ-HĐND\nQuảng Trị, ngày 10 tháng 12 năm 2025\nNGHỊ QUYẾT\n"
      + `Về kế hoạch phát triển kinh tế - xã hội năm 2026\nCăn cứ Nghị quyết số 25/NQ-HĐND ngày 09/7/2025 của ${cited} về kế hoạch 5 năm;\nQUYẾT NGHỊ:\n`);
    expect(resolution("Hội đồng nhân dân tỉnh").document.issuer).toBe("HĐND tỉnh Quảng Trị");
    expect(resolution("Hội đồng nhân dân tỉnh").implements).toEqual([]);
    expect(resolution("HĐND tỉnh Quảng Trị").implements).toEqual([]);
    expect(resolution("Ban Chấp hành Đảng bộ tỉnh").implements.map((c) => c.symbol)).toEqual(["25/NQ-HĐND"]);
    // A People's Committee's plan may carry out its own decision.
    const plan = extract("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 12/KH-UBND\nLạng Sơn, ngày 10 tháng 3 năm 2025\nKẾ HOẠCH\nThực hiện Đề án\n"
      + "Căn cứ Quyết định số 1234/QĐ-UBND ngày 05/3/2025 của UBND tỉnh Lạng Sơn phê duyệt Đề án phát triển du lịch;\nI. MỤC ĐÍCH\n");
    expect(plan.implements.map((c) => c.symbol)).toEqual(["1234/QĐ-UBND"]);
  });

  it("keeps the dated citation of an implemented document that a title in capitals also names", () => {
    const text = "KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 693/QĐ-TTG NGÀY 17 THÁNG 7 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
      + "Thực hiện Quyết định số 693/QĐ-TTg ngày 17 tháng 7 năm 2024 của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n";
    expect(extract(text).implements.map((c) => [c.symbol, c.date])).toEqual([["693/QĐ-TTg", "2024-07-17"]]);
  });
});

describe("reporting rules", () => {
  const rulesOf = (sentence: string) => extract(`KẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n${sentence}\n`).reporting.map(({ from, to, deadline_text, frequency }) => ({ from, to, deadline_text, frequency }));

  it("reads each date of a clause with its own frequency", () => {
    expect(rulesOf("1. Các sở, ban, ngành căn cứ nhiệm vụ được giao tổ chức thực hiện; định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo kết quả thực hiện về Sở Xây dựng để tổng hợp."))
      .toEqual([
        { from: "Các sở, ban, ngành", to: "Sở Xây dựng", deadline_text: "trước ngày 15/6", frequency: "semiannual" },
        { from: "Các sở, ban, ngành", to: "Sở Xây dựng", deadline_text: "trước ngày 15/12", frequency: "annual" },
      ]);
  });

  it("takes no recipient from the period a report is of ('báo cáo năm gửi trước ngày 15/11')", () => {
    expect(rulesOf("2. Chế độ báo cáo: Báo cáo quý gửi trước ngày 15 của tháng cuối quý; báo cáo năm gửi trước ngày 15/11.").map((r) => r.to)).toEqual([null, null]);
  });

  it("reads quarterly, monthly and written-out deadlines", () => {
    expect(rulesOf("1. Các phòng, đơn vị thuộc UBND xã báo cáo kết quả về UBND xã trước ngày 10 của tháng cuối quý để tổng hợp."))
      .toEqual([{ from: "Các phòng, đơn vị thuộc UBND xã", to: "UBND xã", deadline_text: "trước ngày 10 của tháng cuối quý", frequency: "quarterly" }]);
    expect(rulesOf("2. Bộ Giáo dục và Đào tạo tổng hợp, báo cáo Thủ tướng Chính phủ trước ngày 31 tháng 12 hằng năm."))
      .toEqual([{ from: "Bộ Giáo dục và Đào tạo", to: "Thủ tướng Chính phủ", deadline_text: "trước ngày 31 tháng 12 hằng năm", frequency: "annual" }]);
    expect(rulesOf("4. Sở Kế hoạch và Đầu tư chủ trì tham mưu điều chuyển vốn; định kỳ hằng tháng báo cáo UBND tỉnh."))
      .toEqual([{ from: "Sở Kế hoạch và Đầu tư", to: "UBND tỉnh", deadline_text: null, frequency: "monthly" }]);
  });

  it("reads who reports after a label or a leading time, without the verb, and a second date 'và 10/12'", () => {
    expect(rulesOf("1. Các sở, ban, ngành, UBND các xã, phường gửi báo cáo kết quả thực hiện về UBND tỉnh (qua Sở Tài chính) trước ngày 15/12/2025 để tổng hợp."))
      .toEqual([{ from: "Các sở, ban, ngành, UBND các xã, phường", to: "UBND tỉnh", deadline_text: "trước ngày 15/12/2025", frequency: "once" }]);
    expect(rulesOf("2. Định kỳ 6 tháng, năm, các cơ quan, đơn vị báo cáo kết quả thực hiện Kế hoạch về Sở Nội vụ (trước ngày 10/6 và 10/12) để tổng hợp, báo cáo UBND tỉnh.")).toEqual([
      { from: "Các cơ quan, đơn vị", to: "Sở Nội vụ", deadline_text: "trước ngày 10/6", frequency: "semiannual" },
      { from: "Các cơ quan, đơn vị", to: "Sở Nội vụ", deadline_text: "10/12", frequency: "annual" },
      { from: "Sở Nội vụ", to: "UBND tỉnh", deadline_text: null, frequency: "semiannual" },
    ]);
    expect(rulesOf("4. Chế độ báo cáo: Các đơn vị báo cáo định kỳ hằng quý (trước ngày 20 tháng cuối quý) gửi về Sở Công Thương.").map((r) => r.from)).toEqual(["Các đơn vị"]);
  });

  it("reads a sentence of thousands of dates in linear time, each with the sentence's subject", () => {
    // (The subject was read from the whole sentence again at every date: 6,000 dates took 6 s.)
    const dates = Array.from({ length: 6_000 }, (_, k) => `trước ngày ${(k % 28) + 1}/12`).join(", ");
    const started = performance.now();
    // (A sentence that does not open with its subject: each read looked for those it asks through the whole sentence.)
    const rules = rulesOf(`b) Tổng hợp kết quả thực hiện, báo cáo UBND tỉnh ${dates}.`);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(rules).toHaveLength(6_000);
    expect(new Set(rules.map((r) => `${r.from} → ${r.to}`))).toEqual(new Set(["null → UBND tỉnh"]));
  });

  it("reads whom difficulties are written to ('phản ánh về Sở Y tế'), and who writes, over the bare nouns of a list", () => {
    expect(rulesOf("Trong quá trình tổ chức thực hiện nếu có khó khăn, vướng mắc, các cơ quan, đơn vị và địa phương phản ánh về Sở Y tế tổng hợp, báo cáo, tham mưu trình Ủy ban nhân dân thành phố xem xét, chỉ đạo kịp thời./."))
      .toEqual([{ from: "Các cơ quan, đơn vị và địa phương", to: "Sở Y tế", deadline_text: null, frequency: "ad hoc" }]);
  });

  it("takes no manner of reporting for whom a report goes to ('báo cáo kịp thời các trường hợp chậm tiến độ')", () => {
    expect(rulesOf("- Sở Tài chính tổng hợp, báo cáo kịp thời các trường hợp chậm tiến độ, không gửi dữ liệu.").map((r) => r.to)).toEqual([null]);
  });

  it("reads who reports up to where the agencies it names end", () => {
    expect(rulesOf("4. Sở Tài chính bố trí đủ vốn cho dự án năm 2026; định kỳ trước ngày 05 hằng tháng báo cáo UBND tỉnh tình hình giải ngân.").map((r) => [r.from, r.to]))
      .toEqual([["Sở Tài chính", "UBND tỉnh"]]);
  });

  it("keeps who reports whole where its list goes on with names the lexicon does not know", () => {
    expect(rulesOf("1. Sở Khoa học và Công nghệ, Công an tỉnh, Viettel Lạng Sơn báo cáo kết quả về UBND tỉnh trước ngày 10/12/2026.").map((r) => r.from))
      .toEqual(["Sở Khoa học và Công nghệ, Công an tỉnh, Viettel Lạng Sơn"]);
  });

  it("reads a report on request ('báo cáo đột xuất') as ad hoc", () => {
    expect(rulesOf("4. UBND các xã, phường báo cáo đột xuất khi có yêu cầu.")).toEqual([{ from: "UBND các xã, phường", to: null, deadline_text: null, frequency: "ad hoc" }]);
    expect(rulesOf("5. Các sở, ngành báo cáo đột xuất về Sở Nội vụ khi có phát sinh.")).toEqual([{ from: "Các sở, ngành", to: "Sở Nội vụ", deadline_text: null, frequency: "ad hoc" }]);
  });

  it("reads whom a periodic report goes to after what it reports ('báo cáo kết quả ... về Bộ Tài chính'), a day of the next month, and a meeting's place", () => {
    expect(rulesOf("c) Định kỳ hằng tháng, trước ngày 05 của tháng sau, báo cáo kết quả giải ngân về Bộ Tài chính để tổng hợp, báo cáo Thủ tướng Chính phủ.").map((r) => [r.to, r.deadline_text, r.frequency])).toEqual([
      ["Bộ Tài chính", "trước ngày 05 của tháng sau", "monthly"], ["Thủ tướng Chính phủ", null, "monthly"],
    ]);
    expect(rulesOf("2. Bộ Tài chính theo dõi, đôn đốc giải ngân; hằng tháng tổng hợp, báo cáo kết quả thực hiện về Chính phủ.").map((r) => r.to)).toEqual(["Chính phủ"]);
    expect(rulesOf("2. Bộ Tài chính hằng tháng tổng hợp, báo cáo Chính phủ tại phiên họp thường kỳ.").map((r) => r.to)).toEqual(["Chính phủ"]);
  });

  it("gives a date after 'để tổng hợp, báo cáo ...' to the onward report, and reads whom a long report is sent to ('..., gửi về Sở Tài chính')", () => {
    expect(rulesOf("1. Các sở, ban, ngành báo cáo kết quả thực hiện gửi về Sở Tài chính trước ngày 05/12/2026 để tổng hợp, báo cáo UBND tỉnh trước ngày 10/12/2026.")).toEqual([
      { from: "Các sở, ban, ngành", to: "Sở Tài chính", deadline_text: "trước ngày 05/12/2026", frequency: "once" },
      { from: "Sở Tài chính", to: "UBND tỉnh", deadline_text: "trước ngày 10/12/2026", frequency: "once" },
    ]);
    expect(rulesOf("2. Các cơ quan, đơn vị báo cáo tình hình thực hiện, giải ngân kế hoạch vốn đầu tư công năm 2026 đến hết ngày 30/11/2026 (theo Biểu mẫu đính kèm), gửi về Sở Tài chính trước ngày 05/12/2026.").map((r) => r.to))
      .toEqual(["Sở Tài chính"]);
    // One date after the phrase may be either report's: it stays the report's own. The phrase before the report, and a copy sent to
    // another body, hide neither the report nor its recipient; a draft "báo cáo chính trị" that is summed up is no report.
    expect(rulesOf("1. Định kỳ hằng năm, các sở, ngành báo cáo kết quả thực hiện về Sở Tài chính để tổng hợp, báo cáo UBND tỉnh trước ngày 15/12.")).toEqual([
      { from: "Các sở, ngành", to: "Sở Tài chính", deadline_text: "trước ngày 15/12", frequency: "annual" },
      { from: "Sở Tài chính", to: "UBND tỉnh", deadline_text: null, frequency: "annual" },
    ]);
    expect(rulesOf("2. Nhằm phục vụ công tác điều hành, để tổng hợp, báo cáo Thủ tướng Chính phủ, các sở, ngành báo cáo tình hình giải ngân về Sở Tài chính trước ngày 05/11/2026.").map((r) => [r.to, r.deadline_text]))
      .toEqual([["Sở Tài chính", "trước ngày 05/11/2026"], ["Thủ tướng Chính phủ", null]]);
    expect(rulesOf("3. Các sở, ngành báo cáo UBND tỉnh kết quả thực hiện các nhiệm vụ được giao tại Kế hoạch này trước ngày 15/12/2026, đồng thời gửi Sở Tài chính để theo dõi.").map((r) => r.to))
      .toEqual(["UBND tỉnh"]);
    expect(rulesOf("4. Sở Nội vụ tổng hợp ý kiến góp ý vào dự thảo báo cáo chính trị.")).toEqual([]);
    // Those a body assigns the work to report it.
    expect(rulesOf("5. Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở tổ chức thực hiện nghiêm túc Kế hoạch này; báo cáo kết quả về Sở Nội vụ trước ngày 15/12/2026.").map((r) => [r.from, r.to]))
      .toEqual([["Giám đốc các sở", "Sở Nội vụ"]]);
  });

  it("reads a report due at the People's Council's sessions", () => {
    expect(rulesOf("1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết; định kỳ báo cáo Hội đồng nhân dân tỉnh kết quả thực hiện tại các kỳ họp thường lệ."))
      .toEqual([{ from: "Ủy ban nhân dân tỉnh", to: "Hội đồng nhân dân tỉnh", deadline_text: "tại các kỳ họp thường lệ", frequency: "periodic" }]);
  });
});

describe("reporting rules a plan's closing states", () => {
  const rulesOf = (sentence: string) => extract(`KẾ HOẠCH\nIV. TỔ CHỨC THỰC HIỆN\n${sentence}\n`).reporting.map(({ from, to, deadline_text, frequency }) => ({ from, to, deadline_text, frequency }));

  it("reads problems reported as they arise, a day of the month alone, and a target before what is reported", () => {
    expect(rulesOf("3. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo về Sở Xây dựng để tổng hợp, trình UBND tỉnh xem xét, điều chỉnh./."))
      .toEqual([{ from: "Các cơ quan, đơn vị", to: "Sở Xây dựng", deadline_text: null, frequency: "ad hoc" }]);
    expect(rulesOf("1. Các chủ đầu tư định kỳ hằng tháng (trước ngày 25) báo cáo tiến độ thực hiện, giải ngân của từng dự án về Sở Kế hoạch và Đầu tư."))
      .toEqual([{ from: "Các chủ đầu tư", to: "Sở Kế hoạch và Đầu tư", deadline_text: "trước ngày 25", frequency: "monthly" }]);
    expect(rulesOf("2. Sở Kế hoạch và Đầu tư theo dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp, báo cáo UBND tỉnh kết quả thực hiện năm 2025 trước ngày 15/12/2025."))
      .toEqual([{ from: "Sở Kế hoạch và Đầu tư", to: "UBND tỉnh", deadline_text: "trước ngày 15/12/2025", frequency: "once" }]);
  });

  it("takes who reports from the task the sentence stands in, or the body it advises", () => {
    const rules = (body: string) => extract(`KẾ HOẠCH\nII. NHIỆM VỤ\n${body}\n`).reporting.map((r) => [r.from, r.to, r.deadline_text]);
    expect(rules("1. Sở Nông nghiệp và Môi trường\na) Hướng dẫn, đôn đốc các địa phương.\nb) Tổng hợp kết quả thực hiện, báo cáo UBND tỉnh trước ngày 15/12/2025."))
      .toEqual([["Sở Nông nghiệp và Môi trường", "UBND tỉnh", "trước ngày 15/12/2025"]]);
    expect(rules("1. Văn phòng HĐND và UBND xã\n- Theo dõi, tổng hợp tình hình thực hiện Kế hoạch; tham mưu UBND xã báo cáo định kỳ hằng quý gửi Sở Nội vụ trước ngày 15 của tháng cuối quý."))
      .toEqual([["UBND xã", "Sở Nội vụ", "trước ngày 15 của tháng cuối quý"]]);
  });

  it("reads who sums up the results and reports them, the results named between", () => {
    expect(rulesOf("6- Văn phòng Tỉnh ủy chủ trì theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Tỉnh ủy."))
      .toEqual([{ from: "Văn phòng Tỉnh ủy", to: "Ban Thường vụ Tỉnh ủy", deadline_text: null, frequency: "periodic" }]);
  });

  it("keeps a reporter's and a target's names whole, and a topic after 'về' out of the target", () => {
    expect(rulesOf("3. Ban Quản lý dự án đầu tư xây dựng tỉnh tổng hợp, báo cáo UBND tỉnh trước ngày 15/12/2025.").map((r) => [r.from, r.to]))
      .toEqual([["Ban Quản lý dự án đầu tư xây dựng tỉnh", "UBND tỉnh"]]);
    expect(rulesOf("3. Sở Xây dựng báo cáo UBND tỉnh kết quả thực hiện, những khó khăn về nguồn vốn trước ngày 15/12/2025.").map((r) => [r.from, r.to]))
      .toEqual([["Sở Xây dựng", "UBND tỉnh"]]);
  });

  it("gives a report to the body advised only for its own 'báo cáo', whatever the case of 'Tham mưu'", () => {
    const rules = (body: string) => extract(`KẾ HOẠCH\nII. NHIỆM VỤ\n${body}\n`).reporting.map((r) => [r.from, r.to, r.deadline_text]);
    expect(rules("1. Sở Nội vụ\nb) Tham mưu UBND tỉnh báo cáo Bộ Nội vụ kết quả thực hiện trước ngày 15/12/2025."))
      .toEqual([["UBND tỉnh", "Bộ Nội vụ", "trước ngày 15/12/2025"]]);
    expect(rules("3. Các sở, ban, ngành báo cáo kết quả về Sở Nội vụ trước ngày 10/12/2025 để tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Nội vụ.")[0])
      .toEqual(["Các sở, ban, ngành", "Sở Nội vụ", "trước ngày 10/12/2025"]);
  });

  it("reads no rule from a report that is a document to draft", () => {
    expect(rulesOf("- Hoàn thành lập, trình phê duyệt báo cáo nghiên cứu khả thi dự án Đường Trì Bình - cảng Dung Quất giai đoạn 2 trước ngày 31/12/2025.")).toEqual([]);
  });
});

describe("the report's own reporting", () => {
  const REQUEST = "Thực hiện Công văn số 1187-CV/BKTTW ngày 05/9/2024 của Ban Kinh tế Trung ương về việc báo cáo kết quả thực hiện Nghị quyết số 19-NQ/TW; về một số nội dung, Ban Thường vụ Tỉnh ủy Quảng Trị báo cáo như sau:";
  const rules = (text: string) => extract(text).reporting.map(({ from, to, frequency }) => ({ from, to, frequency }));

  it("reads whom a report answers from its opening, once even when its closing names them again", () => {
    const answered = [{ from: "Ban Thường vụ Tỉnh ủy Quảng Trị", to: "Ban Kinh tế Trung ương", frequency: "ad hoc" }];
    expect(rules(`BÁO CÁO\nKết quả thực hiện\n${REQUEST}\nI. KẾT QUẢ\nĐã tổ chức 156 hội nghị.\n`)).toEqual(answered);
    expect(rules(`BÁO CÁO\n${REQUEST}\nI. KẾT QUẢ\nTrân trọng báo cáo Ban Kinh tế Trung ương.\n`)).toEqual(answered);
  });

  it("reads whom a department's report answers when the requester is followed by a comma", () => {
    expect(rules("BÁO CÁO\nThực hiện Kế hoạch số 45/KH-UBND ngày 20/02/2025 của UBND tỉnh, Sở Nông nghiệp và Môi trường báo cáo kết quả thực hiện như sau:\nI. KẾT QUẢ\n"))
      .toEqual([{ from: "Sở Nông nghiệp và Môi trường", to: "UBND tỉnh", frequency: "ad hoc" }]);
  });

  it("reads no rule from an opening that answers nobody", () => {
    expect(rules("KẾ HOẠCH\nThực hiện Nghị quyết số 19-NQ/TW của Ban Chấp hành Trung ương về nông nghiệp, UBND tỉnh ban hành Kế hoạch như sau:\n")).toEqual([]);
  });
});

describe("the signer", () => {
  it("is read under the signature titles when a page break sets the rest of the recipients' list between them", () => {
    const text = "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 2156/KH-BNNMT\nKẾ HOẠCH\nChuyển đổi số\nI. MỤC ĐÍCH\nBảo đảm thống nhất.\n"
      + "Nơi nhận:\n- Bộ trưởng (để b/c);\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\f\n- Bộ Khoa học và Công nghệ;\n- UBND các tỉnh, thành phố trực thuộc\nTW;\n"
      + "- Sở Nông nghiệp và Môi trường các tỉnh,\nthành phố;\n- Các đơn vị thuộc Bộ;\n- Lưu: VT, CĐS.\nLê Minh Quang\n";
    expect(extract(text).document.signer).toBe("Lê Minh Quang");
  });

  it("is read under the signature titles even when a long unsigned programme is attached after them", () => {
    const programme = Array.from({ length: 60 }, (_, k) => `${k + 1}. Bộ Giáo dục và Đào tạo xây dựng đề án số ${k + 1}.`).join("\n");
    const text = `CHÍNH PHỦ\nSố: 174/NQ-CP\nHà Nội, ngày 05 tháng 12 năm 2024\nNGHỊ QUYẾT\nBan hành Chương trình hành động\nĐiều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\n`
      + `Nơi nhận:\n- Như trên;\nTM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nHoàng Trung Dũng\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n(Kèm theo Nghị quyết số 174/NQ-CP)\n${programme}\n`;
    expect(extract(text).document.signer).toBe("Hoàng Trung Dũng");
  });
});

describe("a Party committee's document", () => {
  const PROGRAMME = `ĐẢNG BỘ TỈNH HÀ TĨNH | ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY | Hà Tĩnh, ngày 15 tháng 3 năm 2025\nSố 25-CTr/TU |\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nthực hiện Nghị quyết số 57-NQ/TW\n`
    + "III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với các ban đảng Tỉnh ủy kiểm tra, giám sát việc thực hiện hằng năm.\n"
    + "2. Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy xây dựng kế hoạch thực hiện, định kỳ hằng năm báo cáo kết quả về Ban Thường vụ Tỉnh ủy trước ngày 30/11.\n";
  const SIGNED = "Nơi nhận:\n- Lưu Văn phòng Tỉnh ủy.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\nTrần Thế Dũng\n";

  it("is issued by the committee its header names under the Party organisation, by its standing committee when that signs", () => {
    expect(extract(PROGRAMME).document.issuer).toBe("Tỉnh ủy Hà Tĩnh");
    expect(extract(PROGRAMME + SIGNED).document.issuer).toBe("Ban Thường vụ Tỉnh ủy Hà Tĩnh");
    // (However its accents are written: apart, and apart from their letters, which the fold drops.)
    expect(extract(PROGRAMME + SIGNED.replace("T/M BAN THƯỜNG VỤ", "T/M \u0300 \u0300 \u0300 BAN THƯỜNG VỤ".normalize("NFD"))).document.issuer).toBe("Ban Thường vụ Tỉnh ủy Hà Tĩnh");
    // (A long closing paragraph is no signature.)
    expect(extract(PROGRAMME + SIGNED.replace("T/M BAN THƯỜNG VỤ", `T/M BAN THƯỜNG VỤ ${"và các cơ quan ".repeat(50)}`)).document.issuer).toBe("Tỉnh ủy Hà Tĩnh");
    // A header lost, the signature and the province the text names give it; a numbered heading in capitals is no issuer.
    const lost = "BÁO CÁO TỰ GIÁM SÁT\nThực hiện Kế hoạch số 268-KH/BKTTW của Ban Kinh tế Trung ương về giám sát, Ban Thường vụ Tỉnh ủy Lạng Sơn báo cáo như sau:\n"
      + "I- KẾT QUẢ ĐẠT ĐƯỢC\nTỉnh Lạng Sơn đã triển khai; tỉnh Lạng Sơn đạt 8%.\n";
    expect(extract(lost + SIGNED).document.issuer).toBe("Ban Thường vụ Tỉnh ủy Lạng Sơn");
    // A Youth Union's plan is signed so too: without the Party's motto, symbol or opening, it is no Party committee's.
    expect(extract("ĐOÀN TNCS HỒ CHÍ MINH\nBCH TỈNH QUẢNG NAM\nSố: 45-KH/TĐTN\nKẾ HOẠCH\nTháng thanh niên\nI- MỤC ĐÍCH\nTỉnh Quảng Nam.\n" + SIGNED).document.issuer)
      .not.toMatch(/Tỉnh ủy/);
    // Nor is a numbered heading in capitals an issuer where the header is lost.
    expect(extract("BÁO CÁO\nKết quả năm 2025\nII- KẾT QUẢ ĐẠT ĐƯỢC\nĐã hoàn thành.\n").document.issuer).toBeNull();
  });

  it("assigns work to the Party's bodies, and reads who reports to the standing committee", () => {
    const result = extract(PROGRAMME + SIGNED);
    expect(result.tasks.map((t) => [t.lead.join("; "), t.coordinating.join("; ")])).toEqual([
      ["Ủy ban Kiểm tra Tỉnh ủy", "các ban đảng Tỉnh ủy"],
      ["Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", ""],
    ]);
    expect(result.reporting.map((r) => [r.from, r.to, r.deadline_text])).toEqual([["Các huyện ủy, thành ủy, đảng ủy trực thuộc Tỉnh ủy", "Ban Thường vụ Tỉnh ủy", "trước ngày 30/11"]]);
  });
});

describe("a letter urging reports", () => {
  const LETTER = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH THANH HÓA | Độc lập - Tự do - Hạnh phúc\nSố: 5678/UBND-THKH | Thanh Hóa, ngày 05 tháng 11 năm 2025\n"
    + "V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 210/KH-UBND\nKính gửi:\n- Các sở, ban, ngành cấp tỉnh;\n"
    + "Thực hiện Kế hoạch số 210/KH-UBND ngày 15/3/2025 của UBND tỉnh về thực hiện Nghị quyết số 57-NQ/TW, đến nay mới có 12/45 đơn vị gửi báo cáo kết quả thực hiện. Để kịp thời tổng hợp, báo cáo Bộ Khoa học và Công nghệ, Chủ tịch UBND tỉnh có ý kiến như sau:\n"
    + "1. Yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường chưa gửi báo cáo khẩn trương báo cáo kết quả về Sở Khoa học và Công nghệ trước ngày 15/11/2025.\n"
    + "2. Giao Sở Khoa học và Công nghệ tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Khoa học và Công nghệ trước ngày 25/11/2025.\n";

  it("ends the letter's subject at the header's place and date that a Word or PDF header block sets after it", () => {
    const header = "ỦY BAN NHÂN DÂN\nTỈNH THANH HÓA\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 5678/UBND-THKH\n"
      + "V/v đôn đốc báo cáo kết quả thực\nhiện Kế hoạch số 210/KH-UBND\nThanh Hóa, ngày 05 tháng 11 năm 2025\nKính gửi:\n- Các sở, ban, ngành cấp tỉnh;\n";
    expect(extract(header).document.title).toBe("V/v đôn đốc báo cáo kết quả thực hiện Kế hoạch số 210/KH-UBND");
  });

  it("reads who must report and who reports for whom, and no rule from the letter's framing", () => {
    const result = extract(LETTER);
    expect(result.tasks.map((t) => t.lead)).toEqual([["Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các xã, phường"], ["Sở Khoa học và Công nghệ"]]);
    expect(result.reporting.map((r) => [r.from, r.to, r.deadline_text])).toEqual([
      ["Thủ trưởng các sở, ban, ngành, Chủ tịch UBND các xã, phường", "Sở Khoa học và Công nghệ", "trước ngày 15/11/2025"],
      ["UBND tỉnh", "Bộ Khoa học và Công nghệ", "trước ngày 25/11/2025"],
    ]);
  });
});

describe("hostile lines", () => {
  /**
   * The extraction of `text` by `theodoi extract` in a process of its own, stopped after 30 s: a test's time limit
   * cannot stop a regular expression that backtracks (it holds the thread), a process's can. The lines below took
   * the extractor 270 s and 44 s before; they take milliseconds, so 30 s only tells a blow-up from a slow machine.
   */
  const extractedApart = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), "theodoi-hostile-"));
    try {
      writeFileSync(join(dir, "hostile.txt"), text);
      // (From the sources: the server bundle is not rebuilt under the other tests' feet.)
      const run = spawnSync(process.execPath, [join(ROOT, "bin/theodoi.mjs"), "extract", join(dir, "hostile.txt")], {
        timeout: 30_000, encoding: "utf8", maxBuffer: 64 << 20, env: { ...process.env, THEODOI_FROM_SOURCES: "1" },
      });
      expect(run.signal, "killed after 30 s").toBeNull();
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as Extraction | Extraction[];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const one = (x: Extraction | Extraction[]) => (Array.isArray(x) ? x[0] : x);

  it("reads header cells of 8,000 spaces after 'ngày' (a blank date's pattern backtracked cubically)", { timeout: 60_000 }, () => {
    expect(one(extractedApart(`ỦY BAN NHÂN DÂN | Hà Nội, ngày ${" ".repeat(8_000)}x\nV/v đôn đốc\nHà Nội, ngày ${" ".repeat(8_000)}x\n`)).document.symbol).toBeNull();
  });

  it("reads an opening whose requester is 2,900 spaces, forty times (a name that could start with spaces backtracked: 3 s each)", { timeout: 60_000 }, () => {
    const opening = `Thực hiện Công văn của${" ".repeat(2_900)}báo cáo như sau:\n`;
    expect(one(extractedApart(`UBND TỈNH A\nSố: 1/BC-UBND\nBÁO CÁO\n${opening.repeat(40)}`)).reporting).toEqual([]);
    // The same after a comma, where the answering body is read.
    const answering = `Thực hiện Công văn số 1/UBND của UBND tỉnh về việc báo cáo,${" ".repeat(2_900)}báo cáo như sau:\n`;
    expect(one(extractedApart(`UBND TỈNH A\nSố: 1/BC-UBND\nBÁO CÁO\n${answering.repeat(40)}`)).reporting).toEqual([]);
  });

  it("reads figures after 'năm trước' and thousands of spaces, a lead cell of 20,000 names, and 40,000 recurrences beside dates", { timeout: 60_000 }, () => {
    // (Whitespace quantified around an optional comma before the figure backtracked cubically: 7 s for 30 such figures of 950.)
    const figures = `Tỷ lệ năm trước${" ".repeat(4_000)}x 5%. `.repeat(40);
    expect(one(extractedApart(`BÁO CÁO\nKết quả năm 2025\nI. KẾT QUẢ\n${figures}\n`)).indicators.length).toBeGreaterThan(0);
    // (Each name of a cell's list read the rest of the list again.)
    const cell = Array.from({ length: 20_000 }, () => "Sở Tài chính").join("; ");
    expect(one(extractedApart(`KẾ HOẠCH\nTT | Nhiệm vụ | Cơ quan chủ trì\n1 | Xây dựng đề án | ${cell}\n`)).tasks).toHaveLength(1);
    // (And as many roles, labelled or in brackets: each agency's role was looked for among all the cell's brackets.)
    const labelled = Array.from({ length: 20_000 }, (_, k) => (k % 2 ? "Phối hợp: Sở Tư pháp" : "Chủ trì: Sở Tài chính")).join("; ");
    const bracketed = Array.from({ length: 20_000 }, (_, k) => (k % 2 ? "Sở Tư pháp (phối hợp)" : "Sở Tài chính")).join(", ");
    const roles = one(extractedApart(`KẾ HOẠCH\nTT | Nhiệm vụ | Cơ quan thực hiện\n1 | Xây dựng đề án | ${labelled}\n2 | Rà soát | ${bracketed}\n`)).tasks;
    // (A comma before a name that folds like "giao" was a place an assigning body might stand: each read the rest of the list, 22 s for 8,000.)
    const named = `KẾ HOẠCH\nII. NHIỆM VỤ\n1. Tăng cường phối hợp${", Sở Giáo dục và Đào tạo, Sở giao thông vận tải".repeat(10_000)}.\n`;
    expect(one(extractedApart(named)).tasks).toEqual([]);
    expect(roles.map((t) => [t.lead, t.coordinating])).toEqual([[["Sở Tài chính"], ["Sở Tư pháp"]], [["Sở Tài chính"], ["Sở Tư pháp"]]]);
    // (Every recurrence was tried against every date.)
    const timed = `1. Sở Tài chính ${"thường xuyên ".repeat(40_000)}${"trước ngày 20/12 ".repeat(40_000)}thực hiện.\n`;
    expect(one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n${timed}`)).tasks).toHaveLength(1);
  });

  it("reads a work before its bracket after 500,000 spaces, and fields after 500,000 stops (patterns anchored at a line's end were tried from every start: 25 s for half as many)", { timeout: 60_000 }, () => {
    expect(one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n- Kiểm tra vệ sinh${" ".repeat(500_000)}x (Sở Y tế chủ trì).\n`)).tasks).toHaveLength(1);
    expect(one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n1. Rà soát các điểm du lịch\n- Cơ quan chủ trì: Sở Y tế${";".repeat(500_000)}x.\n`)).tasks).toHaveLength(1);
    expect(one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n- Tổ chức tập huấn${" ".repeat(500_000)}(cơ quan chủ trì: Sở Y tế; thời gian: Quý III/2026).\n`)).tasks).toHaveLength(1);
  });

  it("reads a paragraph of 50,000 clauses of partners, and one of 50,000 'phối hợp với' (each read the paragraph before it again: a minute and more)", { timeout: 60_000 }, () => {
    const clauses = `1. Sở Tài chính chủ trì, phối hợp với Sở Nội vụ triển khai kế hoạch${"; các sở, ngành liên quan phối hợp thực hiện".repeat(50_000)}.\n`;
    const [task] = one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n${clauses}`)).tasks;
    expect(task.lead).toEqual(["Sở Tài chính"]);
    expect(task.coordinating).toEqual(["Sở Nội vụ", "các sở, ngành liên quan"]);
    const phrases = `1. Sở Tài chính chủ trì triển khai kế hoạch${" phối hợp với Sở Nội vụ tham mưu UBND tỉnh".repeat(50_000)}.\n`;
    expect(one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n${phrases}`)).tasks.map((t) => t.coordinating)).toEqual([["Sở Nội vụ"]]);
  });

  it("reads paragraphs of 20,000 clauses that name only agencies (each ';' read the rest of the list again, and the first clause's list at every ';')", { timeout: 90_000 }, () => {
    const agencies = Array.from({ length: 20_000 }, () => "Sở Nội vụ").join("; ");
    const [listed] = one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n1. Giao Sở Tài chính chủ trì, phối hợp các cơ quan: ${agencies}; Sở Y tế tổng hợp báo cáo kết quả.\n`)).tasks;
    expect([listed.lead, listed.coordinating]).toEqual([["Sở Tài chính"], ["các cơ quan"]]);
    const leading = one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\na) ${agencies}; Sở Y tế tổng hợp báo cáo kết quả; Sở Tài chính bố trí kinh phí cho các nhiệm vụ.\n`)).tasks;
    expect(leading.map((t) => [t.lead.length, t.text])).toEqual([[20_001, "tổng hợp báo cáo kết quả"], [1, "bố trí kinh phí cho các nhiệm vụ."]]);
    // (Nor a list whose "các sở:" announces departments named bare, again and again.)
    const announced = one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n1. Sở Tài chính tổng hợp báo cáo kết quả; ${"các sở: Nội vụ; ".repeat(20_000)}\n`)).tasks;
    expect(announced.map((t) => t.lead)).toEqual([["Sở Tài chính"]]);
  });

  /** `n` lines, each `line(i)`. */
  const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join("");

  it("reads 20,000 lines that each continue the one before, and 80,000 footnote markers in one line (each line carried all before it; each sentence read every marker of its line)", { timeout: 60_000 }, () => {
    const wrapped = one(extractedApart(`BÁO CÁO\nKết quả năm 2025\nI. KẾT QUẢ\n${"năm 2024 đạt 95 điểm\n".repeat(20_000)}`));
    expect(wrapped.indicators.map((i) => [i.min, i.unit, i.year, i.kind])).toEqual([[95, "điểm", 2024, "actual"]]);
    const marked = one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n1. ${"Nội dung a¹. ".repeat(80_000)}\n¹ Ghi chú\n`));
    expect(marked.outline.map((s) => s.number)).toEqual(["I", "1"]);
  });

  it("reads 16,000 misspelt symbols, 80,000 cited lines before the first heading and an opening carrying out 80,000 documents (each was compared with every other)", { timeout: 60_000 }, () => {
    const misspelt = one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n${lines(16_000, (i) => `- Kế hoạch số ${i + 1}/KH-UBND; Kế hoạch số ${i + 1}/KH-UBN.\n`)}`));
    expect(misspelt.references).toHaveLength(16_000);
    expect(misspelt.references[1].symbol).toBe("2/KH-UBND");
    const listed = one(extractedApart(`KẾ HOẠCH\nTriển khai\nMột\nHai\nBa\nBốn\n${lines(80_000, (i) => `- Kế hoạch số ${i + 1}/KH-UBND\n`)}II. TỔ CHỨC THỰC HIỆN\nSở Tài chính chủ trì.\n`));
    expect([listed.implements.length, listed.references.length]).toEqual([0, 80_000]);
    const opening = `Thực hiện ${lines(80_000, (i) => `${i ? "; " : ""}Kế hoạch số ${i + 1}/KH-UBND`)}.`;
    const carried = one(extractedApart(`KẾ HOẠCH\nTriển khai nhiệm vụ\n${opening}\nI. NHIỆM VỤ\n1. Sở Tài chính chủ trì thực hiện.\n`));
    expect([carried.implements.length, carried.references.length]).toEqual([80_000, 0]);
  });

  it("reads a task of 32,000 dates and refuses a sentence of 99,000 figures at once (each date and figure was compared with those before it)", { timeout: 60_000 }, () => {
    const dates = lines(32_000, (i) => `${i ? ", " : ""}trước ngày ${1 + (i % 28)}/${1 + (Math.floor(i / 28) % 12)}/${2000 + Math.floor(i / 336)}`);
    const dated = one(extractedApart(`KẾ HOẠCH\nI. NHIỆM VỤ\n1. Sở Tài chính chủ trì tổng hợp báo cáo ${dates}.\n`));
    expect(dated.tasks.map((t) => t.deadline)).toEqual([{ kind: "date", date: "2000-01-01", text: "trước ngày 1/1/2000" }]);
    expect(dated.reporting).toHaveLength(32_000);
    expect(() => extract(`KẾ HOẠCH\nI. NHIỆM VỤ\n1. ${"95%".repeat(99_000)}\n`)).toThrow(/20\.000 số liệu/);
  });

  it("reads an opening of 60,000 'báo cáo kết quả' (each tried against the rest of the line)", { timeout: 60_000 }, () => {
    expect(one(extractedApart(`BÁO CÁO\nThực hiện ${"báo cáo kết quả ".repeat(60_000)}kiến nghị cấp có thẩm quyền\n`)).reporting).toHaveLength(1);
  });
});

describe("what an extraction leaves behind", () => {
  it("keeps nothing of the documents it read: 30 documents of 1 MB, each with a phrase of its own, leave the heap as it was", { timeout: 60_000 }, () => {
    // (A judgement remembered across documents, keyed by a phrase cut from one, held that whole document: 30 MB here.)
    const dir = mkdtempSync(join(tmpdir(), "theodoi-retained-"));
    try {
      writeFileSync(join(dir, "retained.mjs"), `
        const { extract } = await import(${JSON.stringify(join(ROOT, "src/extraction/extract.ts"))});
        const filler = "Nội dung báo cáo tình hình thực hiện. ".repeat(13_000);
        const word = (d) => { let s = ""; do { s += String.fromCharCode(97 + (d % 26)); d = Math.floor(d / 26); } while (d); return s + "q"; };
        extract("KẾ HOẠCH\\nI. NHIỆM VỤ\\n1. Sở Tài chính chủ trì triển khai.\\n");
        globalThis.gc();
        const before = process.memoryUsage().heapUsed;
        for (let d = 0; d < 30; d++) extract(\`KẾ HOẠCH\\nI. NHIỆM VỤ\\n1. Các doanh nghiệp viễn thông \${word(d)}, Sở Tài chính phối hợp triển khai thực hiện nhiệm vụ.\\n\${filler}\\n\`);
        globalThis.gc(); globalThis.gc();
        console.log(process.memoryUsage().heapUsed - before);
      `);
      const run = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(dir, "retained.mjs")], { timeout: 50_000, encoding: "utf8", cwd: ROOT });
      expect(run.status, run.stderr).toBe(0);
      expect(Number(run.stdout.trim()) / 1e6).toBeLessThan(10);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the work a document assigns, by who issues it", () => {
  const tasksOf = (header: string, type: string, body: string) =>
    extract(`${header}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/${type}\nHà Tĩnh, ngày 08 tháng 12 năm 2026\n${body}`).tasks.map((t) => t.lead);

  it("takes a department's or a commune's requests to the province's leadership for no task, as a province's to the Centre", () => {
    const body = "KẾ HOẠCH\nChuyển đổi số năm 2027\nII. NHIỆM VỤ\n1. Phòng Nghiệp vụ rà soát các thủ tục hành chính.\n2. Đề nghị UBND tỉnh chỉ đạo Sở Tài chính bố trí kinh phí thực hiện.\n";
    expect(tasksOf("UBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ", "KH-SNV", body)).toEqual([["Phòng Nghiệp vụ"]]);
    expect(tasksOf("ỦY BAN NHÂN DÂN\nXÃ THẠCH LẠC", "KH-UBND", body)).toEqual([["Phòng Nghiệp vụ"]]);
    expect(tasksOf("UBND TỈNH BÀ RỊA - VŨNG TÀU\nSỞ NỘI VỤ", "KH-SNV", body.replace("UBND tỉnh chỉ đạo", "UBND tỉnh Bà Rịa - Vũng Tàu chỉ đạo"))).toEqual([["Phòng Nghiệp vụ"]]);
    // (The province's own committee assigns itself nothing, but its document may name it: it stays.)
    expect(tasksOf("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "KH-UBND", body)).toEqual([["Phòng Nghiệp vụ"], ["UBND tỉnh"]]);
  });

  it("takes a report's closing, its issuer reporting it, for no task", () => {
    const body = "BÁO CÁO\nTiến độ các dự án năm 2026\nI. NHIỆM VỤ THỜI GIAN TỚI\n1. Sở Xây dựng đôn đốc nhà thầu tăng ca, hoàn thành trong Quý II/2027.\nII. KIẾN NGHỊ\nUBND tỉnh Hà Tĩnh báo cáo Bộ Xây dựng theo dõi, tổng hợp./.\n";
    expect(tasksOf("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "BC-UBND", body)).toEqual([["Sở Xây dựng"]]);
    // Named without its place, or "kính báo cáo".
    expect(tasksOf("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH", "BC-UBND", body.replace("UBND tỉnh Hà Tĩnh báo cáo", "UBND tỉnh kính báo cáo"))).toEqual([["Sở Xây dựng"]]);
  });
});

describe("figures in a task table's work", () => {
  it("reads them as a paragraph's, dated by the row's deadline, with the cell's offsets", () => {
    const text = "KẾ HOẠCH\nCải thiện chỉ số PCI\nPHỤ LỤC\nSTT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n"
      + "1 | Số hóa 100% hồ sơ đăng ký kinh doanh | Sở Tài chính | Sở Khoa học và Công nghệ | Tháng 6/2027\n"
      + "2 | Giải quyết thủ tục đất đai đúng hạn đạt trên 95% | Sở Nông nghiệp và Môi trường | | Năm 2028\n"
      + "3 | Công khai quy hoạch sử dụng đất | Sở Xây dựng | | Thường xuyên\n"
      + "4 | Nạo vét 25 km kênh. Xây dựng 10 trạm bơm | Sở Xây dựng | | Năm 2027\n";
    const { indicators, tasks } = extract(text);
    expect(tasks).toHaveLength(4);
    expect(indicators.slice(0, 2).map((i) => [i.min, i.max, i.unit, i.year, i.kind])).toEqual([[100, 100, "%", 2027, "target"], [95, null, "%", 2028, "target"]]);
    // (A cell of two sentences does not name each of its figures whole.)
    expect(indicators.slice(2).map((i) => [i.min, i.name === "Nạo vét 25 km kênh. Xây dựng 10 trạm bơm"])).toEqual([[25, false], [10, false]]);
    expect(text.slice(indicators[1].start, indicators[1].end)).toBe("95%");
    // Named by their cell, a statement of one figure, in the section of their row, followed by the row's lead.
    expect(indicators.slice(0, 2).map((i) => [i.section, i.name, i.owner])).toEqual([
      ["1", "Số hóa 100% hồ sơ đăng ký kinh doanh", "Sở Tài chính"], ["2", "Giải quyết thủ tục đất đai đúng hạn đạt trên 95%", "Sở Nông nghiệp và Môi trường"],
    ]);
  });
});

describe("the issuer a header names", () => {
  const issuerOf = (header: string) => extract(`${header}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-X\nHà Nội, ngày 12 tháng 8 năm 2025\nKẾ HOẠCH\nChuyển đổi số\n`).document.issuer;

  it("writes any body's name as it is spelt, a name on two lines whole", () => {
    expect(issuerOf("BỘ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG")).toBe("Bộ Nông nghiệp và Môi trường");
    expect(issuerOf("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH")).toBe("Bộ Văn hóa, Thể thao và Du lịch");
    expect(issuerOf("TỈNH ỦY LẠNG SƠN")).toBe("Tỉnh ủy Lạng Sơn");
    expect(issuerOf("ỦY BAN NHÂN DÂN\nXÃ TÂN THANH")).toBe("UBND xã Tân Thanh");
    expect(issuerOf("THỦ TƯỚNG CHÍNH PHỦ")).toBe("Thủ tướng Chính phủ");
    // A long name a PDF wraps in the header's narrow column, its last word alone: no body is named in one word.
    expect(issuerOf("UBND TỈNH QUẢNG NINH\nSỞ NÔNG NGHIỆP VÀ MÔI\nTRƯỜNG")).toBe("Sở Nông nghiệp và Môi trường");
    // A scraped page's heading in small letters before the header does not end it.
    expect(extract("Kế hoạch 45/KH-SNV năm 2025 về chuyển đổi số\nUBND TỈNH HÀ TĨNH\nSỞ NỘI VỤ\nSố: 45/KH-SNV\nKẾ HOẠCH\nChuyển đổi số\n").document.issuer).toBe("Sở Nội vụ");
  });

  it("takes no title in capitals under the type line for the issuer of a text without its header: the signature names it", () => {
    const text = "KẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 693/QĐ-TTG NGÀY 17 THÁNG 7 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
      + "I. MỤC ĐÍCH\nPhát triển hạ tầng tỉnh Lạng Sơn.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLương Trọng Quỳnh\n";
    expect(extract(text).document.issuer).toBe("UBND tỉnh Lạng Sơn");
  });
});

describe("a header as web pages of legal documents lay it out", () => {
  it("reads the number after a rule or a bar, in the page's own list of fields, and after the type's name", () => {
    const symbolOf = (text: string) => extract(`${text}\nKẾ HOẠCH\nChuyển đổi số\n`).document.symbol;
    expect(symbolOf("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN ------- Số: 4653/QĐ-BNN-KHCN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBe("4653/QĐ-BNN-KHCN");
    expect(symbolOf("Kế hoạch 155/KH-UBND năm 2017\nSố hiệu: 155/KH-UBND Loại văn bản: Văn bản khác\nNơi ban hành: Tỉnh Bắc Ninh")).toBe("155/KH-UBND");
    expect(symbolOf("ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\nNghị quyết số: 653/2019/UBTVQH14")).toBe("653/2019/UBTVQH14");
    // A draft's blank number is none, whatever follows; a label of something else is passed over.
    expect(symbolOf("Số: /UBND-TH\nSố: 12/KH-UBND")).toBeNull();
    expect(symbolOf("Số lượng văn bản: 3\nSố: 12/KH-UBND")).toBe("12/KH-UBND");
  });

  it("takes the motto a narrow cell wraps for no part of the issuer, and names the body a cell cut", () => {
    const issuerOf = (header: string) => extract(`${header}\nSố: 186/KH-UBND |\nTuyên Quang, ngày 30 tháng 9 năm 2022 |\nKẾ HOẠCH\nThực hiện Nghị quyết\n`).document.issuer;
    expect(issuerOf("ỦY BAN NHÂN DÂN\nTỈNH TUYÊN QUANG\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |")).toBe("UBND tỉnh Tuyên Quang");
    expect(issuerOf("ỦY\nBAN NHÂN DÂN\nTỈNH HƯNG YÊN\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toBe("UBND tỉnh Hưng Yên");
    // Only the cell's first line kept: the committee's place from its enacting authority, else the province the text names.
    expect(extract("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm 2019 |\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO\nỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nCăn cứ Luật Tổ chức chính quyền địa phương;\n").document.issuer).toBe("UBND tỉnh Quảng Trị");
    expect(extract("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 7384/KH-UBND | Quảng Nam, ngày 30 tháng 10 năm 2023 |\nKẾ HOẠCH\nChuyển đổi số\nCác xã của tỉnh Quảng Nam triển khai.\n").document.issuer).toBe("UBND tỉnh Quảng Nam");
    // A council cut in its cell, its province in the page's table of fields.
    expect(extract("Cơ quan ban hành | Tỉnh Đắk Lắk |\nHỘI ĐỒNG NHÂN\nDÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 05/2025/NQ-HĐND |\nNGHỊ QUYẾT\nBan hành quy chế\n").document.issuer).toBe("HĐND tỉnh Đắk Lắk");
    expect(extract("ỦY BAN THƯỜNG VỤ\nQUỐC HỘI\n--------\nNghị quyết số: 653/2019/UBTVQH14\nNGHỊ QUYẾT\nVề sắp xếp\n").document.issuer).toBe("Ủy ban Thường vụ Quốc hội");
  });

  it("reads a decision's title in capitals whose type line the page lost, and takes no article for a title", () => {
    const header = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 41/2019/QĐ-UBND | Quảng Trị, ngày 22 tháng 10 năm 2019 |\n";
    const decision = extract(`${header}BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ\nTRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ\nỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Quy định.\n`).document;
    expect(decision).toMatchObject({ type: "Quyết định", title: "BAN HÀNH QUY ĐỊNH CHẾ ĐỘ BÁO CÁO ĐỊNH KỲ TRÊN ĐỊA BÀN TỈNH QUẢNG TRỊ" });
    // Neither title nor type line kept: "QUYẾT ĐỊNH:" is the operative word, and "Điều 1. ..." no title.
    expect(extract(`${header}CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n`).document)
      .toMatchObject({ type: "Quyết định", title: null });
  });

  it("reads the date after a place of five words ('Thành phố Hồ Chí Minh') or with a dash ('Bà Rịa - Vũng Tàu'), and a date a narrow cell wrapped after its day", () => {
    const issued = (placeAndDate: string) => extract(`ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 2820/QĐ-UBND\n${placeAndDate}\nKẾ HOẠCH\nTriển khai\n`).document.issued;
    expect(issued("Thành phố Hồ Chí Minh, ngày 19 tháng 11 năm 2025")).toBe("2025-11-19");
    expect(issued("Thành phố Hồ Chí Minh, ngày 19\ntháng 11 năm 2025")).toBe("2025-11-19");
    expect(issued("Cần Thơ, ngày 21\ntháng 11 năm 2025")).toBe("2025-11-21");
    // A place whose name holds a dash, joined or spaced: "Phan Rang-Tháp Chàm", "Bà Rịa - Vũng Tàu".
    expect(issued("Phan Rang-Tháp Chàm, ngày 05 tháng 3 năm 2007")).toBe("2007-03-05");
    expect(issued("Bà Rịa - Vũng Tàu, ngày 12 tháng 01 năm 2024")).toBe("2024-01-12");
    expect(issued("Thành phố Phan Rang – Tháp Chàm, ngày 5/3/2024")).toBe("2024-03-05");
    // (A ground cited with its date is no place and date.)
    expect(extract("NGHỊ QUYẾT\nVề bổ sung Kế hoạch\nCăn cứ Luật Đầu tư công, ngày 29 tháng 11 năm 2024;\n").document.issued).toBeNull();
    expect(extract("NGHỊ QUYẾT\nVề bổ sung Kế hoạch\nCăn cứ Luật Thuế, ngày 29 tháng 11 năm 2024;\n").document.issued).toBeNull();
  });

  it("takes no task of the issuer's own word ('Quốc hội kêu gọi ...' in the National Assembly's resolution)", () => {
    const text = "NGHỊ QUYẾT\nVề bổ sung Kế hoạch\nQUỐC HỘI\nCăn cứ Hiến pháp;\nQUYẾT NGHỊ:\nĐiều 3. Tổ chức thực hiện\nChính phủ theo chức năng, nhiệm vụ được giao khẩn trương xây dựng kế hoạch cụ thể.\nQuốc hội kêu gọi đồng bào, chiến sỹ cả nước nêu cao tinh thần thi đua yêu nước.\n";
    expect(extract(text).tasks.map((t) => t.lead)).toEqual([["Chính phủ"]]);
  });

  it("takes the issuer from the enacting authority where the page lost the header", () => {
    const issuerOf = (text: string) => extract(text).document.issuer;
    expect(issuerOf("NGHỊ QUYẾT\nVề bổ sung Kế hoạch phát triển kinh tế - xã hội năm 2025\nQUỐC HỘI\nCăn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;\nQUYẾT NGHỊ:\n")).toBe("Quốc hội");
    expect(issuerOf("QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n")).toBe("UBND tỉnh Tuyên Quang");
    expect(issuerOf("QUYẾT ĐỊNH\nPhê duyệt Chương trình\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ;\nQUYẾT ĐỊNH:\n")).toBe("Thủ tướng Chính phủ");
    // (Nor the rule a web page's cell keeps under the name.)
    expect(issuerOf("| ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n| Số: 986/QĐ-UBND | Tuyên Quang, ngày 13 tháng 8 năm 2024 |\nQUYẾT ĐỊNH\nBan hành Kế hoạch\n")).toBe("UBND tỉnh Tuyên Quang");
    // (A header's issuer stands first: the authority line repeats it.)
    expect(issuerOf("ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nSố: 12/QĐ-UBND\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\nCăn cứ Luật;\n")).toBe("UBND tỉnh Lạng Sơn");
  });

  it("reads a hostile label of a number in linear time: 'số' and 200,000 spaces after a bar", () => {
    const started = performance.now();
    expect(extract(`KẾ HOẠCH\nabc | số${" ".repeat(200_000)}x`).document.symbol).toBeNull();
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it("takes no chapter's heading under a signature for its signer", () => {
    expect(extract("ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\nSố: 30/2016/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành quy định\nĐiều 1. Ban hành quy định.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nQUY ĐỊNH\nChương I\nQUY ĐỊNH CHUNG\n").document.signer).toBeNull();
  });
});

describe("an appendix of indicators beside the text", () => {
  const text = [
    "KẾ HOẠCH", "Phát triển nông thôn đến năm 2025", "I. MỤC TIÊU",
    "- Đến năm 2025, tỷ lệ xã đạt chuẩn nông thôn mới đạt 100%.",
    "PHỤ LỤC", "TT | Chỉ tiêu | Đơn vị | Năm 2025", "1 | Tỷ lệ xã đạt chuẩn nông thôn mới | % | 100",
    "2 | Tỷ lệ hộ dùng điện lưới quốc gia | % | 100", "3 | Tỷ lệ trường học đạt chuẩn | % | 100",
  ].join("\n");

  it("keeps a row the text states once, with the table's name, and every other row of the same value as its own", () => {
    const found = extract(text).indicators.map((i) => [i.name, i.min, i.year]);
    expect(found).toEqual([
      ["Tỷ lệ xã đạt chuẩn nông thôn mới", 100, 2025], ["Tỷ lệ hộ dùng điện lưới quốc gia", 100, 2025], ["Tỷ lệ trường học đạt chuẩn", 100, 2025],
    ]);
  });
});

describe("an issuer named on two lines, in capitals", () => {
  const issuerOf = (header: string, registry: { code: string; name: string; aliases: string[]; kind: string }[] = []) =>
    extract(`${header}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/KH-X\nHà Nội, ngày 12 tháng 8 năm 2025\nKẾ HOẠCH\nChuyển đổi số\n`, "", registry).document.issuer;

  it("joins the lines of one name, keeps a department under its committee, and spells a known body as the registry does", () => {
    expect(issuerOf("BỘ LAO ĐỘNG - THƯƠNG BINH\nVÀ XÃ HỘI")).toBe("Bộ Lao động - Thương binh và Xã hội");
    expect(issuerOf("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSỞ TÀI CHÍNH")).toBe("Sở Tài chính");
    expect(issuerOf("VIỆN HÀN LÂM\nKHOA HỌC XÃ HỘI VIỆT NAM", [{ code: "vhl", name: "Viện Hàn lâm Khoa học xã hội Việt Nam", aliases: [], kind: "ministry" }]))
      .toBe("Viện Hàn lâm Khoa học xã hội Việt Nam");
  });
});

describe("deadlines without their year", () => {
  const plan = (body: string) => `ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 14 tháng 3 năm 2026\nKẾ HOẠCH\nCải cách hành chính năm 2026\nII. NHIỆM VỤ\n${body}\n`;
  const deadlines = (body: string) => extract(plan(body)).tasks.map((t) => t.deadline);

  it("are of the year the document was issued, or each year's when the task recurs yearly", () => {
    expect(deadlines("1. Sở Nội vụ rà soát thủ tục hành chính, hoàn thành trước 31/12.")).toEqual([{ kind: "date", date: "2026-12-31", text: "hoàn thành trước 31/12" }]);
    expect(deadlines("1. Sở Nội vụ định kỳ hằng năm báo cáo kết quả thực hiện trước ngày 30/11.")).toEqual([{ kind: "yearly", day: 30, month: 11, text: "trước ngày 30/11" }]);
  });
});

describe("a scheme published on its own, under the decision that issued it", () => {
  it("dates its figures by the decision's year: one of the year before is a result, not a target", () => {
    const scheme = [
      "ỦY BAN NHÂN DÂN", "TỈNH KHÁNH HÒA", "ĐỀ ÁN", "Phát triển nguồn nhân lực giai đoạn 2026 - 2030",
      "(Kèm theo Quyết định số 500/QĐ-UBND ngày 20/02/2026 của UBND tỉnh)", "Phần thứ nhất", "SỰ CẦN THIẾT",
      "Năm 2025, tỷ lệ lao động qua đào tạo của tỉnh đạt 72%.", "Phần thứ hai", "MỤC TIÊU", "Đến năm 2030, tỷ lệ lao động qua đào tạo đạt 80%.",
    ].join("\n");
    expect(extract(scheme).indicators.map((i) => [i.min, i.year, i.kind])).toEqual([[72, 2025, "actual"], [80, 2030, "target"]]);
  });
});

describe("a deadline whose year follows its day", () => {
  it("is not dated by the issue", () => {
    const text = "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 12/KH-UBND\nHà Tĩnh, ngày 14 tháng 3 năm 2026\nKẾ HOẠCH\nChuyển đổi số\nII. NHIỆM VỤ\n1. Sở Khoa học và Công nghệ xây dựng kho dữ liệu dùng chung, hoàn thành trước ngày 30/6 năm 2027.\n";
    expect(extract(text).tasks.map((t) => t.deadline)).toEqual([null]);
  });
});

describe("a decision of the Prime Minister approving a programme", () => {
  const text = "THỦ TƯỚNG CHÍNH PHỦ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 215/QĐ-TTg\nHà Nội, ngày 20 tháng 02 năm 2026\n"
    + "QUYẾT ĐỊNH\nPHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN NHÀ Ở XÃ HỘI\nGIAI ĐOẠN 2026 - 2030\nTHỦ TƯỚNG CHÍNH PHỦ\nCăn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT ĐỊNH:\n"
    + "Điều 1. Phê duyệt Chương trình với những nội dung chủ yếu sau:\nIII. TỔ CHỨC THỰC HIỆN\n4. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:\n"
    + "a) Bố trí đủ quỹ đất cho phát triển nhà ở xã hội theo quy hoạch.\nb) Báo cáo kết quả thực hiện về Bộ Xây dựng trước ngày 15 tháng 12 hằng năm.\n";
  const result = extract(text);

  it("ends its title in capitals before the enacting authority above its grounds", () => {
    expect(result.document.title).toBe("PHÊ DUYỆT CHƯƠNG TRÌNH PHÁT TRIỂN NHÀ Ở XÃ HỘI GIAI ĐOẠN 2026 - 2030");
    // A People's Council's: above its term and session.
    const council = "HỘI ĐỒNG NHÂN DÂN\nTỈNH BÌNH ĐỊNH\nSố: 21/2022/NQ-HĐND\nBình Định, ngày 07 tháng 9 năm 2022\nNGHỊ QUYẾT\nBAN HÀNH QUY ĐỊNH CƠ CHẾ HUY ĐỘNG NGUỒN LỰC\n"
      + "HỘI ĐỒNG NHÂN DÂN TỈNH BÌNH ĐỊNH\nKHÓA XIII KỲ HỌP THỨ 7 (KỲ HỌP CHUYÊN ĐỀ)\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n";
    expect(extract(council).document.title).toBe("BAN HÀNH QUY ĐỊNH CƠ CHẾ HUY ĐỘNG NGUỒN LỰC");
  });

  it("reads whom an item that opens with 'Báo cáo' reports to", () => {
    expect(result.reporting.map((r) => [r.from, r.to, r.deadline_text])).toEqual([
      ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "Bộ Xây dựng", "trước ngày 15 tháng 12 hằng năm"],
    ]);
  });
});

describe("a Party committee's resolution", () => {
  const text = "TỈNH ỦY HÀ TĨNH\n*\nSố 12-NQ/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nHà Tĩnh, ngày 15 tháng 01 năm 2026\nNGHỊ QUYẾT\nCỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH\n"
    + "về phát triển kinh tế biển bền vững đến năm 2030, tầm nhìn đến năm 2045\nII. QUAN ĐIỂM, MỤC TIÊU\n2. Mục tiêu đến năm 2030\n"
    + "- 100% tàu cá có chiều dài từ 15 mét trở lên lắp đặt thiết bị giám sát hành trình.\n- Tỷ lệ hộ có thu nhập từ 50 triệu đồng trở lên đạt 40%.\n";
  const result = extract(text);

  it("takes its title from under the line that names who resolves ('CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH')", () => {
    expect(result.document.title).toBe("về phát triển kinh tế biển bền vững đến năm 2030, tầm nhìn đến năm 2045");
  });

  it("reads the threshold that defines what a rate counts as part of its name, not as a figure of its own", () => {
    expect(result.indicators.map((i) => [i.name, i.min, i.unit, i.year])).toEqual([
      ["Tỷ lệ tàu cá có chiều dài từ 15 mét trở lên lắp đặt thiết bị giám sát hành trình", 100, "%", 2030],
      ["Tỷ lệ hộ có thu nhập từ 50 triệu đồng trở lên", 40, "%", 2030],
    ]);
  });
});

describe("a Government resolution of a regular meeting", () => {
  const text = "CHÍNH PHỦ\nSố: 45/NQ-CP\nHà Nội, ngày 05 tháng 4 năm 2026\nNGHỊ QUYẾT\nPhiên họp Chính phủ thường kỳ tháng 3 năm 2026\nCHÍNH PHỦ\n"
    + "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\nQUYẾT NGHỊ:\n1. Về tình hình kinh tế - xã hội\nTăng trưởng GDP quý I năm 2026 ước đạt 7,2%.\n"
    + "2. Về nhiệm vụ, giải pháp\na) Ngân hàng Nhà nước Việt Nam: Điều hành chính sách tiền tệ chủ động, linh hoạt; phấn đấu tăng trưởng tín dụng khoảng 16%.\n"
    + "3. Giao Văn phòng Chính phủ theo dõi, đôn đốc; tổng hợp tình hình thực hiện Nghị quyết này, báo cáo Chính phủ tại phiên họp thường kỳ tháng 4 năm 2026./.\n";
  const result = extract(text);

  it("reads a figure 'ước đạt' of the year it is issued in as an estimate, a goal 'phấn đấu' as a target", () => {
    expect(result.indicators.map((i) => [i.min, i.year, i.kind])).toEqual([[7.2, 2026, "estimate"], [16, 2026, "target"]]);
  });

  it("reads a report after what it sums up ('tổng hợp tình hình thực hiện ..., báo cáo Chính phủ')", () => {
    expect(result.reporting.map((r) => [r.from, r.to])).toEqual([["Văn phòng Chính phủ", "Chính phủ"]]);
  });
});

describe("a ministry's letter asking for reports", () => {
  it("reads who reports from those its opening sentence asks ('..., Bộ Tài chính đề nghị các bộ, ... báo cáo ...')", () => {
    const text = "BỘ TÀI CHÍNH\nSố: 11250/BTC-ĐT\nV/v báo cáo tình hình giải ngân vốn đầu tư công năm 2026\nHà Nội, ngày 25 tháng 10 năm 2026\n"
      + "Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Chỉ thị số 08/CT-TTg ngày 14/3/2026, Bộ Tài chính đề nghị các bộ, cơ quan trung ương và địa phương báo cáo tình hình giải ngân vốn đầu tư công năm 2026 theo Biểu số 01 kèm theo, gửi về Bộ Tài chính trước ngày 05/11/2026.\n";
    expect(extract(text).reporting.map((r) => [r.from, r.to, r.deadline_text])).toEqual([["Các bộ, cơ quan trung ương và địa phương", "Bộ Tài chính", "trước ngày 05/11/2026"]]);
  });
});
