import { describe, expect, it } from "vitest";
import { readDocument } from "./read.js";

describe("readDocument", () => {
  it("reads plain text by its name", async () => {
    expect(await readDocument("ke-hoach.txt", Buffer.from("Kế hoạch số 23/KH-UBND\r\n"))).toBe("Kế hoạch số 23/KH-UBND\n");
    expect(await readDocument("KE-HOACH", Buffer.from("Kế hoạch"))).toBe("Kế hoạch");
  });

  it("refuses a binary file renamed .txt, an oversized file and an empty one", async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31 + 7) % 256));
    await expect(readDocument("anh.txt", binary)).rejects.toMatchObject({ reason: "binary" });
    const huge = Buffer.alloc(60 * 1024 * 1024, "a");
    await expect(readDocument("lon.txt", huge)).rejects.toMatchObject({ reason: "too_large", message: expect.stringMatching(/60 MB.*20 MB/) });
    await expect(readDocument("rong.docx", new Uint8Array(0))).rejects.toMatchObject({ reason: "empty" });
  });

  it("names the accepted formats for any other file", async () => {
    await expect(readDocument("bang.xlsx.bak", Buffer.from("x"))).rejects.toMatchObject({ reason: "unsupported", message: expect.stringMatching(/\.docx.*\.pdf.*\.txt/) });
    await expect(readDocument("van-ban.rtf", Buffer.from("{\\rtf1\\ansi Kế hoạch}"))).rejects.toMatchObject({ reason: "unsupported", message: expect.stringMatching(/RTF/) });
  });
});
