import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DuckDBEngine } from "../engine/duckdb/engine.js";
import type { FirstDimension } from "../model/columns.js";
import { segmentProfilesStage } from "./segment-profiles.js";
import type { StudyContext } from "./study-context.js";

// Segment `1`: two-way ties (concert/theatre, Kazan/Moscow) go to the value that sorts first;
// `2-4`: desktop/mobile tie; `5+`: empty.
const USERS = `(VALUES
  ('1',   100.0, 1.0, NULL, 'concert', 'mobile',  'Moscow'),
  ('1',   200.0, 2.0, NULL, 'theatre', 'mobile',  'Kazan'),
  ('1',   300.0, 3.0, NULL, 'theatre', 'desktop', 'Moscow'),
  ('1',   400.0, 2.0, NULL, 'concert', 'mobile',  'Kazan'),
  ('2-4', 500.0, 1.0, 10.0, 'sport',   'desktop', 'Omsk'),
  ('2-4', 700.0, 4.0, 20.0, 'sport',   'mobile',  'Omsk')
) AS t(segment, avg_revenue_rub, avg_tickets_count, avg_days_since_prev,
       first_event_type, first_device, first_region)`;

describe("segmentProfilesStage (ANALYSIS.md §8)", () => {
  let engine: DuckDBEngine;
  const context = (users: string, dimensions: FirstDimension[]): StudyContext => ({
    engine,
    users,
    orders: "unused",
    userIds: "unused",
    orderGaps: "unused",
    userPeriods: null,
    dimensions,
    minUsers: 1,
    topN: 15,
    dataEnd: "2024-12-31",
  });

  beforeAll(async () => {
    engine = await DuckDBEngine.open({ threads: 1 });
    await engine.run(`CREATE TABLE u AS SELECT * FROM ${USERS}`);
    await engine.run("CREATE TABLE empty AS SELECT * FROM u WHERE false");
  });
  afterAll(() => engine.close());

  it("profiles all three segments, ties to the value that sorts first", async () => {
    const all: FirstDimension[] = [
      "first_device",
      "first_event_type",
      "first_region",
      "first_city",
    ];
    expect(await segmentProfilesStage(context("u", all))).toEqual([
      {
        segment: "1",
        users: 4,
        share_of_users: 4 / 6,
        mean_avg_revenue_rub: 250,
        mean_avg_tickets_count: 2,
        mean_avg_days_since_prev: null,
        top: {
          first_event_type: { value: "concert", share: 0.5 },
          first_device: { value: "mobile", share: 0.75 },
          first_region: { value: "Kazan", share: 0.5 },
        },
      },
      {
        segment: "2-4",
        users: 2,
        share_of_users: 2 / 6,
        mean_avg_revenue_rub: 600,
        mean_avg_tickets_count: 2.5,
        mean_avg_days_since_prev: 15,
        top: {
          first_event_type: { value: "sport", share: 1 },
          first_device: { value: "desktop", share: 0.5 },
          first_region: { value: "Omsk", share: 1 },
        },
      },
      {
        segment: "5+",
        users: 0,
        share_of_users: 0,
        mean_avg_revenue_rub: null,
        mean_avg_tickets_count: null,
        mean_avg_days_since_prev: null,
        top: { first_event_type: null, first_device: null, first_region: null },
      },
    ]);
  });

  it("names the top value only of the dimensions the source has", async () => {
    const [one] = await segmentProfilesStage(context("u", ["first_device"]));
    expect(one?.top).toEqual({ first_device: { value: "mobile", share: 0.75 } });
  });

  it("gives empty segments and no shares when there are no users", async () => {
    const profiles = await segmentProfilesStage(context("empty", ["first_region"]));
    expect(profiles.map((p) => [p.segment, p.users, p.share_of_users, p.top])).toEqual([
      ["1", 0, null, { first_region: null }],
      ["2-4", 0, null, { first_region: null }],
      ["5+", 0, null, { first_region: null }],
    ]);
  });
});
