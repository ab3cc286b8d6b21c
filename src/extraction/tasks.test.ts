/**
 * Tasks on a plan written for these tests in the genre (another province, other wording: lettered
 * items, "+" sub-bullets, abbreviations, named districts, an expanded list, a table of tasks).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentLines } from "./segment.js";
import { extractTasks, type ExtractedTask } from "./tasks.js";

const text = readFileSync(new URL("../../test/extraction/fixtures/kh-chuyen-doi-so-huyen.txt", import.meta.url), "utf8");
const tasks = extractTasks(text, segmentLines(text), { kind: "plan" });
const brief = tasks.map((t) => [t.section, t.lead.join("; "), t.coordinating.join("; ")]);

describe("tasks of a plan", () => {
  it("finds every assignment with its section, lead and partners, and nothing else", () => {
    expect(brief).toEqual([
      ["1.a", "Sở Thông tin và Truyền thông", "Sở Tư pháp; Văn phòng UBND tỉnh"],
      ["1.b", "Sở Nội vụ", ""],
      ["2.1", "Sở Thông tin và Truyền thông", "các doanh nghiệp viễn thông; UBND các huyện, thành phố"],
      ["2.1", "Sở Thông tin và Truyền thông", "các doanh nghiệp viễn thông; UBND các huyện, thành phố"],
      ["2.1", "Sở Thông tin và Truyền thông", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"],
      ["2.2", "UBND huyện Đồng Văn; UBND huyện Mèo Vạc; UBND huyện Yên Minh", ""],
      ["3", "Sở Nội vụ; Sở Tư pháp; Sở Tài chính; Sở Y tế; Sở Giáo dục và Đào tạo; Công an tỉnh", ""],
      ["3", "Sở Nội vụ; Sở Tư pháp; Sở Tài chính; Sở Y tế; Sở Giáo dục và Đào tạo; Công an tỉnh", ""],
      ["1", "Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố", ""],
      ["2", "Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
      ["3", "Sở Thông tin và Truyền thông", ""],
      // Table rows under the group row "I | Hạ tầng số" take its number.
      ["I.1", "Sở Thông tin và Truyền thông", "Sở Kế hoạch và Đầu tư; Sở Tài chính"],
      ["I.2", "Văn phòng UBND tỉnh", "các cơ quan liên quan"],
    ]);
  });

  it("gives a bullet's partners to that bullet only, and a colon's to the section", () => {
    const partnersOf = (section: string) => {
      const text = `KẾ HOẠCH\nIII. NHIỆM VỤ\n1. Sở Xây dựng\n${section}\n`;
      return extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => t.coordinating.join("; "));
    };
    expect(partnersOf("- Chủ trì, phối hợp với Sở Tài chính rà soát quy hoạch chung các đô thị.\n- Hướng dẫn UBND các huyện tự đánh giá đô thị."))
      .toEqual(["Sở Tài chính", ""]);
    expect(partnersOf("Chủ trì, phối hợp với Sở Tài chính: Rà soát quy hoạch chung các đô thị.\nHướng dẫn UBND các huyện tự đánh giá đô thị."))
      .toEqual(["Sở Tài chính", "Sở Tài chính"]);
  });

  it("reads a lettered item stating work under an agency's heading as its task, not one naming a topic", () => {
    const text = "KẾ HOẠCH\nIII. NHIỆM VỤ\n1. Sở Giáo dục và Đào tạo\na) Chủ trì, phối hợp với Sở Nội vụ sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp.\n"
      + "b) Xây dựng Đề án đào tạo nhân lực kỹ thuật, trình UBND tỉnh tháng 6/2026.\nc) Về chuyển đổi số\n- Số hóa hồ sơ học sinh.\n"
      + "2. Giao các sở, ngành, UBND các huyện thực hiện các chương trình sau:\n2.1. Chương trình 1: Phát triển kinh tế cửa khẩu.\n";
    const found = extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.section, t.lead.join("; "), t.summary]);
    expect(found).toEqual([
      ["1.a", "Sở Giáo dục và Đào tạo", "sắp xếp mạng lưới cơ sở giáo dục nghề nghiệp."],
      ["1.b", "Sở Giáo dục và Đào tạo", "Xây dựng Đề án đào tạo nhân lực kỹ thuật, trình UBND tỉnh tháng 6/2026."],
      ["1.c", "Sở Giáo dục và Đào tạo", "Số hóa hồ sơ học sinh."],
      // The numbered heading assigns work itself; the programme under it is a topic, though written as a sentence.
      ["2", "các sở, ngành; UBND các huyện", "thực hiện các chương trình sau:"],
    ]);
  });

  it("numbers the items of a resolution's article under it, and takes its closing clause for no task", () => {
    const text = "Điều 1. Thông qua kế hoạch phát triển kinh tế - xã hội năm 2026.\n"
      + "Điều 2. Tổ chức thực hiện\n"
      + "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết; định kỳ báo cáo Hội đồng nhân dân tỉnh tại các kỳ họp thường lệ.\n"
      + "2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.\n"
      + "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia giám sát, tuyên truyền, vận động Nhân dân thực hiện Nghị quyết.\n"
      + "Nghị quyết này đã được Hội đồng nhân dân tỉnh khóa VIII, Kỳ họp thứ 12 thông qua ngày 10 tháng 12 năm 2025 và có hiệu lực từ ngày thông qua./.\n"
      + "KẾ HOẠCH\nI. NHIỆM VỤ\n1. Sở Tài chính chủ trì bố trí kinh phí thực hiện Kế hoạch trong dự toán ngân sách tỉnh.\n";
    const found = extractTasks(text, segmentLines(text), { kind: "plan" });
    expect(found.map((t) => [t.section, t.lead.join("; "), t.deadline_text])).toEqual([
      // Written in full, the committee is named as written.
      ["Điều 2.1", "Ủy ban nhân dân tỉnh", "tại các kỳ họp thường lệ"],
      ["Điều 2.2", "Thường trực Hội đồng nhân dân tỉnh; các Ban của Hội đồng nhân dân tỉnh; các Tổ đại biểu và đại biểu Hội đồng nhân dân tỉnh", null],
      ["Điều 2.3", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", null],
      // An attached plan's headings number its items again.
      ["1", "Sở Tài chính", null],
    ]);
  });

  it("reads every agency a table's lead or partners cell names, one the lexicon does not know among them", () => {
    const text = "STT | Nội dung công việc | Thời gian hoàn thành | Đơn vị chủ trì | Đơn vị phối hợp\n"
      + "1 | Nâng cấp mạng truyền số liệu chuyên dùng | Quý II/2026 | Sở Khoa học và Công nghệ | Công an tỉnh; Viễn thông tỉnh\n"
      + "2 | Xây dựng kho dữ liệu dùng chung | Tháng 9/2026 | Viettel Hưng Yên | Các sở, ban, ngành; UBND các xã, phường\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.lead, t.coordinating])).toEqual([
      [["Sở Khoa học và Công nghệ"], ["Công an tỉnh", "Viễn thông tỉnh"]],
      [["Viettel Hưng Yên"], ["Các sở, ban, ngành", "UBND các xã, phường"]],
    ]);
  });

  it("reads both roles from one column: labelled ('Chủ trì: ...; Phối hợp: ...') or marked in brackets ('Sở X (chủ trì), Sở Y')", () => {
    const text = "TT | Nhiệm vụ | Cơ quan thực hiện | Thời gian hoàn thành\n"
      + "1 | Xây dựng chính sách hỗ trợ doanh nghiệp | Chủ trì: Sở Tài chính; Phối hợp: Sở Tư pháp, Sở Khoa học và Công nghệ | Quý II/2026\n"
      + "2 | Kết nối doanh nghiệp với quỹ đầu tư | Cơ quan chủ trì: Sở Tài chính. Cơ quan phối hợp: Ngân hàng Nhà nước chi nhánh khu vực 5 | Quý III/2026\n"
      + "3 | Hỗ trợ chuyển đổi số cho hộ kinh doanh | Sở Khoa học và Công nghệ (chủ trì), Sở Tài chính, UBND các xã, phường | Năm 2026\n"
      + "4 | Đào tạo kỹ năng quản trị | Sở Nội vụ; Hiệp hội Doanh nghiệp tỉnh (phối hợp) | Quý IV/2026\n"
      + "5 | Tổ chức hội nghị kết nối | Sở Công Thương | Hằng quý\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.lead, t.coordinating])).toEqual([
      [["Sở Tài chính"], ["Sở Tư pháp", "Sở Khoa học và Công nghệ"]],
      [["Sở Tài chính"], ["Ngân hàng Nhà nước chi nhánh khu vực 5"]],
      [["Sở Khoa học và Công nghệ"], ["Sở Tài chính", "UBND các xã, phường"]],
      [["Sở Nội vụ"], ["Hiệp hội Doanh nghiệp tỉnh"]],
      [["Sở Công Thương"], []],
    ]);
  });

  it("reads work a sentence assigns after ', trong đó yêu cầu' or ', đồng thời giao'", () => {
    const text = "III. NHIỆM VỤ THỜI GIAN TỚI\n1. Chỉ đạo tuyên truyền các nội dung của Nghị quyết đến các cơ quan, đơn vị, trong đó yêu cầu người đứng đầu cơ quan, đơn vị có trách nhiệm phối hợp với cấp ủy tổ chức quán triệt đến cán bộ, công chức.\n"
      + "2. Tập trung tháo gỡ vướng mắc về mặt bằng, đồng thời giao Sở Xây dựng kiểm tra chất lượng công trình.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.section, t.lead, t.coordinating, t.summary])).toEqual([
      ["1", ["người đứng đầu cơ quan, đơn vị"], ["cấp ủy"], "tổ chức quán triệt đến cán bộ, công chức"],
      ["2", ["Sở Xây dựng"], [], "kiểm tra chất lượng công trình"],
    ]);
  });

  it("gives the work to the bodies a subject assigns it to ('UBND tỉnh giao Sở Tài chính ...'), and reads a request to help as a closing", () => {
    const text = "IV. TỔ CHỨC THỰC HIỆN\n1. UBND tỉnh giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng thẩm định dự án.\n"
      + "2. Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở tổ chức thực hiện nghiêm túc Kế hoạch này.\nSở Tài chính đề nghị các cơ quan, đơn vị quan tâm, phối hợp thực hiện./.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.section, t.lead, t.coordinating, t.summary])).toEqual([
      ["1", ["Sở Tài chính"], ["Sở Xây dựng"], "thẩm định dự án."],
      ["2", ["Giám đốc các sở"], [], "tổ chức thực hiện nghiêm túc Kế hoạch này."],
    ]);
  });

  it("reads work a body assigns after a comma inside a paragraph ('..., UBND tỉnh giao Sở Tài chính ...'), not a name that folds like the verb", () => {
    const text = "1. Về giải ngân vốn: tiến độ còn chậm, UBND tỉnh giao Sở Tài chính đôn đốc các chủ đầu tư đẩy nhanh giải ngân.\n"
      + "2. Mở rộng hợp tác với các tổ chức quốc tế, cơ quan đại diện ngoại giao nước ngoài.\n"
      + "3. Trường hợp cần sửa đổi, các bộ, cơ quan, địa phương chủ động báo cáo Bộ Giáo dục và Đào tạo để tổng hợp.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.section, t.lead, t.summary])).toEqual([
      ["1", ["Sở Tài chính"], "đôn đốc các chủ đầu tư đẩy nhanh giải ngân"],
    ]);
  });

  it("reads monitoring as work, not as a closing, and the work after 'làm đầu mối'", () => {
    const text = "1. Giao Sở Khoa học và Công nghệ làm đầu mối, chủ trì, phối hợp với các sở, ngành theo dõi, đôn đốc thực hiện Kế hoạch.\n"
      + "2. Văn phòng UBND tỉnh, Sở Nội vụ theo dõi, kiểm tra việc thực hiện.\n3. Các sở, ban, ngành tổ chức thực hiện./.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.section, t.lead, t.summary])).toEqual([
      ["1", ["Sở Khoa học và Công nghệ"], "theo dõi, đôn đốc thực hiện Kế hoạch."],
      ["2", ["Văn phòng UBND tỉnh", "Sở Nội vụ"], "theo dõi, kiểm tra việc thực hiện."],
    ]);
    // Short work that ends "thực hiện" is work; only the formula's own words close ("phối hợp thực hiện", "chịu trách nhiệm tổ chức thực hiện").
    const short = "1. Sở Tài chính bố trí kinh phí thực hiện.\n2. UBND các huyện xây dựng kế hoạch thực hiện.\n3. Các sở, ban, ngành căn cứ chức năng, nhiệm vụ được giao, nghiêm túc triển khai thực hiện./.\n"
      + "4. Các sở, ngành liên quan phối hợp thực hiện.\n5. Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm tổ chức thực hiện./.\n";
    expect(extractTasks(short, segmentLines(short), { kind: "plan" }).map((t) => [t.section, t.summary])).toEqual([
      ["1", "bố trí kinh phí thực hiện."], ["2", "xây dựng kế hoạch thực hiện."],
    ]);
    // Who executes the document, as a directive or a decision closes: "... chịu trách nhiệm thi hành Chỉ thị này./.".
    const executes = "1. Bộ Tài chính theo dõi, đôn đốc giải ngân.\nCác Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Chỉ thị này./.\n"
      + "2. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.\n3. Sở Nội vụ có trách nhiệm tổ chức thực hiện Chương trình này.\n"
      + "Chánh Văn phòng UBND tỉnh, Giám đốc các sở chịu trách nhiệm tổ chức thực hiện Quyết định này./.\n"
      + "Thủ trưởng các đơn vị thuộc Sở chịu trách nhiệm tổ chức triển khai thực hiện Kế hoạch này./.\n";
    expect(extractTasks(executes, segmentLines(executes), { kind: "plan", centralIssuer: true }).map((t) => [t.section, t.summary])).toEqual([
      // (Work given to one body to carry the document out is a task.)
      ["1", "theo dõi, đôn đốc giải ngân."], ["2", "tổ chức thực hiện Nghị quyết này."], ["3", "tổ chức thực hiện Chương trình này."],
    ]);
  });

  it("gives the numbered items after a sentence that announces their doers to those doers, as a letter writes them", () => {
    const text = "Để có cơ sở tổng hợp, báo cáo Thủ tướng Chính phủ, Bộ Nội vụ đề nghị các bộ, ngành, địa phương:\n"
      + "1. Tổng hợp kết quả tuyển dụng công chức năm 2026 theo Phụ lục kèm theo.\n2. Gửi báo cáo về Bộ Nội vụ trước ngày 30/11/2026.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan", centralIssuer: true }).map((t) => [t.section, t.lead, t.deadline_text])).toEqual([
      ["1", ["các bộ, ngành, địa phương"], null], ["2", ["các bộ, ngành, địa phương"], "trước ngày 30/11/2026"],
    ]);
    // ("... như sau:" announces no doers: its items name their own.)
    const own = "UBND tỉnh có ý kiến như sau:\n1. Tổng hợp kết quả tuyển dụng công chức năm 2026.\n";
    expect(extractTasks(own, segmentLines(own), { kind: "plan" })).toEqual([]);
  });

  it("takes a plan's closing 'Trên đây là Kế hoạch ...' for no task of the last section", () => {
    const text = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\nChủ trì tổ chức triển khai thực hiện Kế hoạch này, định kỳ báo cáo UBND tỉnh.\n"
      + "Trên đây là Kế hoạch cải cách hành chính năm 2025, yêu cầu các phòng, đơn vị nghiêm túc triển khai thực hiện./.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => t.summary)).toEqual(["tổ chức triển khai thực hiện Kế hoạch này, định kỳ báo cáo UBND tỉnh."]);
  });

  it("takes the closing 'Trong quá trình thực hiện, nếu có khó khăn, ...' for no task of the last section", () => {
    const text = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính: Tham mưu bố trí kinh phí thực hiện Kế hoạch theo quy định.\n"
      + "2. Báo và Phát thanh, Truyền hình Phú Thọ: đẩy mạnh tuyên truyền về cải cách hành chính.\n"
      + "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị phản ánh về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh xem xét, giải quyết./.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => t.section)).toEqual(["1", "2"]);
    // (Work of the section's agency that only mentions the course of it is its task: "Trong quá trình thực hiện, thường xuyên kiểm tra ...".)
    const work = "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Trong quá trình thực hiện, thường xuyên kiểm tra việc sử dụng kinh phí.\n"
      + "- Trong quá trình thực hiện, nếu phát sinh nhu cầu kinh phí, tham mưu UBND tỉnh bổ sung dự toán kịp thời.\n"
      + "2. Sở Y tế\n- Trong quá trình triển khai, nếu phát hiện ổ dịch, chủ trì phối hợp với UBND các huyện khoanh vùng, xử lý kịp thời.\n";
    expect(extractTasks(work, segmentLines(work), { kind: "plan" }).map((t) => t.lead)).toEqual([["Sở Tài chính"], ["Sở Tài chính"], ["Sở Y tế"]]);
  });

  it("reads a sentence that opens with the request as the doers' work, which governs the article's bullets and items", () => {
    const bullets = "Điều 1. Nhiệm vụ\nGiao Sở Y tế chủ trì thực hiện các nhiệm vụ sau đây:\n- Kiểm tra các cơ sở kinh doanh dược phẩm trên địa bàn.\n- Tổ chức tuyên truyền về an toàn thực phẩm.\n";
    expect(extractTasks(bullets, segmentLines(bullets), { kind: "plan" }).map((t) => [t.section, t.lead])).toEqual([
      ["Điều 1", ["Sở Y tế"]], ["Điều 1", ["Sở Y tế"]], ["Điều 1", ["Sở Y tế"]],
    ]);
    const items = "Điều 1. Nhiệm vụ\nGiao Sở Y tế hoàn thành các nhiệm vụ trước ngày 30/6/2023, cụ thể như sau:\n1. Kiểm tra các cơ sở kinh doanh dược phẩm.\n2. Tổ chức tuyên truyền về an toàn thực phẩm.\n";
    expect(extractTasks(items, segmentLines(items), { kind: "plan" }).map((t) => [t.section, t.lead, t.deadline_text])).toEqual([
      ["Điều 1", ["Sở Y tế"], "trước ngày 30/6/2023"], ["Điều 1.1", ["Sở Y tế"], null], ["Điều 1.2", ["Sở Y tế"], null],
    ]);
  });

  it("gives an article's items to the doers its sentence announces before them, with the work announced, and takes the sentence for none", () => {
    const text = "Điều 2. Nhiệm vụ và giải pháp chủ yếu\nQuốc hội cơ bản tán thành các nhiệm vụ, giải pháp do Chính phủ kiến nghị, đồng thời, đề nghị Chính phủ và các cơ quan liên quan tập trung thực hiện các nhiệm vụ và giải pháp chủ yếu sau đây:\n"
      + "2.1. Đẩy mạnh hoàn thiện thể chế, pháp luật\nĐổi mới tư duy xây dựng pháp luật theo hướng kiến tạo phát triển.\n2.2. Tập trung cải cách thủ tục hành chính\nThúc đẩy phát triển kinh tế tư nhân.\n"
      + "Điều 3. Tổ chức thực hiện\nChính phủ theo chức năng, nhiệm vụ được giao khẩn trương xây dựng kế hoạch cụ thể.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan", centralIssuer: true }).map((t) => [t.section, t.lead, t.summary])).toEqual([
      ["Điều 2.1", ["Chính phủ", "các cơ quan liên quan"], "Đổi mới tư duy xây dựng pháp luật theo hướng kiến tạo phát triển."],
      ["Điều 2.2", ["Chính phủ", "các cơ quan liên quan"], "Thúc đẩy phát triển kinh tế tư nhân."],
      ["Điều 3", ["Chính phủ"], "theo chức năng, nhiệm vụ được giao khẩn trương xây dựng kế hoạch cụ thể."],
    ]);
  });

  it("takes what a plan requires of all in its purposes and requirements for no task", () => {
    const text = "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nCụ thể hóa các nhiệm vụ của Nghị quyết.\n2. Yêu cầu\nCác cơ quan, đơn vị xác định rõ trách nhiệm, chủ động triển khai thực hiện.\n"
      + "II. NHIỆM VỤ\n1. Sở Nội vụ rà soát, sắp xếp các cơ sở giáo dục nghề nghiệp.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.section, t.lead])).toEqual([["1", ["Sở Nội vụ"]]]);
  });

  it("starts the work after the agency's role in brackets", () => {
    const text = "1. Sở Nội vụ (cơ quan thường trực): Chủ trì, phối hợp với các sở, ngành hướng dẫn triển khai Kế hoạch.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.lead, t.coordinating, t.summary]))
      .toEqual([[["Sở Nội vụ"], ["các sở, ngành"], "hướng dẫn triển khai Kế hoạch."]]);
  });

  it("reads a regulation's articles about an agency: its numbered items and its paragraphs are the agency's tasks", () => {
    const text = "Điều 5. Trách nhiệm của Sở Công Thương\n1. Chủ trì tham mưu UBND tỉnh quy hoạch, phát triển cụm công nghiệp.\n"
      + "2. Tổng hợp, báo cáo UBND tỉnh tình hình hoạt động cụm công nghiệp trước ngày 15/12 hằng năm.\n"
      + "Điều 6. Trách nhiệm của UBND các xã, phường\n1. Phối hợp với Sở Công Thương giải phóng mặt bằng các cụm công nghiệp.\n"
      + "Điều 7. Sở Tài chính\nBố trí kinh phí hỗ trợ đầu tư hạ tầng cụm công nghiệp.\nĐiều 8. Hiệu lực thi hành\nQuy chế này có hiệu lực kể từ ngày ký.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.section, t.lead.join("; "), t.coordinating.join("; ")])).toEqual([
      ["Điều 5.1", "Sở Công Thương", ""], ["Điều 5.2", "Sở Công Thương", ""], ["Điều 6.1", "UBND các xã, phường", "Sở Công Thương"], ["Điều 7", "Sở Tài chính", ""],
    ]);
  });

  it("reads a report's work ahead under its part that names it: 'Phần thứ hai', 'PHẦN II', 'B.'", () => {
    const report = (results: string, ahead: string) => "BÁO CÁO\nKết quả thực hiện năm 2025 và nhiệm vụ năm 2026\nThực hiện chỉ đạo của UBND tỉnh, Sở Tài chính báo cáo như sau:\n"
      + `${results}\n1. Sở Tài chính đã tham mưu phân bổ vốn kịp thời.\n${ahead}\n`
      + "1. Sở Tài chính chủ trì tham mưu phân bổ vốn đầu tư công năm 2026, hoàn thành trước ngày 31/01/2026.\n2. Sở Xây dựng đẩy nhanh tiến độ các dự án giao thông trọng điểm.\n";
    for (const [results, ahead] of [["Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NĂM 2025", "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026"],
      ["PHẦN I. KẾT QUẢ THỰC HIỆN", "PHẦN II. NHIỆM VỤ NĂM 2026"], ["A. KẾT QUẢ THỰC HIỆN", "B. NHIỆM VỤ NĂM 2026"], ["KẾT QUẢ ĐẠT ĐƯỢC", "NHIỆM VỤ THỜI GIAN TỚI"]]) {
      const text = report(results, ahead);
      expect(extractTasks(text, segmentLines(text), { kind: "report" }).map((t) => [t.lead.join("; "), t.deadline_text]))
        .toEqual([["Sở Tài chính", "hoàn thành trước ngày 31/01/2026"], ["Sở Xây dựng", null]]);
    }
  });

  it("takes a task table's deadline from the end's column under a two-row header ('Bắt đầu | Hoàn thành')", () => {
    const text = "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | \n | | | | Bắt đầu | Hoàn thành\n"
      + "1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | UBND các xã, phường | 01/2026 | 12/2026\n"
      + "2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | Công an tỉnh | Quý I/2026 | Quý IV/2026\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.section, t.deadline_text])).toEqual([["1", "12/2026"], ["2", "Quý IV/2026"]]);
    // As a Word table gives it, the cells merged down repeated in the second row; and both rows repeated on the next page.
    const header = "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện | \nSTT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Bắt đầu | Hoàn thành\n";
    const word = header + "1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | UBND các xã, phường | 01/2026 | 12/2026\n"
      + header + "2 | Số hóa hồ sơ hộ tịch | Sở Tư pháp | Công an tỉnh | Quý I/2026 | Quý IV/2026\n";
    expect(extractTasks(word, segmentLines(word), { kind: "plan" }).map((t) => [t.section, t.deadline_text])).toEqual([["1", "12/2026"], ["2", "Quý IV/2026"]]);
  });

  it("reads a task table whose lead's column is 'Đơn vị thực hiện', and takes 'Đơn vị phối hợp thực hiện' for the partners'", () => {
    const text = "TT | Nội dung | Đơn vị thực hiện | Thời gian thực hiện\n1 | Tổ chức hội nghị quán triệt Kế hoạch | Sở Khoa học và Công nghệ | Quý I/2027\n"
      + "2 | Tập huấn kỹ năng số cho cán bộ cấp xã | UBND các xã, phường | Năm 2027\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.lead, t.deadline_text])).toEqual([
      [["Sở Khoa học và Công nghệ"], "Quý I/2027"], [["UBND các xã, phường"], "Năm 2027"],
    ]);
    const both = "TT | Nội dung công việc | Cơ quan, đơn vị chịu trách nhiệm | Đơn vị phối hợp thực hiện | Thời hạn\n1 | Rà soát thủ tục hành chính | Sở Tư pháp | Văn phòng UBND tỉnh | Quý II/2027\n";
    expect(extractTasks(both, segmentLines(both), { kind: "plan" }).map((t) => [t.lead, t.coordinating])).toEqual([[["Sở Tư pháp"], ["Văn phòng UBND tỉnh"]]]);
    // A report's table of what was done, "Đơn vị thực hiện | Kết quả", gives no task (one of the tasks given, "Cơ quan chủ trì", does).
    const done = "I. KẾT QUẢ THỰC HIỆN\nSTT | Nội dung | Đơn vị thực hiện | Kết quả\n1 | Số hóa 100% hồ sơ hộ tịch | Công an xã | Đã hoàn thành\n";
    expect(extractTasks(done, segmentLines(done), { kind: "report" })).toEqual([]);
  });

  it("numbers a task table's rows under the header of a narrow number column that a PDF wraps ('ST T')", () => {
    const text = "ST T | Nội dung công việc | Đơn vị chủ trì | Thời gian hoàn thành\nI | Phòng ngừa |  | \n1 | Nạo vét kênh tiêu úng trọng điểm | Chi cục Thủy lợi | Quý II/2026\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => t.section)).toEqual(["I.1"]);
  });

  it("takes no row's lead for its partner, though the partners cell above carries down to it", () => {
    const text = "STT | Nội dung công việc | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian hoàn thành\n"
      + "1 | Công khai quy hoạch sử dụng đất | Sở Nông nghiệp và Môi trường | UBND các xã, phường | Thường xuyên\n"
      + "2 | Giải quyết thủ tục đất đai đúng hạn | Sở Nông nghiệp và Môi trường; UBND các xã, phường | | Năm 2027\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => [t.lead, t.coordinating])).toEqual([
      [["Sở Nông nghiệp và Môi trường"], ["UBND các xã, phường"]], [["Sở Nông nghiệp và Môi trường", "UBND các xã, phường"], []],
    ]);
  });

  it("takes no paragraph opening 'Phần vốn ...' for a part, nor a part about results for the work ahead", () => {
    const read = (text: string) => extractTasks(text, segmentLines(text), { kind: "report" }).map((t) => [t.section, t.lead.join("; ")]);
    expect(read("BÁO CÁO\nX\nII. NHIỆM VỤ, GIẢI PHÁP\n1. Sở Tài chính chủ trì tham mưu phân bổ vốn năm 2026.\nPhần vốn còn lại được chuyển sang năm sau.\n"
      + "2. Sở Xây dựng đẩy nhanh tiến độ các dự án trọng điểm.\n").map(([section]) => section)).toContain("2");
    expect(read("BÁO CÁO\nX\nThực hiện chỉ đạo, Sở báo cáo như sau:\nPhần thứ nhất\nTÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM 2025\n1. Sở Tài chính đã chủ trì tham mưu phân bổ vốn.\n"
      + "Phần thứ tư\nNHIỆM VỤ NĂM 2026\n1. Sở Xây dựng đẩy nhanh tiến độ các dự án trọng điểm.\n")).toEqual([["1", "Sở Xây dựng"]]);
  });

  it("numbers '2.1.' under 'Điều 2' once, and reads no lead from a cell that names no one", () => {
    const article = "Điều 2. Tổ chức thực hiện\n2.1. Giao Sở Tài chính chủ trì bố trí kinh phí thực hiện Nghị quyết.\n";
    expect(extractTasks(article, segmentLines(article), { kind: "plan" }).map((t) => t.section)).toEqual(["Điều 2.1"]);
    const table = "STT | Nhiệm vụ | Cơ quan chủ trì\n1 | Nâng cấp mạng | Sở Khoa học và Công nghệ\n2 | Tuyên truyền | Theo chức năng, nhiệm vụ\n3 | Báo cáo | Như trên\n";
    expect(extractTasks(table, segmentLines(table), { kind: "plan" }).map((t) => t.section)).toEqual(["1"]);
  });

  it("ends a collective's name before the manner of its work", () => {
    const text = "1. Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc triển khai thực hiện Chỉ thị này.\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => t.lead)).toEqual([["Giám đốc các sở", "Chủ tịch Ủy ban nhân dân các xã, phường"]]);
  });

  it("reads deadlines in their own words and normalised", () => {
    expect(tasks.map((t) => t.deadline_text)).toEqual([
      "hoàn thành trong Quý III/2024", "hoàn thành trước ngày 30/9/2024", "trước năm 2025", null, null, "thường xuyên", null,
      "hoàn thành trước ngày 31/12/2025", null, "hằng năm", "trước ngày 15/12 hằng năm", "Quý IV/2025", "Năm 2024",
    ]);
    expect(tasks[0].deadline).toMatchObject({ kind: "date", date: "2024-09-30" });
    expect(tasks[10].deadline).toMatchObject({ kind: "yearly", day: 15, month: 12 });
  });

  it("names the expected output where the text or the table does", () => {
    expect(tasks[0].output).toBe("Quy chế quản lý");
    expect(tasks[11].output).toBe("Trung tâm dữ liệu");
  });

  it("keeps each task's clause and each agency's offsets in the source", () => {
    for (const t of tasks) {
      expect(text.slice(t.start, t.end)).toContain(t.summary.slice(0, 20));
      for (const a of [...t.lead_agencies, ...t.coordinating_agencies]) expect(text.slice(a.start, a.end)).toBe(a.text);
    }
  });
});

/** The tasks of a plan of `body` under `heading`: its section, work, lead and partners. */
const planTasks = (body: string, heading = "KẾ HOẠCH\nII. NHIỆM VỤ") => {
  const text = `${heading}\n${body}\n`;
  return extractTasks(text, segmentLines(text), { kind: "plan" });
};
const brief4 = (t: ExtractedTask) => [t.section, t.text, t.lead.join("; "), t.coordinating.join("; ")];

describe("tasks set out as labelled fields", () => {
  const read = (body: string) => planTasks(body).map((t) => [...brief4(t), t.deadline_text, t.output]);

  it("reads the work, then its lead, partners, output and deadline from the lines under it, as one task", () => {
    expect(read([
      "1. Rà soát, đánh giá hiện trạng các điểm du lịch cộng đồng",
      "- Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch.",
      "- Cơ quan phối hợp: Sở Nông nghiệp và Môi trường, Sở Công Thương.",
      "- Sản phẩm: Quyết định của UBND tỉnh.",
      "- Thời gian hoàn thành: Quý II/2026.",
      "2. Nhiệm vụ về dữ liệu",
      "a) Nội dung: Xây dựng cơ sở dữ liệu đất đai dùng chung của tỉnh.",
      "b) Đơn vị thực hiện: Sở Nông nghiệp và Môi trường.",
      "c) Tiến độ: Hoàn thành trước ngày 30/9/2026.",
      "d) Kinh phí: Ngân sách tỉnh.",
    ].join("\n"))).toEqual([
      ["1", "Rà soát, đánh giá hiện trạng các điểm du lịch cộng đồng", "Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và Môi trường; Sở Công Thương", "Quý II/2026", "Quyết định của UBND tỉnh"],
      ["2", "Xây dựng cơ sở dữ liệu đất đai dùng chung của tỉnh", "Sở Nông nghiệp và Môi trường", "", "Hoàn thành trước ngày 30/9/2026", null],
    ]);
  });

  it("reads fields on one line, after the work or in brackets, and 'Nhiệm vụ 1:' as the work", () => {
    expect(read([
      "1. Nhiệm vụ về nhân lực",
      "- Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã (cơ quan chủ trì: Sở Nội vụ; thời gian: Quý III/2026).",
      "- Tuyên truyền về chuyển đổi số trên các phương tiện thông tin đại chúng. Cơ quan chủ trì: Công an tỉnh; thời gian: thường xuyên.",
      "2. Hạ tầng số",
      "Nhiệm vụ 1: Nâng cấp Trung tâm dữ liệu tỉnh bảo đảm an toàn cấp độ 3.",
      "Đơn vị chủ trì: Sở Khoa học và Công nghệ; đơn vị phối hợp: Công an tỉnh; thời gian: năm 2026.",
    ].join("\n"))).toEqual([
      ["1", "Tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã", "Sở Nội vụ", "", "Quý III/2026", null],
      ["1", "Tuyên truyền về chuyển đổi số trên các phương tiện thông tin đại chúng", "Công an tỉnh", "", "thường xuyên", null],
      ["2", "Nâng cấp Trung tâm dữ liệu tỉnh bảo đảm an toàn cấp độ 3", "Sở Khoa học và Công nghệ", "Công an tỉnh", "năm 2026", null],
    ]);
  });

  it("reads 'Trách nhiệm thực hiện:' after the work's colon", () => {
    expect(read("1. Hội thảo\n- Tổ chức hội thảo chuyên đề về phòng, chống tác hại của thuốc lá: Trách nhiệm thực hiện: Sở Y tế."))
      .toEqual([["1", "Tổ chức hội thảo chuyên đề về phòng, chống tác hại của thuốc lá", "Sở Y tế", "", null, null]]);
  });

  it("adds fields without a lead to the work's own assignment, and never makes a task of a line of fields", () => {
    expect(read([
      "1. Sở Tài chính chủ trì, phối hợp với các sở, ngành tham mưu bố trí kinh phí thực hiện Kế hoạch.",
      "- Sản phẩm: Quyết định giao dự toán.",
      "- Thời gian hoàn thành: Tháng 3/2026.",
      // A role, not a name, in the lead field: no task of fields; the section's lines read as they always were.
      "2. Sở Nội vụ",
      "- Chủ trì: tổ chức thực hiện các nội dung về cải cách hành chính.",
    ].join("\n"))).toEqual([
      ["1", "tham mưu bố trí kinh phí thực hiện Kế hoạch.", "Sở Tài chính", "các sở, ngành", "Tháng 3/2026", "Quyết định giao dự toán"],
      ["2", "tổ chức thực hiện các nội dung về cải cách hành chính.", "Sở Nội vụ", "", null, null],
    ]);
  });

  it("reads a work with thousands of lines of fields as one task (within the test's time limit: linear, not quadratic)", () => {
    const fields = Array.from({ length: 5000 }, (_, i) => `- Cơ quan phối hợp: Sở số ${i}; thời gian: năm 2026.`).join("\n");
    const tasks = read(`1. Rà soát hiện trạng các điểm du lịch\n- Cơ quan chủ trì: Sở Du lịch.\n${fields}`);
    expect(tasks).toHaveLength(1);
    expect(String(tasks[0][3]).split("; ")).toHaveLength(5000);
  });
});

describe("agencies named in a table's cells", () => {
  const leads = (cell: string) => {
    const text = `PHỤ LỤC\nTT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành\n1 | Tổ chức đào tạo kỹ năng phục vụ khách du lịch | ${cell} | Năm 2026\n`;
    return extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => t.lead);
  };

  it("keeps a cell's name whole: a qualifier after a collective, the rest of a name with a comma in it", () => {
    expect(leads("UBND các xã có điểm du lịch cộng đồng")).toEqual([["UBND các xã có điểm du lịch cộng đồng"]]);
    expect(leads("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh")).toEqual([["Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"]]);
    // (Two agencies, not one: another agency's head after the comma, or no "và" ending a name.)
    expect(leads("Sở Tài chính, Kho bạc Nhà nước khu vực XI")[0]).not.toContain("Sở Tài chính, Kho bạc Nhà nước khu vực XI");
    expect(leads("Sở Y tế, Phòng Văn hóa - Xã hội")[0]).not.toContain("Sở Y tế, Phòng Văn hóa - Xã hội");
  });
});

describe("assignments written after the work", () => {
  const read = (body: string) => planTasks(body).map(brief4);

  it("reads the lead and partners in brackets or after a dash closing the paragraph, and the work before them", () => {
    expect(read([
      "1. Tăng cường tuyên truyền về tác hại của thuốc lá trên các phương tiện thông tin đại chúng (Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Báo Quảng Bình thực hiện).",
      "2. Kiểm tra việc thực hiện quy định cấm hút thuốc lá tại nơi công cộng (Sở Y tế chủ trì; Công an tỉnh phối hợp).",
      "3. Đưa nội dung phòng, chống tác hại của thuốc lá vào hoạt động ngoại khóa. (Giao Sở Giáo dục và Đào tạo thực hiện)",
      "4. Bố trí kinh phí thực hiện Kế hoạch - Sở Tài chính chủ trì thực hiện.",
    ].join("\n"))).toEqual([
      ["1", "Tăng cường tuyên truyền về tác hại của thuốc lá trên các phương tiện thông tin đại chúng", "Sở Văn hóa, Thể thao và Du lịch", "Báo Quảng Bình"],
      ["2", "Kiểm tra việc thực hiện quy định cấm hút thuốc lá tại nơi công cộng", "Sở Y tế", "Công an tỉnh"],
      ["3", "Đưa nội dung phòng, chống tác hại của thuốc lá vào hoạt động ngoại khóa.", "Sở Giáo dục và Đào tạo", ""],
      ["4", "Bố trí kinh phí thực hiện Kế hoạch", "Sở Tài chính", ""],
    ]);
  });

  it("takes no assignment from brackets that say more than who does the work, or that assign nothing", () => {
    expect(read([
      "1. Sở Nội vụ",
      "- Rà soát các xã chưa đạt chuẩn (trừ các xã đã được công nhận năm 2025).",
      "- Hướng dẫn các xã hoàn thiện hồ sơ (Sở Tư pháp chủ trì thẩm định hồ sơ của các xã).",
    ].join("\n"))).toEqual([
      ["1", "Rà soát các xã chưa đạt chuẩn (trừ các xã đã được công nhận năm 2025).", "Sở Nội vụ", ""],
      ["1", "Hướng dẫn các xã hoàn thiện hồ sơ (Sở Tư pháp chủ trì thẩm định hồ sơ của các xã).", "Sở Nội vụ", ""],
    ]);
  });
});

describe("assignments inside a paragraph, as a conclusion notice states them", () => {
  const read = (body: string) => planTasks(body, "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh").map((t) => [t.section, t.lead.join("; "), t.coordinating.join("; "), t.text]);

  it("reads each sentence that assigns work after the first, and each clause an agency opens after ';'", () => {
    expect(read([
      "1. Về dự án đường vành đai 5: Tiến độ giải phóng mặt bằng còn chậm. Giao UBND xã Thanh Liêm hoàn thành bàn giao mặt bằng trước ngày 30/4/2026. Giao Sở Tài chính thẩm định phương án bồi thường trong tháng 4/2026.",
      "2. Về khu tái định cư: Yêu cầu Ban Quản lý dự án đầu tư xây dựng tỉnh đẩy nhanh thi công, hoàn thành trước ngày 30/6/2026; Sở Xây dựng kiểm tra chất lượng công trình.",
      "3. Sở Tài chính bố trí kinh phí thực hiện; các sở, ngành liên quan phối hợp thực hiện.",
    ].join("\n"))).toEqual([
      ["1", "UBND xã Thanh Liêm", "", "hoàn thành bàn giao mặt bằng trước ngày 30/4/2026"],
      ["1", "Sở Tài chính", "", "thẩm định phương án bồi thường trong tháng 4/2026"],
      ["2", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "", "đẩy nhanh thi công, hoàn thành trước ngày 30/6/2026"],
      ["2", "Sở Xây dựng", "", "kiểm tra chất lượng công trình."],
      // (Agencies that only cooperate, after ";", are the work's partners.)
      ["3", "Sở Tài chính", "các sở, ngành liên quan", "bố trí kinh phí thực hiện; các sở, ngành liên quan phối hợp thực hiện."],
    ]);
  });

  it("keeps a paragraph whose clauses after ';' open with no agency one task", () => {
    expect(read("1. UBND các xã, phường tổ chức tuyên truyền; chịu trách nhiệm trước UBND tỉnh về kết quả thực hiện.").map((t) => t[3]))
      .toEqual(["tổ chức tuyên truyền; chịu trách nhiệm trước UBND tỉnh về kết quả thực hiện."]);
  });
});

describe("what the readers of this kind must not take (review of 2026-12-07)", () => {
  const read = (body: string) => planTasks(body).map(brief4);

  it("keeps later clauses when the first is no task, and a list of agencies after ';' one task", () => {
    expect(read("1. Các sở, ban, ngành tổ chức thực hiện; Sở Nội vụ theo dõi, đôn đốc, tổng hợp kết quả, báo cáo UBND tỉnh trước ngày 15/12/2026.").map((t) => t[2]))
      .toEqual(["Sở Nội vụ"]);
    expect(read("1. Sở Tài chính chủ trì, phối hợp với các cơ quan: Sở Nội vụ; Sở Tư pháp; Sở Y tế tham mưu UBND tỉnh ban hành quy chế quản lý tài chính.").map((t) => t[2]))
      .toEqual(["Sở Tài chính"]);
    expect(read("1. Sở Nội vụ chủ trì tổ chức kiểm tra công tác cải cách hành chính tại: Sở Xây dựng; Sở Công Thương; UBND các xã, phường.")).toHaveLength(1);
  });

  it("takes agencies that only cooperate, in brackets or after ';' with their mandate, as partners", () => {
    expect(read("1. Sở Y tế\n- Kiểm tra an toàn thực phẩm tại các bếp ăn tập thể (Công an tỉnh phối hợp).").map((t) => t[2])).toEqual(["Sở Y tế"]);
    expect(read("2. Sở Y tế chủ trì tổ chức tiêm chủng mở rộng cho trẻ em; các sở, ngành, địa phương theo chức năng, nhiệm vụ được giao phối hợp thực hiện.").map((t) => [t[2], t[3]]))
      .toEqual([["Sở Y tế", "các sở, ngành, địa phương"]]);
  });

  it("takes no numbered sibling for a line of fields, and no duty in a cell for a name", () => {
    expect(read("1. Hội thi tìm hiểu pháp luật\n2. Thời gian tổ chức: Tháng 6/2026.\n3. Trách nhiệm thực hiện: Sở Tư pháp chủ trì tổ chức hội thi.").map((t) => t[0]))
      .not.toContain("2");
    const text = "PHỤ LỤC\nTT | Nhiệm vụ | Cơ quan chủ trì\n1 | Tổng hợp kết quả thực hiện Kế hoạch | Sở Văn hóa, Thể thao và Du lịch có trách nhiệm báo cáo\n";
    expect(extractTasks(text, segmentLines(text), { kind: "plan" }).map((t) => t.lead)).toEqual([["Sở Văn hóa, Thể thao và Du lịch"]]);
  });
});
