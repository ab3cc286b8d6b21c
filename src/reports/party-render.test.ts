/**
 * `theodoi report --plan 11-NQ/TW --period 2024 --template party` on the sample province: a Party
 * committee's self-monitoring report as .docx, rendered by LibreOffice and read back page by page.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleProvinceCli, type SampleCli } from "../../test/support/cli.js";

const SOFFICE = "/usr/bin/soffice";
const haveLibreOffice = existsSync(SOFFICE) && existsSync("/usr/bin/pdftotext");
if (!haveLibreOffice && process.env.THEODOI_REQUIRE_LIBREOFFICE === "1") throw new Error("LibreOffice or pdftotext missing (apt-get install -y libreoffice-writer poppler-utils)");

let dir: string;
let cli: SampleCli;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "theodoi-party-report-"));
  cli = await sampleProvinceCli(dir);
}, 240_000);
afterAll(async () => {
  await cli?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const run = (...args: string[]) => cli.run(...args);

describe("theodoi report --template party", { timeout: 240_000 }, () => {
  it("refuses an unknown template and a malformed year, naming the option", async () => {
    const bad = await run("report", "--plan", "11-NQ/TW", "--period", "2024", "--template", "royal", "--out", join(dir, "x.docx"));
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--template: state hoặc party");
    const noYear = await run("report", "--plan", "11-NQ/TW", "--out", join(dir, "x.docx"));
    expect(noYear.code).not.toBe(0);
    expect(noYear.stderr).toContain("--period");
  });

  it.skipIf(!haveLibreOffice)("writes 11-NQ/TW's 2024 self-monitoring report in the Party's form, which LibreOffice renders: header, number, signature, sections in order", async () => {
    const out = join(dir, "tu-giam-sat.docx");
    // --year is --period's other name.
    const made = await run("report", "--plan", "11-NQ/TW", "--year", "2024", "--template", "party", "--out", out);
    expect(made.code, made.stderr).toBe(0);
    execFileSync(SOFFICE, ["--headless", "--convert-to", "pdf", "--outdir", dir, out], { stdio: "ignore", timeout: 120_000, env: { ...process.env, HOME: dir } });
    const pages = execFileSync("pdftotext", [join(dir, "tu-giam-sat.pdf"), "-"], { encoding: "utf8" }).split("\f").filter((p) => p.trim());
    const first = pages[0].replace(/\s+/g, " ");
    for (const s of ["TỈNH ỦY LẠNG SƠN", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/TU", "Lạng Sơn, ngày", "BÁO CÁO", "Kết quả triển khai thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị năm 2024"]) expect(first).toContain(s);
    expect(first).toMatch(/Số\s+-BC\/TU/u);
    expect(first).not.toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(first).not.toContain("/BC-UBND");
    const all = pages.join(" ").replace(/\s+/g, " ");
    // The sections in 001's order, then Nơi nhận and the signature block beside it (read left column first), then the appendices.
    const order = ["I- KHÁI QUÁT CHUNG VỀ ĐỊA PHƯƠNG", "1. Khái quát chung", "2. Tình hình triển khai", "II- KẾT QUẢ ĐẠT ĐƯỢC", "1. Công tác lãnh đạo, chỉ đạo",
      "2. Việc ban hành văn bản", "3. Kết quả thực hiện các chỉ tiêu, nhiệm vụ", "4. Các dự án, công trình trọng điểm", "5. Đánh giá chung",
      "III- HẠN CHẾ, NGUYÊN NHÂN VÀ BÀI HỌC KINH NGHIỆM", "1. Hạn chế", "2. Nguyên nhân", "a) Nguyên nhân khách quan", "b) Nguyên nhân chủ quan", "3. Bài học kinh nghiệm",
      "IV- NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", "V- ĐỀ XUẤT, KIẾN NGHỊ", "Nơi nhận:", "- Lưu Văn phòng Tỉnh ủy.", "T/M BAN THƯỜNG VỤ", "BÍ THƯ",
      "DANH MỤC VĂN BẢN BAN HÀNH TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT", "Phụ lục II", "Phụ lục III"];
    let from = 0;
    for (const s of order) {
      const at = all.indexOf(s, from);
      expect(at, `"${s}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + s.length;
    }
    // The whole chain in Appendix I, the department's plan under the programme it carries out.
    const appendix = all.slice(all.indexOf("DANH MỤC VĂN BẢN BAN HÀNH"));
    for (const s of ["96/NQ-CP", "1059-QĐ/TU", "52-CTr/TU", "3.1 23/KH-UBND"]) expect(appendix).toContain(s);
    // Page numbers from page 2 on.
    expect(pages[1].trim().split("\n")[0].trim()).toBe("2");
  });
});
