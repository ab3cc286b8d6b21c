/** Indicators and their values written in bulk (publishing a plan): in batches, each row where it was given, each problem named by its place. */
import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../core/errors.js";
import { createDocument } from "../documents/commands.js";
import { documentInput } from "../documents/inputs.js";
import { openTestDatabase, type TestDatabase } from "../../test/support/database.js";
import { createIndicators, createValues } from "./indicators.js";
import { indicatorInput, type IndicatorInput } from "./inputs.js";
import { indicators, indicatorValues } from "./schema.js";

let t: TestDatabase;
let documentId: number;

beforeAll(async () => {
  t = await openTestDatabase();
  documentId = (await createDocument(t.store.db, documentInput.parse({ title: "Kế hoạch thử", symbol: "7/KH-UBND" }))).id;
}, 60_000);
afterAll(async () => { await t.drop(); });

const indicator = (k: number): IndicatorInput => indicatorInput.parse({ documentId, name: `Chỉ tiêu số ${k}`, unit: "%", comparator: ">=", min: k, targetYear: 2030 });
const problem = async (write: Promise<unknown>) => {
  const e = await write.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return (e as AppError).fields.map((f) => f.field);
};

describe("createIndicators and createValues", () => {
  it("write more than a batch of indicators, each id naming the indicator given at its place, and their values", async () => {
    const n = 1_203;
    const ids = await createIndicators(t.store.db, Array.from({ length: n }, (_, k) => indicator(k)));
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    const rows = await t.store.db.select({ id: indicators.id, name: indicators.name, min: indicators.min, search: indicators.searchFolded }).from(indicators)
      .where(inArray(indicators.id, ids)).orderBy(asc(indicators.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    ids.forEach((id, k) => {
      expect(byId.get(id)?.name).toBe(`Chỉ tiêu số ${k}`);
      expect(Number(byId.get(id)?.min)).toBe(k);
    });
    expect(byId.get(ids[3])?.search).toContain("chi tieu so 3");
    await createValues(t.store.db, ids.map((indicatorId, k) => ({ indicatorId, period: "2024", value: k / 2, kind: "actual" as const, sourceDocumentId: documentId })));
    const values = await t.store.db.select({ indicatorId: indicatorValues.indicatorId, value: indicatorValues.value, periodYear: indicatorValues.periodYear })
      .from(indicatorValues).where(inArray(indicatorValues.indicatorId, ids));
    expect(values).toHaveLength(n);
    const valueOf = new Map(values.map((v) => [v.indicatorId, v]));
    expect(Number(valueOf.get(ids[1_202])?.value)).toBe(601);
    expect(valueOf.get(ids[0])?.periodYear).toBe(2024);
  });

  it("name a problem by the item's place in the list, and write nothing of a list with one", async () => {
    const before = (await t.store.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.documentId, documentId))).length;
    const wrong = [indicator(0), indicator(1), indicator(2), { ...indicator(3), comparator: "range" as const, max: null }];
    expect(await problem(createIndicators(t.store.db, wrong))).toEqual(["3.max"]);
    expect(await problem(createIndicators(t.store.db, [indicator(0), { ...indicator(1), ownerId: 999_999 }]))).toEqual(["1.ownerId"]);
    expect((await t.store.db.select({ id: indicators.id }).from(indicators).where(eq(indicators.documentId, documentId))).length).toBe(before);
    const [id] = await createIndicators(t.store.db, [indicator(9)]);
    const value = { indicatorId: id, period: "2025", value: 1, kind: "actual" as const };
    expect(await problem(createValues(t.store.db, [value, value, { ...value, indicatorId: 999_999 }]))).toEqual(["2.indicatorId"]);
    expect(await problem(createValues(t.store.db, [value, { ...value, agencyId: 999_999 }]))).toEqual(["1.agencyId"]);
    expect(await problem(createValues(t.store.db, [value, { ...value, sourceDocumentId: 999_999 }]))).toEqual(["1.sourceDocumentId"]);
  });
});
