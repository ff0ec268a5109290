import type { RejectReason } from "../prepare/reasons.js";

/** Positions of the ANALYSIS.md §1 columns in a row's cells (the order of ORDER_COLUMNS). */
export const COL = {
  userId: 0,
  orderId: 1,
  orderTs: 2,
  orderDt: 3,
  revenue: 4,
  currency: 5,
  tickets: 6,
  device: 7,
  eventType: 8,
  region: 9,
  city: 10,
  service: 11,
  daysSincePrev: 12,
} as const;

export const DIMENSION_COLS = [
  COL.device,
  COL.eventType,
  COL.region,
  COL.city,
  COL.service,
] as const;

/**
 * One written row: its cells as text, exactly as they go into the file, and what the
 * preparation of ANALYSIS.md §2 must do with it (the planted truth, row by row).
 */
export interface DemoRow {
  readonly cells: string[];
  readonly expect: "accepted" | RejectReason;
}
