import { describe, expect, it } from "vitest";
import { successorsOn } from "./successions.js";

describe("successorsOn", () => {
  const chain = [
    { predecessorId: 1, successorId: 2, effectiveDate: "2025-03-01" }, // KH&ĐT merged into Tài chính
    { predecessorId: 2, successorId: 3, effectiveDate: "2026-01-01" }, // and later renamed
    { predecessorId: 4, successorId: 5, effectiveDate: "2025-03-01" }, // split in two
    { predecessorId: 4, successorId: 6, effectiveDate: "2025-03-01" },
    { predecessorId: 7, successorId: 8, effectiveDate: "2025-03-01" }, // bad data: a cycle
    { predecessorId: 8, successorId: 7, effectiveDate: "2025-03-01" },
  ];
  it("keeps an agency before its change and follows the chain after", () => {
    expect(successorsOn(chain, 1, "2025-02-28")).toEqual([1]);
    expect(successorsOn(chain, 1, "2025-03-01")).toEqual([2]);
    expect(successorsOn(chain, 1, "2026-06-30")).toEqual([3]);
  });
  it("hands a split agency's work to every successor, and stops at a cycle", () => {
    expect(successorsOn(chain, 4, "2025-12-31")).toEqual([5, 6]);
    expect(successorsOn(chain, 7, "2025-12-31")).toEqual([7]);
  });
});
