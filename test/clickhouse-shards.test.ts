import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDemoCsv } from "../src/demo/write-demo.js";
import { clickhouseDialect as d } from "../src/engine/clickhouse/dialect.js";
import type { Row } from "../src/engine/engine.js";
import { loadIntoClickHouse } from "../src/load/load-clickhouse.js";
import { type ChdbForTest, openChdb } from "./chdb-engine.js";

/*
 * docs/clickhouse.md runs the per-user step on the shards of a cluster whose orders are
 * sharded by user_id, and only concatenates on the initiator. chDB has no network server,
 * so a Distributed table cannot reach a shard in it (every shard is remote and the
 * connection is refused). What it can show is why the plan is right: the same statement,
 * run on each shard's rows alone and the results put end to end, gives the per-user table
 * of all rows, because every user lives on exactly one shard.
 */

/** A per-user aggregation of the kinds the study's per-user step uses. */
const perUser = (where: string) => `
  SELECT user_id, count() AS orders, min(order_ts) AS first_ts,
    ${d.secondSmallest("order_ts")} AS second_ts,
    ${d.firstBy(["order_ts", "order_id"], "event_type_main")} AS first_event,
    ${d.roundMoney("sum(toFloat64OrNull(revenue))")} AS revenue
  FROM orders WHERE ${where} GROUP BY user_id`;

const byUser = (rows: Row[]) =>
  [...rows].sort((a, b) => String(a.user_id).localeCompare(String(b.user_id)));

describe("the per-user step split across shards by user_id (chDB)", () => {
  let chdb: ChdbForTest;
  let whole: Row[];
  beforeAll(async () => {
    chdb = await openChdb();
    const demo = join(chdb.dir, "demo");
    await writeDemoCsv(demo, { users: 300, seed: 11 });
    await loadIntoClickHouse({
      connection: { kind: "chdb", dir: chdb.dir },
      orders: { kind: "file", path: join(demo, "orders.csv"), format: "csv" },
      table: "orders",
    });
    whole = byUser(await chdb.engine.all(perUser("1")));
  });
  afterAll(async () => {
    await chdb?.close();
  });

  /** Each shard's per-user rows, concatenated as distributed_group_by_no_merge returns them. */
  const onShards = async (shardOf: string, shards: number) => {
    const parts: Row[] = [];
    for (let shard = 0; shard < shards; shard++)
      parts.push(...(await chdb.engine.all(perUser(`${shardOf} % ${shards} = ${shard}`))));
    return parts;
  };

  it("sharded by cityHash64(ifNull(user_id, '')): the concatenated shard results are the per-user table", async () => {
    // 300 users, and the orders without a user_id, grouped as one.
    expect(whole.length).toBe(301);
    for (const shards of [2, 3]) {
      const parts = await onShards("cityHash64(ifNull(user_id, ''))", shards);
      expect(byUser(parts)).toEqual(whole);
    }
  });

  it("sharded by anything else, a user is split across shards and the rows must be merged", async () => {
    const parts = await onShards("cityHash64(order_id)", 2);
    expect(parts.length).toBeGreaterThan(whole.length);
  });
});
