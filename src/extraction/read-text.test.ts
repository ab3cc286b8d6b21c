import { describe, expect, it } from "vitest";
import { readText, UnreadableFileError } from "./read-text.js";

const text = "Kế hoạch số 23/KH-UBND\r\nTỷ lệ che phủ rừng đạt 67%";

describe("readText", () => {
  it("reads UTF-8 with and without BOM, normalising line ends and to NFC", () => {
    const expected = "Kế hoạch số 23/KH-UBND\nTỷ lệ che phủ rừng đạt 67%";
    expect(readText(Buffer.from(text, "utf8"))).toBe(expected);
    expect(readText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]))).toBe(expected);
    expect(readText(Buffer.from(text.normalize("NFD"), "utf8"))).toBe(expected);
  });

  it("reads UTF-16 with a BOM, and without one by its zero bytes", () => {
    const le = Buffer.from(text, "utf16le");
    expect(readText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toContain("Tỷ lệ che phủ");
    expect(readText(le)).toContain("Tỷ lệ che phủ");
    const be = Buffer.from(le).swap16();
    expect(readText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toContain("Tỷ lệ che phủ");
  });

  it("refuses a legacy 8-bit encoding, a binary file and an empty file with a message to act on", () => {
    const latin1 = Buffer.from([0x4b, 0xe9, 0x20, 0x68, 0x6f, 0xe1, 0x63, 0x68]);
    expect(() => readText(latin1)).toThrow(/UTF-8/);
    const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 32));
    expect(() => readText(binary)).toThrow(UnreadableFileError);
    expect(() => readText(Buffer.from(" \n\t "))).toThrow(/không có nội dung/);
  });
});
