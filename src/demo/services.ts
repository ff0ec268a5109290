/**
 * The ticket operators (service_name): 30 fictional names with a Zipf-like skew, so a
 * handful carry most orders and a long tail carries the rest. Two names need CSV quoting
 * (a comma, a double quote), which exercises RFC 4180 readers.
 */
const NAMES = [
  "Tickets Without Trouble",
  "Catch a Ticket!",
  "My Ticket",
  "Tickets in Hand",
  "Cloudlet",
  "Front Row",
  "Lucky Seat",
  "Show Time",
  "Ticket Lane",
  "Big Stage",
  "Curtain Call",
  "Backstage Pass",
  "Tickets, Please!",
  "Applause",
  "City Events",
  "Weekend Plans",
  "Spotlight",
  "Second Act",
  "Matinee",
  'The "Golden" Ticket',
  "Gallery Pass",
  "Encore Box",
  "Stalls & Boxes",
  "Night Out",
  "Pocket Theatre",
  "Premiere",
  "Intermission",
  "Loud Hall",
  "Last Minute",
  "Gate Seven",
] as const;

export const SERVICES: readonly (readonly [string, number])[] = NAMES.map(
  (name, i) => [name, 1 / (i + 1) ** 1.15] as const,
);
