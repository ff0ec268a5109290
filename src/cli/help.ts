import type { CommandName } from "./parse-cli.js";

const MAIN = `encore: do your customers come back?

Usage: encore <command> [options]

Commands:
  analyze    analyse orders (a file, or a PostgreSQL or ClickHouse table or query): the
             ledger, the per-user table, the study, the report
  serve      open the study as a local page: the report's sections for any filter of
             first-order dates, values and segment, with customer lists to download
  load       load orders (and rates) files into PostgreSQL or ClickHouse tables
  report     re-render the HTML report (and PNG charts) from a results.json
  demo       generate the built-in demo data and analyse it
  generate   write the demo data (orders and exchange rates) without analysing it

Run encore <command> --help for a command's options.`;

const COMMANDS: Record<CommandName, string> = {
  analyze: `Usage: encore analyze --orders FILE --out DIR [options]
       encore analyze --source postgres|clickhouse --orders TABLE|QUERY --out DIR [options]

Reads the orders (CSV, CSV.gz or Parquet; or a database's table or query), accounts for
every row, converts revenue to roubles at dated rates, builds the per-user table and writes
into DIR:
  results.json                  every figure, with a schema version
  report.html                   the self-contained report (--lang en or ru)
  agg_users.csv, .parquet       the per-user table (excluded_by_filter marks the outliers)
  rejects.csv, .parquet         every rejected row with its reason and row number
  predictions.csv, .parquet     per user: P(alive), expected orders, order value, customer value
(from a database, these tables are written as CSV, streamed from the server)

With --source postgres the whole study runs inside PostgreSQL, in a read-only session
whose working tables are temporary: Encore writes nothing to the database. The
connection comes from DATABASE_URL or PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE, in
the environment or in a .env file. With --source clickhouse it runs inside ClickHouse,
writing only temporary tables of its session; the connection comes from CLICKHOUSE_URL
(http://user:password@host:8123/database, or chdb:DIR for the embedded engine) or
CLICKHOUSE_HOST, _PORT, _USER, _PASSWORD, _DATABASE. Ctrl-C or SIGTERM cancels the running
query.

Options:
  --source files|postgres|clickhouse
                            where the orders are (default files)
  --orders FILE|TABLE|QUERY the orders: a file; with a database source a table
                            (schema.table, database.table) or a query (SELECT … / WITH …)
  --rates FILE|TABLE|QUERY  exchange rates: date,currency_code,nominal,rate
  --dotenv FILE             the .env file with the connection (default ./.env)
  --statement-timeout T     the database's limit per statement, e.g. 90s, 10min (default
                            30min; 0 for none)
  --postgres-mode auto|copy|in-database
                            with --source postgres: copy the rows out once (COPY) and study
                            them in the embedded engine, or run every statement in the
                            database; auto copies up to 50 million orders (default auto)
  --config FILE             a JSON config (see the README); flags win over it
  --out DIR                 where to write the outputs
  --map COL=SOURCE          map one of Encore's columns onto a source column; repeat or
                            separate with commas; SOURCE @row_number numbers the rows
  --filter-quantile Q       the order-count percentile filter, in (0, 1] or none (default 0.9)
  --data-end YYYY-MM-DD     the end of the observation window (default: the last order date)
  --currency CODE           the currency the amounts are in, for the labels of the report and
                            the summary: rub (default), usd, eur, gbp, kzt, cny, byn
  --min-users N             smaller entry-point values are pooled into other (default 30)
  --top-n N                 values kept per entry-point dimension (default 15)
  --memory-limit SIZE       the engine's memory limit, e.g. 1GB (default); it spills past it
  --temp-directory DIR      where the engine keeps its copy of a CSV and spills past the memory
                            limit (default TMPDIR)
  --csv-raw                 write text into the CSV outputs as it is (by default a text
                            starting with = + - @ gets a leading ' so spreadsheets show it)
  --no-predict              skip the models of who will come back (and predictions.csv)
  --horizon-days N          the prediction horizon: expected orders in the next N days
                            (default 90)
  --time-unit days|weeks    the models' time unit; the predictions are the same, α and the
                            log-likelihood are stated in it (default days)
  --clv-months N            customer value: the months ahead (default 12)
  --monthly-discount-rate R customer value: the discount per month, in [0, 1] (default 0.01)
  --calibration-end DATE    the holdout check fits the models on the orders up to this date,
                            YYYY-MM-DD (default: the data end less the horizon, at most a
                            third of the span)
  --cohort-period month|week  acquisition cohorts by month (default) or ISO week
  --cohort-from DATE        study only customers whose first order is on or after DATE
  --cohort-to DATE          … and on or before DATE (their first orders are found over all
                            the data, so no returning customer counts as new)
  --where COLUMN=VALUE      study only customers whose first order has this value of a
                            first-order attribute (event_type_main, device_type_canonical,
                            region_name, service_name, city_name); repeat the flag to keep
                            more values, of one attribute or several
  --segment 1|2-4|5+        study only the customers of one segment of total orders
  --compare A..B,C..D       compare the customers first acquired in two periods, e.g.
                            2024-06-01..2024-07-31,2024-08-01..2024-09-30
  --adjusted-days N         the adjusted effects' outcome: a second order within N days
                            (default 90)
  --lang en|ru              the report's language (default en)
  -q, --quiet               no progress on stderr`,
  load: `Usage: encore load --to postgres|clickhouse --orders FILE [--rates FILE] --table NAME [options]

Loads an orders file (CSV, CSV.gz or Parquet), and a rates file, into new tables, to try
Encore on a database. CSV columns are loaded as text, which Encore parses exactly as it
parses files.
  --to postgres     with COPY, in one transaction; the connection comes from DATABASE_URL
                    or the PG* variables
  --to clickhouse   into MergeTree tables (dropped again if the load fails); the connection
                    comes from CLICKHOUSE_URL (http(s)://user:password@host:8123/database, or
                    chdb:DIR for the embedded engine on a directory) or CLICKHOUSE_HOST,
                    CLICKHOUSE_PORT, CLICKHOUSE_USER, CLICKHOUSE_PASSWORD, CLICKHOUSE_DATABASE
Both read the environment, then a .env file.

Options:
  --to TARGET          postgres or clickhouse
  --orders FILE        the orders file
  --rates FILE         the exchange rates file
  --table NAME         the orders table to create (schema.table or database.table allowed)
  --rates-table NAME   the rates table to create (default NAME_rates)
  --replace            drop and recreate the tables when they exist
  --dotenv FILE        the .env file with the connection (default ./.env)
  -q, --quiet          no progress on stderr`,
  report: `Usage: encore report RESULTS.json [--lang en|ru] [--out FILE] [--png DIR]

Re-renders the report from a results.json without recomputing anything.

Options:
  --lang en|ru   the report's language (default en)
  --out FILE     where to write the HTML (default report.html beside RESULTS.json)
  --png DIR      also write one PNG per chart into DIR`,
  serve: `Usage: encore serve --orders FILE [options]
       encore serve --source postgres --orders TABLE|QUERY [options]

Reads, checks and aggregates the orders once, then serves a page on this machine
(127.0.0.1, a free port unless --port; the URL is printed) with the report's sections and a
filter bar: first-order dates, each first-order attribute, segment, language. Each change
recomputes the figures for those customers; the filter is in the page's address, so a view
can be shared and reloaded. The customer lists, and the customers of one entry-point value
or one cohort, download as CSV for the current filter. Nothing is loaded from the network.
Ctrl-C or SIGTERM stops the server and closes the engine.

Options: those of encore analyze (--cohort-from, --cohort-to, --where and --segment set the
filter the page opens with), without --out, and:
  --port N       the port to listen on (default: a free one)
  --host ADDR    the address to listen on (default 127.0.0.1; any other is reachable from
                 other machines, with a warning)
  --lang en|ru   the page's language to start with (default en)`,
  demo: `Usage: encore demo [--out DIR] [--seed N] [--users N] [--lang en|ru] [--serve]

Generates the demo orders of a ticket service (seeded, so always the same for one seed)
into DIR/data and analyses them into DIR (default out/demo); with --serve, serves them
instead as encore serve does.

Options:
  --out DIR      the output directory (default out/demo)
  --seed N       the generator's seed
  --users N      how many users to generate (default about 22,000)
  --lang en|ru   the report's language (default en)
  --serve        serve the demo's page instead of writing its report (see encore serve)
  --port N       with --serve: the port (default: a free one)
  --host ADDR    with --serve: the address (default 127.0.0.1)
  -q, --quiet    no progress on stderr`,
  generate: `Usage: encore generate --out DIR [--format csv|parquet] [--seed N] [--users N]

Writes the demo data: DIR/orders.csv, DIR/rates.csv and DIR/manifest.json (what was planted,
including the injected defects per reject reason). With --format parquet, writes
DIR/orders.parquet instead, for benchmarks at scale (e.g. --users 760000 for ~10M orders);
its manifest counts the defects as written to CSV (in Parquet's typed columns a value that
cannot be typed, such as a bad timestamp, becomes empty).

Options:
  --out DIR         the output directory
  --format F        csv (default) or parquet
  --seed N          the generator's seed
  --users N         how many users to generate
  -q, --quiet       no progress on stderr`,
};

export const helpText = (topic: CommandName | null): string => (topic ? COMMANDS[topic] : MAIN);
