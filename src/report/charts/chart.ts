/** One chart of the report: an SVG drawn from aggregates, with its title and reading note. */
export interface Chart {
  /** Stable, file-name-safe: also the PNG's name. */
  id: string;
  title: string;
  note: string;
  svg: string;
}
