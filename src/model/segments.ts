/** The segments of users by total orders (ANALYSIS.md §8). */
export const SEGMENT_NAMES = ["1", "2-4", "5+"] as const;

export type SegmentName = (typeof SEGMENT_NAMES)[number];
