import { describe, expect, it } from "vitest";
import { cleanFileName } from "./route.js";

describe("cleanFileName", () => {
  it("keeps a Vietnamese name as it is, composed", () => {
    expect(cleanFileName("Kế hoạch 23-KH-UBND.docx")).toBe("Kế hoạch 23-KH-UBND.docx");
    expect(cleanFileName("Ke\u0302\u0301 hoa\u0323ch.pdf")).toBe("Kế hoạch.pdf");
  });

  it("drops control characters and direction overrides, and never answers an empty name", () => {
    expect(cleanFileName("ke\u0000hoach\n.txt")).toBe("kehoach.txt");
    expect(cleanFileName("hoso\u202efdp.exe")).toBe("hosofdp.exe");
    expect(cleanFileName("\u0000\u0001  ")).toBe("tep-tai-len");
  });

  it("cuts a long name to 255 characters, keeping its extension", () => {
    const name = cleanFileName(`${"dài ".repeat(200)}.docx`);
    expect(name).toHaveLength(255);
    expect(name.endsWith(".docx")).toBe(true);
  });
});
