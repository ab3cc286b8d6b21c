import { describe, expect, it } from "vitest";
import { segmentLines } from "./segment.js";
import { headerColumns, tablesOf, textTables } from "./tables.js";

describe("tablesOf", () => {
  const text = [
    "TT | Nội dung | Cơ quan chủ trì", "I | Hạ tầng số", "1 | Trung tâm dữ liệu | Sở Khoa học và Công nghệ", "2 | Mạng chuyên dùng | ",
    "Đoạn văn giữa hai bảng.", "3 | Dòng lạc | Sở Tài chính",
  ].join("\n");
  const read = (cells: { text: string }[]) => {
    const columns = headerColumns(cells as never, [["number", /^tt$/], ["work", /noi dung/], ["lead", /chu tri/]]);
    return columns && columns.size === 3 ? columns : null;
  };

  it("reads the rows under a recognised header: the group row sets their group, an empty cell takes the one merged down from above", () => {
    const [table, ...others] = tablesOf(text, segmentLines(text), read, ["lead"]);
    expect(others).toEqual([]);
    expect(table.rows.map((r) => [r.group, r.cells.map((c) => c.text)])).toEqual([
      ["I", ["1", "Trung tâm dữ liệu", "Sở Khoa học và Công nghệ"]],
      ["I", ["2", "Mạng chuyên dùng", "Sở Khoa học và Công nghệ"]],
    ]);
  });
});

describe("textTables", () => {
  it("finds each run of table rows with the offsets of its rows and cells", () => {
    const text = "KẾ HOẠCH\nTT | Chỉ tiêu | Năm 2025\n\n1 | Tỷ lệ đô thị hóa | 25%\nĐoạn sau.\nChỉ một | ô";
    const tables = textTables(text);
    expect(tables.map((t) => t.rows.map((r) => r.cells.map((c) => c.text)))).toEqual([
      [["TT", "Chỉ tiêu", "Năm 2025"], ["1", "Tỷ lệ đô thị hóa", "25%"]],
      [["Chỉ một", "ô"]],
    ]);
    for (const t of tables) for (const r of t.rows) for (const c of r.cells) expect(text.slice(c.start, c.start + c.text.length)).toBe(c.text);
    expect(text.slice(tables[0].start, tables[0].end)).toBe("TT | Chỉ tiêu | Năm 2025\n\n1 | Tỷ lệ đô thị hóa | 25%");
  });
});

describe("cellsOf", () => {
  it("keeps a row's empty first cell unless both outer cells are empty ('| a | b |')", () => {
    expect(textTables("TT | Nội dung | Chủ trì\n | Rà soát văn bản | Sở Tư pháp").flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text))))
      .toEqual([["TT", "Nội dung", "Chủ trì"], ["", "Rà soát văn bản", "Sở Tư pháp"]]);
    expect(textTables("| TT | Nội dung |\n| 1 | Rà soát |").flatMap((t) => t.rows.map((r) => r.cells.map((c) => c.text))))
      .toEqual([["TT", "Nội dung"], ["1", "Rà soát"]]);
  });
});

describe("a table continued on the next page", () => {
  it("goes on after its header repeated, and after footnotes between, in the same group", () => {
    const text = [
      "TT | Nội dung | Cơ quan chủ trì", "II | Hạ tầng", "1 | Trung tâm dữ liệu | Sở Khoa học và Công nghệ",
      "[3] Theo Quyết định số 12/QĐ-UBND.", "\f", "TT | Nội dung | Cơ quan chủ trì", "2 | Mạng chuyên dùng | Văn phòng UBND tỉnh",
    ].join("\n");
    const read = (cells: { text: string }[]) => (cells.length === 3 && cells[2].text === "Cơ quan chủ trì" ? new Map([["lead", 2]]) : null);
    const tables = tablesOf(text, segmentLines(text), read as never);
    expect(tables).toHaveLength(1);
    expect(tables[0].rows.map((r) => [r.group, r.cells[0].text])).toEqual([["II", "1"], ["II", "2"]]);
  });

  it("ends the row the page break cut with the tail under the repeated header", () => {
    const text = [
      "TT | Nội dung | Cơ quan chủ trì", "1 | Xây dựng nền tảng | Sở Khoa học và", "\f", "TT | Nội dung | Cơ quan chủ trì",
      " | chuyển đổi số | Công nghệ", "2 | Mạng chuyên dùng | Văn phòng UBND tỉnh",
    ].join("\n");
    const read = (cells: { text: string }[]) => (cells.length === 3 && cells[2].text === "Cơ quan chủ trì" ? new Map([["lead", 2]]) : null);
    const [table] = tablesOf(text, segmentLines(text), read as never);
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["1", "Xây dựng nền tảng chuyển đổi số", "Sở Khoa học và Công nghệ"], ["2", "Mạng chuyên dùng", "Văn phòng UBND tỉnh"],
    ]);
    // Without a page break, a row without a number stays a row.
    const plain = ["TT | Nội dung | Cơ quan chủ trì", "1 | A | Sở Tài chính", " | B | Sở Nội vụ"].join("\n");
    expect(tablesOf(plain, segmentLines(plain), read as never)[0].rows).toHaveLength(2);
  });
});
