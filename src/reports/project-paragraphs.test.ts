import { describe, expect, it } from "vitest";
import { evaluateProject, type ProjectFigure } from "../evaluation/projects.js";
import type { ProjectSummary } from "../plans/projects.js";
import { projectParagraph } from "./project-paragraphs.js";

const facts = { areaHa: 640.28, lengthKm: 59.87, startsOn: "2023-01-01", clearanceDueOn: null, completesOn: "2026-12-31" };
const figures: ProjectFigure[] = [
  { measure: "clearance", value: 366.55, of: 640.28, unit: "ha", asOf: "2024-10-31", year: null },
  { measure: "length", value: 39.9, of: 59.87, unit: "km", asOf: "2024-10-31", year: null },
  { measure: "capital_allocated", value: 1288.123, of: null, unit: "tỷ đồng", asOf: "2024-10-31", year: 2024 },
  { measure: "disbursed", value: 490.1, of: 1288.123, unit: "tỷ đồng", asOf: "2024-10-31", year: 2024 },
];
const project = (over: Partial<ProjectSummary> = {}): ProjectSummary => ({
  id: 1, documentId: 1, name: "Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT", description: null, leadId: null, leadName: null,
  location: null, investment: 11024.7, capitalSources: null, ...facts, version: 1, createdAt: "", updatedAt: "", plans: [],
  evaluation: evaluateProject(facts, figures, "2024-12-15"), ...over,
});

describe("projectParagraph", () => {
  it("writes each figure once, as precise as recorded, as of its date, with the cause the investor gave", () => {
    const text = projectParagraph(project(), ["Sở Xây dựng: Vướng mắc giải phóng mặt bằng tại huyện Cao Lộc."]);
    expect(text).toBe("Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT (tổng mức đầu tư 11.024,7 tỷ đồng; thời gian thực hiện 2023 - 2026): "
      + "kết quả đến 31/10/2024: đã bàn giao mặt bằng 366,55/640,28 ha, đạt 57,25%; 39,9/59,87 km, đạt 66,64%; giải ngân 490,1/1.288,123 tỷ đồng, đạt 38,05% kế hoạch vốn năm 2024. "
      + "Dự án chậm tiến độ: giải ngân chậm so với tiến độ thời gian (đã qua 83,33% của năm). "
      + "Nguyên nhân, theo báo cáo của Sở Xây dựng: Vướng mắc giải phóng mặt bằng tại huyện Cao Lộc.");
    expect(text.match(/1\.288,123/g)).toHaveLength(1);
    expect(text).not.toMatch(/1\.288,12(?!3)/);
  });
  it("says when a project has no figures yet", () => {
    expect(projectParagraph(project({ investment: null, startsOn: null, evaluation: evaluateProject(facts, [], "2024-12-15") }), []))
      .toBe("Tuyến cao tốc cửa khẩu Hữu Nghị - Chi Lăng theo hình thức BOT: chưa có số liệu về tiến độ.");
  });
});
