import { describe, expect, it } from "vitest";
import { versionInForce, versionsByItem } from "./versions.js";

const original = { inForceFrom: null, min: 67 };
const lowered = { inForceFrom: "2025-07-01", min: 65 };
const raised = { inForceFrom: "2027-01-01", min: 70 };

describe("the version in force on a day", () => {
  it("is the original until the first change takes effect, then each change from its day", () => {
    const all = [raised, original, lowered];
    expect(versionInForce(all, "2024-12-31")).toBe(original);
    expect(versionInForce(all, "2025-06-30")).toBe(original);
    expect(versionInForce(all, "2025-07-01")).toBe(lowered);
    expect(versionInForce(all, "2026-12-31")).toBe(lowered);
    expect(versionInForce(all, "2027-01-01")).toBe(raised);
  });

  it("is none without versions, or before the first when the original is not kept", () => {
    expect(versionInForce([], "2025-01-01")).toBeNull();
    expect(versionInForce([lowered], "2025-01-01")).toBeNull();
    expect(versionInForce([lowered], "2025-12-31")).toBe(lowered);
  });

  it("groups rows by item, the original first", () => {
    const grouped = versionsByItem([{ id: 1, ...raised }, { id: 2, ...lowered }, { id: 1, ...original }], (r) => r.id);
    expect(grouped.get(1)!.map((v) => v.min)).toEqual([67, 70]);
    expect(grouped.get(2)!.map((v) => v.min)).toEqual([65]);
  });
});
