// A first start on an empty embedded database: the migrations create the enums, and the compiled
// read path then binds enum arrays (`= ANY($1::"CaseStatus"[])`, e.g. an immigration officer's
// persons in active cases). PGlite serializes array parameters by the array types it knew at
// start, so without a reload those arrays were sent as `Active,FollowUp` and refused.
import { createLogger } from "../logger";
import { openDatabase } from "./database";
import { prepareSchema } from "./open";

test("enum array parameters work right after the migrations created the enums (PGlite, first start)", async () => {
  const db = await openDatabase({ kind: "pglite" });
  try {
    await prepareSchema(db, { migrate: true, log: createLogger("silent") });
    const rows = await db.read<{ n: number }>(`SELECT cardinality($1::"CaseStatus"[]) AS n`, [["Active", "FollowUp"]]);
    expect(rows).toEqual([{ n: 2 }]);
  } finally {
    await db.close();
  }
});
